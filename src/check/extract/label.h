// Finding a format's row labels in printed text, tolerantly: half/full-width punctuation,
// spaces, missing numbering or notes, small typos, and numbers or stray text inside a label that
// a PDF wrapped around its cell.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "check/extract/text.h"

namespace gongkai::check::extract {

// A label prepared for matching. "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" gives
// number 2 (Chinese), core "部分公开(区分处理的,只计这一情形,不计其他情形)" and core_short
// "部分公开".
struct LabelPattern {
  std::u32string core;        // folded, no spaces, without numbering and "其中："
  std::u32string core_short;  // core without its trailing "(…)" note; "" if it has none
  int number = 0;             // the numbering's value (0 = none)
  bool qizhong = false;       // the label starts with "其中："
};

LabelPattern MakeLabelPattern(std::string_view label);

// The edits a label of `length` code points may differ by: 0 up to 3 code points, 1 up to 6,
// else 30 % of the length.
int AllowedEdits(size_t length);

struct LabelMatch {
  bool found = false;
  size_t start = 0;         // stream index of the first code point (numbering included if printed)
  size_t end = 0;           // one past the last matched code point
  int cost = 0;             // in 1/20 edits
  bool short_form = false;  // matched without the label's note
  // Stream indices inside [start, end) that are not part of the label (numbers or stray text a
  // PDF put inside a wrapped label).
  std::vector<size_t> inserted;
  std::string printed;  // the label as printed (UTF-8, no whitespace, stray text left out)
  int line = 0;         // line of the first code point
};

// The first occurrence of `pattern` in stream[from, to) within AllowedEdits (half of them if
// `strict`: how a table's first rows are looked for in a whole document). Long ranges are searched
// through a bigram index, so the cost depends on where the label's bigrams occur, not on the
// length of the range.
LabelMatch FindLabel(const Stream& st, const LabelPattern& pattern, size_t from, size_t to,
                     bool strict = false);

// The start of a numbering of value `number` ("2." "2、" "(2)" "二、" "（二）") and/or "其中："
// printed right before stream index `pos` (not before `floor`); `pos` if there is none.
size_t NumberingStart(const Stream& st, size_t pos, int number, size_t floor);

// Exact search of folded, squeezed `needle` in stream[from, to); npos if absent.
size_t FindExact(const Stream& st, std::u32string_view needle, size_t from, size_t to);

// The value of a Chinese numeral ("十二" → 12) or 0.
int ChineseNumeralValue(std::u32string_view s);

}  // namespace gongkai::check::extract
