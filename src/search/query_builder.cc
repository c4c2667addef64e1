#include "search/query_builder.h"

#include <string>
#include <vector>

#include "search/tokenizer.h"

namespace gongkai::search {

Xapian::Query BuildQuery(std::string_view query, CjkMatch cjk) {
  std::vector<Xapian::Query> parts;
  for (const Segment& s : Segmentize(query)) {
    if (s.kind == SegmentKind::kWord) {
      if (s.text.size() <= kMaxWordBytes) parts.emplace_back(s.text);
      continue;
    }
    // 1, 2 or 3 characters: one term (unigram, bigram, trigram); more: its trigrams.
    const std::string& t = s.text;
    if (s.chars() <= 3) {
      parts.emplace_back(t);
      continue;
    }
    std::vector<size_t> starts;  // byte offset of each character
    for (size_t i = 0; i < t.size(); i += Utf8CharLength(t, i)) starts.push_back(i);
    starts.push_back(t.size());
    std::vector<Xapian::Query> trigrams;
    for (size_t c = 0; c + 3 < starts.size(); ++c) {
      trigrams.emplace_back(t.substr(starts[c], starts[c + 3] - starts[c]));
    }
    if (cjk == CjkMatch::kPhrase) {
      parts.emplace_back(Xapian::Query::OP_PHRASE, trigrams.begin(), trigrams.end(),
                         static_cast<Xapian::termcount>(trigrams.size()));
    } else {
      parts.emplace_back(Xapian::Query::OP_AND, trigrams.begin(), trigrams.end());
    }
  }
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace gongkai::search
