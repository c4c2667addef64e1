// Text helpers of the checks: a report's text as one normalized string of code points that
// remembers the Document line of every character, numbers written in Arabic or Chinese
// numerals, and small string measures. Internal to src/check/rules.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/document.h"
#include "core/decimal.h"

namespace gongkai::check::rules {

// Lenient UTF-8 decoding: an invalid byte becomes U+FFFD (the readers hand us valid UTF-8; the
// checks must not fail on anything).
std::u32string DecodeUtf8(std::string_view utf8);
std::string EncodeUtf8(std::u32string_view text);
inline std::string EncodeUtf8(char32_t c) { return EncodeUtf8(std::u32string_view(&c, 1)); }

// Character classes over normalized text (full-width ASCII already folded).
bool IsCjk(char32_t c);  // a Han character (or 〇)
bool IsAsciiDigit(char32_t c);
bool IsAsciiAlnum(char32_t c);
// 。！？；! ? ; and line feed: a sentence ends.
bool IsSentenceEnd(char32_t c);
// A sentence end, or ，、：, : — a clause ends.
bool IsClauseEnd(char32_t c);

// Folds one character: full-width forms U+FF01–FF5E to ASCII, U+3000 and other spaces to ' ',
// the look-alikes of the dash (－—–) in numbers are kept as they are.
char32_t FoldChar(char32_t c);
// Folds and removes every space: the form in which labels and names are compared.
std::u32string Compact(std::u32string_view text);
std::u32string Compact(std::string_view utf8);

// A report's text (or the narrative part of it) as one string: lines joined, full-width forms
// folded, spaces dropped except between two ASCII letters/digits (kept as one ' '), page-number
// lines ("-3-", "第 3 页") skipped, and the labels of the statistics tables replaced by '|' so
// that the numbers printed after them are not read as sentences.
class ReportText {
 public:
  struct Options {
    // Lines [exclude_first, exclude_last] are left out (the statistics tables); 0 = none.
    int exclude_first = 0;
    int exclude_last = 0;
    // Table labels to mask (folded and compacted by Build); shorter than 4 characters ignored.
    const std::vector<std::u32string>* mask = nullptr;
  };
  static ReportText Build(const Document& doc, const Options& options);

  const std::u32string& text() const { return text_; }
  size_t size() const { return text_.size(); }
  char32_t operator[](size_t i) const { return text_[i]; }
  // The Document line (1-based) of character `pos` (the last line for pos == size()).
  int LineAt(size_t pos) const;
  // UTF-8 of the characters [begin, end) as printed (not folded: "，" stays "，").
  std::string Slice(size_t begin, size_t end) const;
  // Position of the next occurrence of `needle` at or after `from`, or npos.
  size_t Find(std::u32string_view needle, size_t from = 0) const {
    return text_.find(needle, from);
  }
  // Bounds of the sentence / clause around `pos`: [begin, end) without the terminator. A
  // "sentence" longer than kMaxSentence characters (text without punctuation, a table) is cut
  // there, so that every check stays linear in the size of the text.
  static constexpr size_t kMaxSentence = 1000;
  size_t SentenceBegin(size_t pos) const;
  size_t SentenceEnd(size_t pos) const;
  size_t ClauseBegin(size_t pos) const;

 private:
  std::u32string text_;
  std::u32string printed_;  // the same characters before folding
  std::vector<int> lines_;  // line of each character
};

// A number found in text.
struct Number {
  Decimal value;
  size_t begin = 0;  // [begin, end) in the text
  size_t end = 0;
  bool chinese = false;  // written in Chinese numerals (两、十二、一百零五)
};

// The number that starts at `pos`: Arabic digits with optional thousands separators and one
// decimal point ("1,234", "96171.6"), or Chinese numerals (零〇一二两三四五六七八九十百千万).
// nullopt if none starts there or it is too large. Chinese digit strings without a unit
// character such as 二〇一二 are read digit by digit.
std::optional<Number> NumberAt(std::u32string_view text, size_t pos);
// The number that ends right before `end` (text[end-1] is its last character).
std::optional<Number> NumberBefore(std::u32string_view text, size_t end);

// A date written "2018年1月3日" (or 号), in Arabic or Chinese numerals ("二○一二年二月二十日").
struct TextDate {
  int year = 0, month = 0, day = 0;
  size_t begin = 0, end = 0;
};
// The date starting at `pos`, or nullopt (also for impossible months/days or years outside
// 1949–2199).
std::optional<TextDate> DateAt(std::u32string_view text, size_t pos);

// Edit distance (insert, delete, substitute one code point).
int EditDistance(std::u32string_view a, std::u32string_view b);

// True if `pos` lies inside a book title 《…》 (or 〈…〉) opened in the same sentence, at most
// 300 characters before.
bool InsideTitleMarks(std::u32string_view text, size_t pos);

bool StartsWith(std::u32string_view text, size_t pos, std::u32string_view prefix);
bool Contains(std::u32string_view text, std::u32string_view needle);
// True if text[begin, end) contains any of `needles`.
bool ContainsAny(std::u32string_view text, size_t begin, size_t end,
                 std::initializer_list<std::u32string_view> needles);

}  // namespace gongkai::check::rules
