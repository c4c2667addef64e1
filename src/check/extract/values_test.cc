#include "check/extract/values.h"

#include <gtest/gtest.h>

namespace gongkai::check::extract {
namespace {

using Kind = ValueToken::Kind;

std::vector<ValueToken> Tokens(const std::vector<std::string>& lines) {
  Stream st = BuildStream(lines);
  return TokenizeValues(st, 0, st.size());
}

std::vector<ColumnKind> Counts(size_t n) { return std::vector<ColumnKind>(n); }

TEST(TokenizeValues, NumbersBlanksAndText) {
  std::vector<ValueToken> t = Tokens({"条 1,234 — 0.5 -3 / 无 5%", "x"});
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t[0].kind, Kind::kText);
  EXPECT_EQ(t[1].kind, Kind::kNumber);
  EXPECT_EQ(t[1].raw, "1,234");
  EXPECT_EQ(t[2].kind, Kind::kBlank);
  EXPECT_EQ(t[3].text, U"0.5");
  EXPECT_EQ(t[4].text, U"-3");
  EXPECT_EQ(t[4].kind, Kind::kNumber);
  EXPECT_EQ(t[5].kind, Kind::kBlank);
  EXPECT_EQ(t[6].kind, Kind::kBlank);
  EXPECT_EQ(t[7].text, U"5");
  EXPECT_EQ(t[8].text, U"%");
  EXPECT_EQ(t[9].line, 2);
}

TEST(TokenizeValues, DigitsRunIntoText) {
  // "41815092.政府公报公开": the point is not a decimal point.
  std::vector<ValueToken> t = Tokens({"条41815092.政府公报公开条77"});
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].text, U"41815092");
  EXPECT_EQ(t[2].text, U".政府公报公开条");
  EXPECT_EQ(t[3].text, U"77");
}

TEST(TokenizeValues, EmptyCellsBetweenBars) {
  std::vector<ValueToken> t = Tokens({"R | 1 | | 3 |"});
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].text, U"1");
  EXPECT_EQ(t[2].kind, Kind::kBlank);
  EXPECT_EQ(t[2].raw, "");
  EXPECT_EQ(t[3].text, U"3");
}

TEST(TokenizeValues, SkippedIndicesEndTokens) {
  Stream st = BuildStream({"12ab34"});
  std::vector<ValueToken> t = TokenizeValues(st, 0, st.size(), {2, 3});
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, U"12");
  EXPECT_EQ(t[1].text, U"34");
}

TEST(EnumerateSplits, RowTotalLeavesOneSplit) {
  std::vector<ValueToken> t = Tokens({"640020470"});
  auto total = [](const std::vector<std::string>& p) {
    int s = 0;
    for (int i = 0; i < 6; ++i) s += std::stoi(p[i]);
    return s == std::stoi(p[6]);
  };
  SplitResult r = EnumerateSplits(t, Counts(7), total);
  EXPECT_GT(r.fitting, 1u);
  ASSERT_EQ(r.accepted.size(), 1u);
  EXPECT_EQ(r.accepted[0], (std::vector<std::string>{"64", "0", "0", "2", "0", "4", "70"}));
}

TEST(EnumerateSplits, NoLeadingZeros) {
  // "00" is two zeros; "05" is never a number.
  SplitResult r = EnumerateSplits(Tokens({"0 0 00 00 0"}), Counts(7), nullptr);
  EXPECT_EQ(r.fitting, 1u);
  EXPECT_EQ(r.only, std::vector<std::string>(7, "0"));
  r = EnumerateSplits(Tokens({"105"}), Counts(2), nullptr);
  ASSERT_EQ(r.accepted.size(), 1u);  // 10|5 (1|05 is not a split)
  EXPECT_EQ(r.accepted[0], (std::vector<std::string>{"10", "5"}));
}

