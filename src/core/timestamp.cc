#include "core/timestamp.h"

#include <cstdio>

namespace gongkai {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kChinaOffset = 8 * 3600;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::string Timestamp::ToIso8601() const {
  const int64_t days = FloorDiv(unix_seconds, kDay);
  const int64_t secs = unix_seconds - days * kDay;
  const Date d = Date::FromDays(static_cast<int32_t>(days));
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year(), d.month(), d.day(),
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

Result<Timestamp> Timestamp::ParseIso8601(std::string_view text) {
  const auto bad = [&] { return InvalidInput("时间 \"" + std::string(text) + "\" 格式不正确"); };
  if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z' || text[13] != ':' ||
      text[16] != ':') {
    return bad();
  }
  Result<Date> d = Date::Parse(text.substr(0, 10));
  if (!d.ok()) return bad();
  int h = 0, m = 0, s = 0;
  for (auto [pos, out] : {std::pair{11, &h}, std::pair{14, &m}, std::pair{17, &s}}) {
    const char a = text[pos], b = text[pos + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return bad();
    *out = (a - '0') * 10 + (b - '0');
  }
  if (h > 23 || m > 59 || s > 59) return bad();
  return Timestamp{static_cast<int64_t>(d->days()) * kDay + h * 3600 + m * 60 + s};
}

Date Timestamp::ChinaDate() const {
  return Date::FromDays(static_cast<int32_t>(FloorDiv(unix_seconds + kChinaOffset, kDay)));
}

std::string Timestamp::ChinaText() const {
  const int64_t local = unix_seconds + kChinaOffset;
  const int64_t secs = local - FloorDiv(local, kDay) * kDay;
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60));
  return ChinaDate().ToChinese() + buf;
}

}  // namespace gongkai
