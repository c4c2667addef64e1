// Decimal: an exact fixed-point number with six decimal places, used for every report cell.
// Counts (件/条/次/人) are whole numbers; money is stored in 元 with fen precision and shown in
// 万元 (1 万元 = 10,000 元), so 0.000001 万元 = 0.01 元 is the smallest step we need.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

class Decimal {
 public:
  static constexpr int64_t kScale = 1'000'000;

  constexpr Decimal() = default;
  static constexpr Decimal FromInt(int64_t n) { return Decimal(n * kScale); }
  static constexpr Decimal FromMicros(int64_t micros) { return Decimal(micros); }
  // 元 in fen (分) → 万元: 1 分 = 0.01 元 = 0.000001 万元.
  static constexpr Decimal WanYuanFromFen(int64_t fen) { return Decimal(fen); }
  // Parses "12", "-3", "0.25", "1,234.5". Returns nullopt for anything else (including more
  // than six decimals).
  static std::optional<Decimal> Parse(std::string_view text);

  int64_t micros() const { return micros_; }
  bool is_integer() const { return micros_ % kScale == 0; }
  int64_t integer_part() const { return micros_ / kScale; }
  bool is_negative() const { return micros_ < 0; }

  // "12", "0.25", "-3.5" — shortest exact form, no trailing zeros.
  std::string ToString() const;

  friend constexpr Decimal operator+(Decimal a, Decimal b) { return Decimal(a.micros_ + b.micros_); }
  friend constexpr Decimal operator-(Decimal a, Decimal b) { return Decimal(a.micros_ - b.micros_); }
  Decimal& operator+=(Decimal o) {
    micros_ += o.micros_;
    return *this;
  }
  friend constexpr auto operator<=>(Decimal a, Decimal b) = default;
  friend constexpr bool operator==(Decimal a, Decimal b) = default;

 private:
  constexpr explicit Decimal(int64_t micros) : micros_(micros) {}
  int64_t micros_ = 0;
};

}  // namespace gongkai