TEST(EnumerateSplits, SpacesAreBoundaries) {
  // "230 000023" (013): a cell never spans the space.
  SplitResult r = EnumerateSplits(Tokens({"230 000023"}), Counts(7), nullptr);
  for (const auto& s : r.accepted) {
    EXPECT_TRUE(s[0] == "23" || s[0] == "2" || s[0] == "230");
  }
  EXPECT_EQ(r.fitting, 3u);  // 23|0|…, 2|30|…, 230|0|0|0|0|2|3
}

TEST(EnumerateSplits, DecimalsOnlyInMoneyColumns) {
  std::vector<ColumnKind> cols(2);
  SplitResult r = EnumerateSplits(Tokens({"12.5"}), cols, nullptr);
  EXPECT_EQ(r.fitting, 0u);  // no money column
  cols[1].decimal = true;
  r = EnumerateSplits(Tokens({"312.5"}), cols, nullptr);
  EXPECT_EQ(r.fitting, 2u);  // 3|12.5, 31|2.5
  std::vector<ColumnKind> one(1);
  one[0].decimal = true;
  r = EnumerateSplits(Tokens({"24252.311082"}), one, nullptr);
  EXPECT_EQ(r.only, std::vector<std::string>{"24252.311082"});
}

TEST(EnumerateSplits, SignsOnlyInSignedColumns) {
  std::vector<ColumnKind> cols(1);
  EXPECT_EQ(EnumerateSplits(Tokens({"-3"}), cols, nullptr).fitting, 0u);
  cols[0].is_signed = true;
  EXPECT_EQ(EnumerateSplits(Tokens({"-3"}), cols, nullptr).only, std::vector<std::string>{"-3"});
}

TEST(EnumerateSplits, GroupedThousandsStayWhole) {
  SplitResult r = EnumerateSplits(Tokens({"1,234 5"}), Counts(2), nullptr);
  EXPECT_EQ(r.only, (std::vector<std::string>{"1234", "5"}));
  // Other commas separate values.
  r = EnumerateSplits(Tokens({"1,0,2"}), Counts(3), nullptr);
  EXPECT_EQ(r.only, (std::vector<std::string>{"1", "0", "2"}));
}

TEST(EnumerateSplits, BlanksFillOneColumn) {
  SplitResult r = EnumerateSplits(Tokens({"— 12"}), Counts(3), nullptr);
  EXPECT_EQ(r.fitting, 1u);
  EXPECT_EQ(r.only, (std::vector<std::string>{"", "1", "2"}));
}

TEST(EnumerateSplits, BoundedWork) {
  // 60 digits into 15 columns: too many ways — reported, not enumerated.
  SplitResult r = EnumerateSplits(Tokens({std::string(60, '7')}), Counts(15), nullptr, 200000);
  EXPECT_TRUE(r.too_many);
  EXPECT_TRUE(r.accepted.empty());
  // Longer than any 15 values can be: no split at all.
  r = EnumerateSplits(Tokens({std::string(400, '7')}), Counts(15), nullptr);
  EXPECT_EQ(r.fitting, 0u);
  // Accepted splits are capped too.
  r = EnumerateSplits(Tokens({std::string(20, '7')}), Counts(7), nullptr, 200000, 10);
  EXPECT_TRUE(r.too_many);
  EXPECT_EQ(r.accepted.size(), 10u);
}

TEST(EnumerateSplits, TextIsNeverSplit) {
  EXPECT_EQ(EnumerateSplits(Tokens({"12 ab"}), Counts(3), nullptr).fitting, 0u);
}

TEST(PartLines, EachPartHasTheLineOfItsToken) {
  std::vector<ValueToken> t = Tokens({"12 3", "45"});
  std::vector<int> lines = PartLines(t, {"1", "2", "3", "4", "5"});
  EXPECT_EQ(lines, (std::vector<int>{1, 1, 1, 2, 2}));
}

}  // namespace
}  // namespace gongkai::check::extract
