#include "search/highlighter.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "search/tokenizer.h"

namespace gongkai::search {
namespace {

struct Range {
  size_t begin = 0, end = 0;  // bytes of the original text
};

// How far back (in characters) a snippet may start before its first match to begin at a
// sentence start, and how much context it shows before the match otherwise.
constexpr size_t kSentenceLookBack = 30;
constexpr size_t kContextChars = 12;

bool IsSentenceEnd(int32_t cp) {
  return cp == 0x3002 /* 。 */ || cp == 0xFF01 /* ！ */ || cp == 0xFF1F /* ？ */ ||
         cp == 0xFF1B /* ； */ || cp == '\n' || cp == '!' || cp == '?' || cp == ';';
}

void AppendEscaped(std::string_view text, size_t begin, size_t end, bool flatten,
                   std::string* out) {
  size_t i = begin;
  while (i < end) {
    const char c = text[i];
    switch (c) {
      case '&':
        *out += "&amp;";
        ++i;
        continue;
      case '<':
        *out += "&lt;";
        ++i;
        continue;
      case '>':
        *out += "&gt;";
        ++i;
        continue;
      case '"':
        *out += "&quot;";
        ++i;
        continue;
      case '\'':
        *out += "&#39;";
        ++i;
        continue;
      case '\n':
      case '\r':
      case '\t':
        *out += flatten ? ' ' : c;
        ++i;
        continue;
      default:
        break;
    }
    size_t len = 1;
    if (DecodeUtf8(text, i, &len) < 0) {
      *out += "\xEF\xBF\xBD";
    } else {
      out->append(text.substr(i, len));
    }
    i += len;
  }
}

// text[begin, end) escaped, with the parts inside `marks` (sorted, disjoint) marked.
void AppendMarked(std::string_view text, size_t begin, size_t end, const std::vector<Range>& marks,
                  bool flatten, std::string* out) {
  size_t at = begin;
  for (const Range& m : marks) {
    if (m.end <= at) continue;
    if (m.begin >= end) break;
    const size_t b = std::max(m.begin, at), e = std::min(m.end, end);
    AppendEscaped(text, at, b, flatten, out);
    *out += "<mark>";
    AppendEscaped(text, b, e, flatten, out);
    *out += "</mark>";
    at = e;
  }
  AppendEscaped(text, at, end, flatten, out);
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscaped(text, 0, text.size(), false, &out);
  return out;
}

Highlighter::Highlighter(std::string_view query) {
  for (const Segment& s : Segmentize(query)) {
    if (s.kind == SegmentKind::kWord) {
      words_.insert(s.text);
      continue;
    }
    const std::string& t = s.text;
    if (s.chars() == 1) {
      cjk_.insert(t);
      continue;
    }
    for (size_t i = 0, len = 0; i < t.size(); i += len) {
      len = Utf8CharLength(t, i);
      if (i + len >= t.size()) break;
      cjk_.insert(t.substr(i, len + Utf8CharLength(t, i + len)));
    }
  }
}

namespace {

// The matches of `words` and `cjk` in `text`, sorted and merged (touching ranges join).
std::vector<Range> FindMatches(std::string_view text, const std::unordered_set<std::string>& words,
                               const std::unordered_set<std::string>& cjk) {
  std::vector<Range> found;
  if (words.empty() && cjk.empty()) return found;
  std::string key;
  for (const Segment& s : Segmentize(text)) {
    if (s.kind == SegmentKind::kWord) {
      if (words.count(s.text)) found.push_back({s.bounds[0], s.bounds[1]});
      continue;
    }
    const std::vector<uint32_t>& b = s.bounds;
    const size_t n = b.size() - 1;
    for (size_t i = 0; i < n; ++i) {
      key.assign(text.substr(b[i], b[i + 1] - b[i]));
      if (cjk.count(key)) found.push_back({b[i], b[i + 1]});
      if (i + 1 < n) {
        key.assign(text.substr(b[i], b[i + 2] - b[i]));
        if (cjk.count(key)) found.push_back({b[i], b[i + 2]});
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  std::vector<Range> merged;
  for (const Range& r : found) {
    if (!merged.empty() && r.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

}  // namespace

std::string Highlighter::Highlight(std::string_view text) const {
  std::string out;
  out.reserve(text.size() + 32);
  AppendMarked(text, 0, text.size(), FindMatches(text, words_, cjk_), false, &out);
  return out;
}

std::string Highlighter::Snippet(std::string_view text, size_t max_chars) const {
  // Character starts (plus the end), so the window is counted in characters, not bytes.
  std::vector<size_t> starts;
  starts.reserve(text.size() / 2 + 1);
  for (size_t i = 0; i < text.size(); i += Utf8CharLength(text, i)) starts.push_back(i);
  starts.push_back(text.size());
  const size_t chars = starts.size() - 1;
  auto char_of = [&](size_t byte) {
    return static_cast<size_t>(std::lower_bound(starts.begin(), starts.end(), byte) -
                               starts.begin());
  };

  const std::vector<Range> marks = FindMatches(text, words_, cjk_);
  size_t first = 0;  // first character of the window
  if (!marks.empty()) {
    // The window that starts at a match and holds the most matches.
    size_t best = 0, best_count = 0;
    for (size_t k = 0, j = 0; k < marks.size(); ++k) {
      const size_t limit = char_of(marks[k].begin) + max_chars;
      j = std::max(j, k);
      while (j < marks.size() && char_of(marks[j].end) <= limit) ++j;
      if (j - k > best_count) {
        best_count = j - k;
        best = k;
      }
    }
    const size_t match = char_of(marks[best].begin);
    first = match > kContextChars ? match - kContextChars : 0;
    // Prefer the start of the match's sentence when it is near.
    const size_t floor = match > kSentenceLookBack ? match - kSentenceLookBack : 0;
    for (size_t c = match; c > floor; --c) {
      size_t len = 0;
      if (IsSentenceEnd(DecodeUtf8(text, starts[c - 1], &len))) {
        first = c;
        break;
      }
      if (c - 1 == 0) first = 0;
    }
  }
  // Skip leading white space.
  while (first < chars && (text[starts[first]] == ' ' || text[starts[first]] == '\n' ||
                           text[starts[first]] == '\r' || text[starts[first]] == '\t')) {
    ++first;
  }
  const size_t last = std::min(chars, first + max_chars);
  std::string out;
  if (first > 0) out += "…";
  AppendMarked(text, starts[first], starts[last], marks, true, &out);
  if (last < chars) out += "…";
  return out;
}

}  // namespace gongkai::search
