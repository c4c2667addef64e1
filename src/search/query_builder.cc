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
    const std::string& t = s.text;
    if (s.chars() == 1) {
      parts.emplace_back(t);
      continue;
    }
    std::vector<Xapian::Query> bigrams;
    for (size_t i = 0, len = 0; i < t.size(); i += len) {
      len = Utf8CharLength(t, i);
      if (i + len >= t.size()) break;
      bigrams.emplace_back(t.substr(i, len + Utf8CharLength(t, i + len)));
    }
    if (bigrams.size() == 1) {
      parts.push_back(bigrams.front());
    } else if (cjk == CjkMatch::kPhrase) {
      parts.emplace_back(Xapian::Query::OP_PHRASE, bigrams.begin(), bigrams.end(),
                         static_cast<Xapian::termcount>(bigrams.size()));
    } else {
      parts.emplace_back(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end());
    }
  }
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace gongkai::search
