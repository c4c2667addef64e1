#include "core/decimal.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <string>

namespace gongkai {
namespace {

struct ParseCase {
  const char* text;
  std::optional<int64_t> micros;  // nullopt = rejected
};

void PrintTo(const ParseCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class DecimalParseTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(DecimalParseTest, Parses) {
  const ParseCase& c = GetParam();
  const std::optional<Decimal> d = Decimal::Parse(c.text);
  ASSERT_EQ(d.has_value(), c.micros.has_value()) << "\"" << c.text << "\"";
  if (d) {
    EXPECT_EQ(d->micros(), *c.micros) << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DecimalParseTest,
    ::testing::Values(
        ParseCase{"12", 12'000'000}, ParseCase{"-3", -3'000'000}, ParseCase{"+3", 3'000'000},
        ParseCase{"0.25", 250'000}, ParseCase{"1,234.5", 1'234'500'000},
        ParseCase{"1,234,567", 1'234'567'000'000}, ParseCase{"  7 ", 7'000'000},
        ParseCase{"0.000001", 1}, ParseCase{"-0.000001", -1}, ParseCase{"123.456789", 123'456'789},
        ParseCase{".5", 500'000}, ParseCase{"0", 0}, ParseCase{"-0", 0},
        ParseCase{"999,999.999999", 999'999'999'999},
        // Rejected.
        ParseCase{"", std::nullopt}, ParseCase{"   ", std::nullopt}, ParseCase{"-", std::nullopt},
        ParseCase{".", std::nullopt}, ParseCase{"abc", std::nullopt},
        ParseCase{"1.2.3", std::nullopt}, ParseCase{"0.0000001", std::nullopt},  // 7 decimals
        ParseCase{"1e5", std::nullopt}, ParseCase{"--1", std::nullopt},
        ParseCase{"1 000", std::nullopt}, ParseCase{"12%", std::nullopt},
        ParseCase{"1.5,0", std::nullopt},  // comma in the fraction
        // Regression: misplaced thousands separators used to be skipped, so "1,2" (a decimal
        // comma) read as 12. They must group the integer part by three.
        ParseCase{"1,2", std::nullopt}, ParseCase{"1,23", std::nullopt},
        ParseCase{"1,2345", std::nullopt}, ParseCase{"1234,567", std::nullopt},
        ParseCase{",123", std::nullopt}, ParseCase{"1,", std::nullopt},
        ParseCase{"1,,234", std::nullopt}, ParseCase{"1,23.5", std::nullopt},
        ParseCase{"9,000,000,000,000,000", std::nullopt}));  // beyond the range

TEST(DecimalTest, ToStringIsShortestExact) {
  EXPECT_EQ(Decimal::FromInt(12).ToString(), "12");
  EXPECT_EQ(Decimal::FromInt(-3).ToString(), "-3");
  EXPECT_EQ(Decimal::FromMicros(250'000).ToString(), "0.25");
  EXPECT_EQ(Decimal::FromMicros(-3'500'000).ToString(), "-3.5");
  EXPECT_EQ(Decimal::FromMicros(-500'000).ToString(), "-0.5");
  EXPECT_EQ(Decimal::FromMicros(1).ToString(), "0.000001");
  EXPECT_EQ(Decimal::FromMicros(1'000'010).ToString(), "1.00001");
  EXPECT_EQ(Decimal().ToString(), "0");
  // Regression: negating the most negative value overflowed.
  EXPECT_EQ(Decimal::FromMicros(std::numeric_limits<int64_t>::min()).ToString(),
            "-9223372036854.775808");
  EXPECT_EQ(Decimal::FromMicros(std::numeric_limits<int64_t>::max()).ToString(),
            "9223372036854.775807");
}

TEST(DecimalTest, RoundTrip) {
  for (const char* s : {"0", "1", "-1", "0.5", "12.345678", "-0.000001", "1000000"}) {
    const std::optional<Decimal> d = Decimal::Parse(s);
    ASSERT_TRUE(d.has_value()) << s;
    EXPECT_EQ(d->ToString(), s);
  }
}

TEST(DecimalTest, MoneyInWanYuan) {
  // 1 分 = 0.01 元 = 0.000001 万元; 3,000 元 = 300,000 分 = 0.3 万元.
  EXPECT_EQ(Decimal::WanYuanFromFen(1).ToString(), "0.000001");
  EXPECT_EQ(Decimal::WanYuanFromFen(300'000).ToString(), "0.3");
  EXPECT_EQ(Decimal::WanYuanFromFen(470'000).ToString(), "0.47");
}

TEST(DecimalTest, ArithmeticAndPredicates) {
  Decimal a = *Decimal::Parse("1.5");
  const Decimal b = *Decimal::Parse("2.25");
  EXPECT_EQ((a + b).ToString(), "3.75");
  EXPECT_EQ((a - b).ToString(), "-0.75");
  a += b;
  EXPECT_EQ(a.ToString(), "3.75");
  EXPECT_LT(b, a);
  EXPECT_EQ(Decimal::FromInt(3), *Decimal::Parse("3.000"));
  EXPECT_TRUE(Decimal::FromInt(3).is_integer());
  EXPECT_FALSE(a.is_integer());
  EXPECT_EQ(a.integer_part(), 3);
  EXPECT_EQ(Decimal::FromMicros(-3'500'000).integer_part(), -3);  // toward zero
  EXPECT_TRUE((b - a).is_negative());
  EXPECT_FALSE(Decimal().is_negative());
}

}  // namespace
}  // namespace gongkai
