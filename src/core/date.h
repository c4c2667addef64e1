// A calendar date (no time, no zone): the unit of every statutory deadline.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai {

class Date {
 public:
  constexpr Date() = default;
  // REQUIRES: a valid proleptic Gregorian date.
  static Date FromYmd(int year, int month, int day);
  static constexpr Date FromDays(int32_t days_since_epoch) { return Date(days_since_epoch); }

  // Parses "YYYY-MM-DD" (also accepts "YYYY/MM/DD" and "YYYY年M月D日"). Returns kInvalidInput
  // with a message naming the text otherwise.
  static Result<Date> Parse(std::string_view text);

  int year() const;
  int month() const;
  int day() const;
  // 1 = Monday … 7 = Sunday (ISO 8601).
  int iso_weekday() const;
  bool is_weekend() const { return iso_weekday() >= 6; }
  int32_t days() const { return days_; }

  Date AddDays(int32_t n) const { return Date(days_ + n); }
  Date Next() const { return AddDays(1); }
  Date Prev() const { return AddDays(-1); }

  std::string ToString() const;     // "2019-05-15"
  std::string ToChinese() const;    // "2019年5月15日"
  std::string WeekdayChinese() const;  // "星期三"

  friend constexpr auto operator<=>(Date a, Date b) = default;
  friend constexpr bool operator==(Date a, Date b) = default;

 private:
  constexpr explicit Date(int32_t d) : days_(d) {}
  int32_t days_ = 0;  // days since 1970-01-01
};

// Days from `a` to `b` (b - a).
inline int32_t DaysBetween(Date a, Date b) { return b.days() - a.days(); }

}  // namespace gongkai
