#include "core/decimal.h"

#include <cstdlib>

namespace gongkai {

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  std::string_view s = text;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  bool neg = false;
  if (s.front() == '-' || s.front() == '+') {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  int64_t whole = 0;
  int64_t frac = 0;
  int frac_digits = 0;
  bool seen_digit = false;
  bool in_frac = false;
  // Thousands separators must group the integer digits by three ("1,234"): a misplaced comma
  // ("1,2" — a European decimal comma?) is rejected rather than read as 12.
  bool grouped = false;
  int group_digits = 0;  // digits since the last comma (or the start)
  for (char c : s) {
    if (c == ',' && !in_frac) {
      if (group_digits == 0 || (grouped ? group_digits != 3 : group_digits > 3)) {
        return std::nullopt;
      }
      grouped = true;
      group_digits = 0;
      continue;
    }
    if (c == '.' && !in_frac) {
      if (grouped && group_digits != 3) return std::nullopt;
      in_frac = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (in_frac) {
      if (++frac_digits > 6) return std::nullopt;
      frac = frac * 10 + (c - '0');
    } else {
      ++group_digits;
      if (whole > 9'000'000'000'000LL / 10) return std::nullopt;  // overflow guard
      whole = whole * 10 + (c - '0');
    }
  }
  if (grouped && !in_frac && group_digits != 3) return std::nullopt;
  if (!seen_digit) return std::nullopt;
  for (int i = frac_digits; i < 6; ++i) frac *= 10;
  const int64_t micros = whole * kScale + frac;
  return Decimal(neg ? -micros : micros);
}

std::string Decimal::ToString() const {
  // Unsigned, so that the most negative value has a magnitude too.
  const uint64_t a =
      micros_ < 0 ? 0 - static_cast<uint64_t>(micros_) : static_cast<uint64_t>(micros_);
  const auto scale = static_cast<uint64_t>(kScale);
  std::string out = (micros_ < 0 ? "-" : "") + std::to_string(a / scale);
  const uint64_t frac = a % scale;
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(0, 6 - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

}  // namespace gongkai
