#include "store/codec.h"

namespace gongkai::store {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

int Digits(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    const char c = s[i];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::string DateText(Date d) { return d.ToString(); }

Result<Date> ParseDateColumn(std::string_view text, std::string_view column) {
  // The hot path of LoadYear (several dates per application): no allocation, no general parser.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    const int y = Digits(text, 0, 4);
    const int m = Digits(text, 5, 2);
    const int d = Digits(text, 8, 2);
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
      return Date::FromYmd(y, m, d);
    }
  }
  return StorageError("数据库中 " + std::string(column) + " 的值 \"" +
                      std::string(text.substr(0, 40)) + "\" 不是有效日期");
}

}  // namespace gongkai::store
