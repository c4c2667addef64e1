#include "core/date.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace gongkai {
namespace {

using ::testing::HasSubstr;

struct ParseCase {
  const char* text;
  const char* want;  // ToString(), or nullptr for an error
};

void PrintTo(const ParseCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class DateParseTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(DateParseTest, Parses) {
  const ParseCase& c = GetParam();
  Result<Date> d = Date::Parse(c.text);
  if (c.want == nullptr) {
    ASSERT_FALSE(d.ok()) << c.text << " → " << d->ToString();
    EXPECT_EQ(d.status().code(), ErrorCode::kInvalidInput);
    EXPECT_THAT(d.status().message(), HasSubstr("不是有效日期"));
    EXPECT_THAT(d.status().message(), HasSubstr("YYYY-MM-DD"));
  } else {
    ASSERT_TRUE(d.ok()) << c.text << ": " << d.status().message();
    EXPECT_EQ(d->ToString(), c.want);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DateParseTest,
    ::testing::Values(ParseCase{"2019-05-15", "2019-05-15"}, ParseCase{"2019-5-1", "2019-05-01"},
                      ParseCase{"2019/05/15", "2019-05-15"},
                      ParseCase{"2019年5月15日", "2019-05-15"},
                      ParseCase{"2019年05月05日", "2019-05-05"},
                      ParseCase{"  2019-05-15\t", "2019-05-15"},
                      ParseCase{"2019-05-15\r\n", "2019-05-15"},
                      ParseCase{"2020-02-29", "2020-02-29"},  // leap year
                      ParseCase{"2000-02-29", "2000-02-29"},  // divisible by 400
                      ParseCase{"1900-01-01", "1900-01-01"}, ParseCase{"2200-12-31", "2200-12-31"},
                      ParseCase{"2019-02-29", nullptr},  // common year
                      ParseCase{"2100-02-29", nullptr},  // divisible by 100, not 400
                      ParseCase{"2019-04-31", nullptr}, ParseCase{"2019-13-01", nullptr},
                      ParseCase{"2019-00-10", nullptr}, ParseCase{"2019-01-00", nullptr},
                      ParseCase{"2019-01-32", nullptr}, ParseCase{"1899-12-31", nullptr},
                      ParseCase{"2201-01-01", nullptr}, ParseCase{"19-05-15", nullptr},
                      ParseCase{"02019-05-15", nullptr}, ParseCase{"2019-005-15", nullptr},
                      ParseCase{"2019-05-15x", nullptr}, ParseCase{"2019-05", nullptr},
                      ParseCase{"2019-05-15-01", nullptr}, ParseCase{"2019/05-15", nullptr},
                      ParseCase{"2019--5-15", nullptr}, ParseCase{"2019/-5/15", nullptr},
                      ParseCase{"2019年5月15", nullptr}, ParseCase{"2019年15日", nullptr},
                      ParseCase{"2019年5月15日晚", nullptr}, ParseCase{"", nullptr},
                      ParseCase{"today", nullptr}, ParseCase{"20190515", nullptr}));

TEST(DateTest, ErrorQuotesTheText) {
  Result<Date> d = Date::Parse("2019-02-30");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(), "不是有效日期 \"2019-02-30\"（应为 YYYY-MM-DD）");
}

TEST(DateTest, FieldsAndFormatting) {
  const Date d = Date::FromYmd(2019, 5, 15);
  EXPECT_EQ(d.year(), 2019);
  EXPECT_EQ(d.month(), 5);
  EXPECT_EQ(d.day(), 15);
  EXPECT_EQ(d.ToString(), "2019-05-15");
  EXPECT_EQ(d.ToChinese(), "2019年5月15日");
  EXPECT_EQ(d.WeekdayChinese(), "星期三");
  EXPECT_EQ(d.iso_weekday(), 3);
  EXPECT_FALSE(d.is_weekend());
}

TEST(DateTest, Weekdays) {
  struct Case {
    int y, m, d, iso;
    const char* zh;
  };
  for (const Case& c : {Case{1970, 1, 1, 4, "星期四"}, Case{1969, 12, 31, 3, "星期三"},
                        Case{1969, 12, 28, 7, "星期日"}, Case{1900, 1, 1, 1, "星期一"},
                        Case{2019, 9, 29, 7, "星期日"}, Case{2019, 10, 1, 2, "星期二"},
                        Case{2019, 10, 12, 6, "星期六"}, Case{2024, 2, 29, 4, "星期四"},
                        Case{2026, 12, 31, 4, "星期四"}}) {
    const Date d = Date::FromYmd(c.y, c.m, c.d);
    EXPECT_EQ(d.iso_weekday(), c.iso) << d.ToString();
    EXPECT_EQ(d.WeekdayChinese(), c.zh) << d.ToString();
    EXPECT_EQ(d.is_weekend(), c.iso >= 6) << d.ToString();
  }
}

TEST(DateTest, EpochAndArithmetic) {
  EXPECT_EQ(Date::FromYmd(1970, 1, 1).days(), 0);
  EXPECT_EQ(Date::FromYmd(1969, 12, 31).days(), -1);
  EXPECT_EQ(Date::FromYmd(2000, 3, 1).days(), 11017);
  const Date d = Date::FromYmd(2019, 12, 31);
  EXPECT_EQ(d.Next().ToString(), "2020-01-01");
  EXPECT_EQ(d.Next().Prev(), d);
  EXPECT_EQ(Date::FromYmd(2020, 2, 28).AddDays(1).ToString(), "2020-02-29");
  EXPECT_EQ(Date::FromYmd(2019, 2, 28).AddDays(1).ToString(), "2019-03-01");
  EXPECT_EQ(d.AddDays(-365).ToString(), "2018-12-31");
  EXPECT_EQ(DaysBetween(Date::FromYmd(2019, 5, 15), Date::FromYmd(2020, 5, 15)), 366);
  EXPECT_EQ(DaysBetween(Date::FromYmd(2020, 5, 15), Date::FromYmd(2019, 5, 15)), -366);
  EXPECT_LT(Date::FromYmd(2019, 5, 14), Date::FromYmd(2019, 5, 15));
  EXPECT_EQ(Date::FromDays(d.days()), d);
}

TEST(DateTest, EveryDayRoundTripsFrom1900To2200) {
  // Walks day by day and checks that the civil fields advance like a calendar does.
  Date d = Date::FromYmd(1900, 1, 1);
  int y = 1900, m = 1, day = 1;
  auto leap = [](int yr) { return (yr % 4 == 0 && yr % 100 != 0) || yr % 400 == 0; };
  const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  while (y <= 2200) {
    ASSERT_EQ(d.year(), y);
    ASSERT_EQ(d.month(), m);
    ASSERT_EQ(d.day(), day);
    ASSERT_EQ(Date::FromYmd(y, m, day), d);
    if (day == 1 || (m == 2 && day == 29)) {  // a sample, for speed
      Result<Date> p = Date::Parse(d.ToString());
      ASSERT_TRUE(p.ok()) << d.ToString();
      ASSERT_EQ(*p, d);
    }
    d = d.Next();
    const int len = m == 2 && leap(y) ? 29 : kDays[m - 1];
    if (++day > len) {
      day = 1;
      if (++m > 12) {
        m = 1;
        ++y;
      }
    }
  }
}

}  // namespace
}  // namespace gongkai
