// How one catalog item becomes one Xapian document — the index's layout, in one place.
//
// Terms (search/tokenizer.h cuts the text into words and CJK runs): a word; and of a CJK run,
// every character (unigram), every two adjacent characters (bigram) and every three (trigram):
//   - trigrams and words carry positions, so a query of 4+ CJK characters is a phrase of its
//     trigrams; unigrams and bigrams carry none (a 1-, 2- or 3-character query is one term and
//     needs no phrase), which keeps the position table small. A 3-character query is one
//     posting list, and a longer one a phrase of rarer lists, than with bigrams alone — the
//     1,000,000-item measurements in bench/README.md §2;
//   - every occurrence adds a within-document frequency (wdf) by field — title kTitleWdf, 文号
//     kDocNoWdf, 内容概述 kSummaryWdf, body and attachment text 1 — so BM25 (Xapian's default
//     weighting) ranks a title match above a body match;
//   - fields are kFieldGap positions apart, so no phrase spans two fields;
//   - boolean (weightless) terms: "Q<id>" (the item, unique), "A<agency_id>", "T<主题分类>"
//     plus "T<each parent category>" ("T综合政务" for "综合政务\政务公开"), "G<体裁>".
// Value slot kDateSlot holds the 公开日期 as "YYYYMMDD" (sort by date). The document data holds
// what a result page shows (StoredFields), so a search never touches the database.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/search_feed.h"

namespace gongkai::search {

inline constexpr Xapian::valueno kDateSlot = 0;
inline constexpr Xapian::termcount kTitleWdf = 5;
inline constexpr Xapian::termcount kDocNoWdf = 3;
inline constexpr Xapian::termcount kSummaryWdf = 2;
inline constexpr Xapian::termpos kFieldGap = 100;
// Text kept for snippets (summary, body, attachments), cut at a character boundary.
inline constexpr size_t kMaxStoredTextBytes = 32 * 1024;

// The fields a hit shows, kept in the document data.
struct StoredFields {
  int64_t catalog_item_id = 0;
  int64_t agency_id = 0;
  Date published_on;
  std::string title;
  std::string doc_no;
  std::string index_no;
  std::string text;  // summary, body and attachment text, newline-separated, capped

  std::string Encode() const;
  // False if `data` is not the encoding of a StoredFields.
  static bool Decode(std::string_view data, StoredFields* out);
};

// The unique term of item `id`: "Q<id>".
std::string UniqueTerm(int64_t catalog_item_id);
std::string AgencyTerm(int64_t agency_id);
std::string TopicTerm(std::string_view topic);  // "" if too long for a term
std::string GenreTerm(std::string_view genre);  // "" if too long for a term

// The Xapian document of `doc`.
Xapian::Document BuildDocument(const SearchDocument& doc);

}  // namespace gongkai::search
