// Text helpers of extraction: UTF-8 decoding, the character folding used to compare printed
// text with the format's labels, and the Stream — a Document's lines as one sequence of folded
// code points, each with its line, with whitespace and cell separators recorded as breaks.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::check::extract {

// Decodes UTF-8. Each byte of an invalid sequence becomes U+FFFD; never fails.
std::u32string DecodeUtf8(std::string_view s);
void AppendUtf8(char32_t c, std::string* out);
std::string EncodeUtf8(std::u32string_view s);

// Folds a code point for comparison: full-width ASCII → ASCII, every kind of space (U+3000,
// NBSP, tab, form feed …) → ' ', Chinese quotes → '"', dashes and minus signs → '-',
// '○' → '〇', box-drawing bars → '|', 【】 → []. Anything else is returned unchanged.
char32_t Fold(char32_t c);
std::u32string Fold(std::u32string_view s);

// Predicates on folded code points.
inline bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsCjk(char32_t c);
// ASCII punctuation and the CJK punctuation used in labels (、。《》〃…).
bool IsPunct(char32_t c);

// Folded text without whitespace and '|': how labels are compared.
std::u32string Squeeze(std::string_view utf8);

// A Document's text as one sequence of visible, folded code points.
struct Stream {
  std::u32string text;      // folded; no whitespace, no '|'
  std::u32string original;  // the code points as printed, same indices
  std::vector<int> line;    // 1-based Document line of each code point
  // Before each code point: whether whitespace, a line end or a '|' separates it from the
  // previous one, and how many '|' (cell separators of " | " layouts) lie in between.
  std::vector<uint8_t> brk;
  std::vector<uint8_t> bars;
  // The Document line where the code point limit stopped the stream (0: all text was read).
  int truncated_at_line = 0;

  size_t size() const { return text.size(); }
  // The printed text of [from, to) as UTF-8 (original code points, no whitespace).
  std::string Original(size_t from, size_t to) const;

  // Where each bigram of `text` occurs, built on first use: searches over long ranges look at
  // these places only. A cursor gives the positions p in [from, to) with text[p] == a and
  // text[p + 1] == b, ascending.
  class BigramCursor {
   public:
    bool Next(size_t* pos) {
      while (it_ != end_) {
        const size_t p = *it_++;
        if (p + 1 >= to_) break;
        if (text_[p] == a_ && text_[p + 1] == b_) {
          *pos = p;
          return true;
        }
      }
      it_ = end_;
      return false;
    }

   private:
    friend struct Stream;
    const char32_t* text_ = nullptr;
    const uint32_t* it_ = nullptr;
    const uint32_t* end_ = nullptr;
    char32_t a_ = 0;
    char32_t b_ = 0;
    size_t to_ = 0;
  };
  BigramCursor Bigram(char32_t a, char32_t b, size_t from, size_t to) const;

 private:
  // Positions grouped by a hash of their bigram (counting sort): bucket k holds
  // positions[starts[k] .. starts[k + 1]), ascending.
  struct BigramIndex {
    std::vector<uint32_t> starts;
    std::vector<uint32_t> positions;
  };
  const BigramIndex& Index() const;
  mutable std::shared_ptr<const BigramIndex> index_;
};

// True for a line that only holds a page number: "-3-", "— 3 —", "第3页", "第 3 页 共 9 页",
// "3/9". A bare number is not a page number (it may be a table value).
bool IsPageNumberLine(std::string_view line);

// The default limit of BuildStream: 4,194,304 code points (≈ 58 MB of stream, ≈ 12 MB of
// Chinese text), far beyond any report; a file past it is read in part, and says so.
inline constexpr size_t kMaxStreamCodePoints = 4u << 20;

// Builds the stream of `lines` (lines[0] is line `first_line`). Page-number lines are skipped.
// At most `max_code_points` code points are kept; the rest of the text is ignored and
// `truncated_at_line` names the line where it begins.
Stream BuildStream(const std::vector<std::string>& lines, int first_line = 1,
                   size_t max_code_points = kMaxStreamCodePoints);

}  // namespace gongkai::check::extract
