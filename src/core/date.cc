#include "core/date.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace gongkai {
namespace {

// Howard Hinnant's civil-from-days / days-from-civil algorithms.
constexpr int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

struct Ymd {
  int y;
  unsigned m;
  unsigned d;
};

constexpr Ymd CivilFromDays(int32_t z) {
  z += 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2 ? 1 : 0), m, d};
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ParseInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Date Date::FromYmd(int year, int month, int day) {
  return Date(DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

Result<Date> Date::Parse(std::string_view text) {
  auto bad = [&] {
    return InvalidInput("不是有效日期 \"" + std::string(text.substr(0, 40)) +
                        "\"（应为 YYYY-MM-DD）");
  };
  std::string_view s = text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  std::array<std::string_view, 3> parts;
  if (s.find("年") != std::string_view::npos) {
    const size_t y = s.find("年");
    const size_t m = s.find("月", y);
    const size_t d = s.find("日", m == std::string_view::npos ? y : m);
    if (m == std::string_view::npos || d == std::string_view::npos || d + 3 != s.size()) {
      return bad();
    }
    parts = {s.substr(0, y), s.substr(y + 3, m - y - 3), s.substr(m + 3, d - m - 3)};
  } else {
    const char sep = s.find('/') != std::string_view::npos ? '/' : '-';
    const size_t a = s.find(sep);
    const size_t b = a == std::string_view::npos ? a : s.find(sep, a + 1);
    if (b == std::string_view::npos || s.find(sep, b + 1) != std::string_view::npos) return bad();
    parts = {s.substr(0, a), s.substr(a + 1, b - a - 1), s.substr(b + 1)};
  }
  int y = 0;
  int m = 0;
  int d = 0;
  if (parts[0].size() != 4 || !ParseInt(parts[0], y) || !ParseInt(parts[1], m) ||
      !ParseInt(parts[2], d) || parts[1].size() > 2 || parts[2].size() > 2) {
    return bad();
  }
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return bad();
  return FromYmd(y, m, d);
}

int Date::year() const { return CivilFromDays(days_).y; }
int Date::month() const { return static_cast<int>(CivilFromDays(days_).m); }
int Date::day() const { return static_cast<int>(CivilFromDays(days_).d); }

int Date::iso_weekday() const {
  // 1970-01-01 was a Thursday (4).
  const int32_t w = (days_ % 7 + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

std::string Date::ToString() const {
  const Ymd c = CivilFromDays(days_);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.y, c.m, c.d);
  return buf;
}

std::string Date::ToChinese() const {
  const Ymd c = CivilFromDays(days_);
  return std::to_string(c.y) + "年" + std::to_string(c.m) + "月" + std::to_string(c.d) + "日";
}

std::string Date::WeekdayChinese() const {
  static constexpr std::array<const char*, 7> kNames = {"星期一", "星期二", "星期三", "星期四",
                                                        "星期五", "星期六", "星期日"};
  return kNames[iso_weekday() - 1];
}

}  // namespace gongkai
