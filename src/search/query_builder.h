// Query text → Xapian query, with the terms of search/document_builder.h.
#pragma once

#include <xapian.h>

#include <string_view>

namespace gongkai::search {

// How a CJK segment of 4+ characters matches (1 to 3 characters are one term).
enum class CjkMatch {
  kPhrase,  // its trigrams adjacent and in order (the exact characters): the default
  kAnd,     // its trigrams anywhere in the document (looser; measured in bench/search_bench.cc)
};

// The AND of every segment of `query`; an empty Xapian::Query if the query has no word or CJK
// character.
Xapian::Query BuildQuery(std::string_view query, CjkMatch cjk = CjkMatch::kPhrase);

}  // namespace gongkai::search
