// Highlighting of search hits: the query's words and CJK characters wrapped in <mark>…</mark>
// and everything else HTML-escaped, so the output can be put in a page as it is.
//
// What is marked is what the index matched (search/tokenizer.h): whole words equal to a query
// word; for a 1-character CJK query segment, that character; for a longer one, each of its
// bigrams (so the full phrase is marked wherever it occurs, and marks that touch are merged:
// "<mark>政务公开</mark>", not two marks).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace gongkai::search {

// `text` with & < > " ' replaced by entities; invalid UTF-8 bytes become U+FFFD.
std::string HtmlEscape(std::string_view text);

class Highlighter {
 public:
  explicit Highlighter(std::string_view query);

  // All of `text`, escaped, with the matches marked. Line breaks are kept.
  std::string Highlight(std::string_view text) const;

  // A window of at most `max_chars` characters of `text` around its densest cluster of matches
  // (or its beginning if nothing matches), started at a sentence start (after 。！？；or a line
  // break) when one is near, escaped and marked, with "…" where text was cut. Line breaks and
  // tabs become spaces.
  std::string Snippet(std::string_view text, size_t max_chars = 120) const;

 private:
  std::unordered_set<std::string> words_;
  std::unordered_set<std::string> cjk_;  // unigrams and bigrams
};

}  // namespace gongkai::search
