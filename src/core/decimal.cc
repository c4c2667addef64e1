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
  for (char c : s) {
    if (c == ',' && !in_frac) continue;
    if (c == '.' && !in_frac) {
      in_frac = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (in_frac) {
      if (++frac_digits > 6) return std::nullopt;
      frac = frac * 10 + (c - '0');
    } else {
      if (whole > 9'000'000'000'000LL / 10) return std::nullopt;  // overflow guard
      whole = whole * 10 + (c - '0');
    }
  }
  if (!seen_digit) return std::nullopt;
  for (int i = frac_digits; i < 6; ++i) frac *= 10;
  const int64_t micros = whole * kScale + frac;
  return Decimal(neg ? -micros : micros);
}

std::string Decimal::ToString() const {
  const int64_t a = micros_ < 0 ? -micros_ : micros_;
  std::string out = (micros_ < 0 ? "-" : "") + std::to_string(a / kScale);
  int64_t frac = a % kScale;
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(0, 6 - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

}  // namespace gongkai
