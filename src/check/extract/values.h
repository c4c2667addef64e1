// The values printed after a row label: tokens (numbers, blanks, text) and, when digits ran
// together, the ways they split into the row's columns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "check/extract/text.h"

namespace gongkai::check::extract {

struct ValueToken {
  enum class Kind {
    kNumber,  // "12", "1,234", "0.5", "-3", "640020470"
    kBlank,   // "—", "-", "/", "无", or an empty " | | " cell
    kText,
  };
  Kind kind = Kind::kText;
  std::u32string text;  // folded
  std::string raw;      // as printed (UTF-8)
  size_t from = 0;      // stream indices [from, to)
  size_t to = 0;
  int line = 0;
};

// Tokenizes stream[from, to). Indices listed in `skip` (sorted) are left out and end a token
// (a row label's own characters). Two or more '|' between code points give empty-cell blanks.
std::vector<ValueToken> TokenizeValues(const Stream& st, size_t from, size_t to,
                                       const std::vector<size_t>& skip = {});

// What a column accepts when digits are split.
struct ColumnKind {
  bool decimal = false;    // money (万元): "24252.311082"
  bool is_signed = false;  // 本年增/减: "-3"
};

struct SplitResult {
  // Each accepted split: one text per column ("" for a blank token).
  std::vector<std::vector<std::string>> accepted;
  uint64_t fitting = 0;   // splits that fit the column count (saturates at max_fitting + 1)
  bool too_many = false;  // more than max_fitting splits fit the count: none enumerated
  // The only split that fits the count, when there is exactly one (accepted or not).
  std::vector<std::string> only;
};

// Enumerates the ways `tokens` (numbers and blanks only) give exactly columns.size() values:
// each number token is cut into one or more numbers — no leading zeros (except "0" itself and
// "0.x"), at most 12 integer digits, a decimal point only in a decimal column, a sign only at
// the start of a token in a signed column — and each blank fills one column. Splits for which
// `accept` returns true are kept (at most `max_accepted`; beyond, too_many is set). Work is
// bounded by `max_fitting`.
SplitResult EnumerateSplits(const std::vector<ValueToken>& tokens,
                            const std::vector<ColumnKind>& columns,
                            const std::function<bool(const std::vector<std::string>&)>& accept,
                            uint64_t max_fitting = 200000, size_t max_accepted = 4096);

// The line of each part of a split of `tokens` (as returned by EnumerateSplits).
std::vector<int> PartLines(const std::vector<ValueToken>& tokens,
                           const std::vector<std::string>& parts);

}  // namespace gongkai::check::extract
