#include "check/rules/text.h"

#include <gtest/gtest.h>

#include "check/rules/testing.h"

namespace gongkai::check::rules {
namespace {

using check::testing::DocOf;

TEST(ReportTextTest, JoinsLinesDropsSpacesBetweenHanAndKeepsThemBetweenDigits) {
  const Document doc =
      DocOf("  全市共受理政府信息公开申请 3119 件，答\n复 3050 件\n72   64    178");
  const ReportText t = ReportText::Build(doc, {});
  EXPECT_EQ(EncodeUtf8(t.text()), "全市共受理政府信息公开申请3119件,答复3050件72 64 178");
  EXPECT_EQ(t.Slice(0, t.size()), "全市共受理政府信息公开申请3119件，答复3050件72 64 178");
  EXPECT_EQ(t.LineAt(0), 1);
  EXPECT_EQ(t.LineAt(t.text().find(U"3050")), 2);
  EXPECT_EQ(t.LineAt(t.text().find(U"178")), 3);
}

TEST(ReportTextTest, FoldsFullWidthFormsAndSkipsPageNumberLines) {
  const Document doc = DocOf("（一）主动公开１２条\n                -1-\n第 2 页\n3/5\n营商环境");
  const ReportText t = ReportText::Build(doc, {});
  EXPECT_EQ(EncodeUtf8(t.text()), "(一)主动公开12条营商环境");
}

TEST(ReportTextTest, LeavesOutExcludedLinesAndMasksTableLabels) {
  const Document doc =
      DocOf("正文一\n表格行\n表格行\n一、本年新收政府信息公开申请数量640020470结束");
  const std::vector<std::u32string> labels = {U"一、本年新收政府信息公开申请数量"};
  ReportText::Options opt;
  opt.exclude_first = 2;
  opt.exclude_last = 3;
  opt.mask = &labels;
  const ReportText t = ReportText::Build(doc, opt);
  EXPECT_EQ(EncodeUtf8(t.text()), "正文一" + std::string(16, '|') + "640020470结束");
  EXPECT_EQ(t.LineAt(3), 4);
}

TEST(NumberTest, ArabicWithSeparatorsAndDecimals) {
  const std::u32string s = U"共1,234件，收费96171.6万元，2.其他";
  std::optional<Number> a = NumberAt(s, 1);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->value, Decimal::FromInt(1234));
  EXPECT_EQ(s.substr(a->end, 1), U"件");
  std::optional<Number> b = NumberAt(s, s.find(U"96171"));
  ASSERT_TRUE(b);
  EXPECT_EQ(b->value.ToString(), "96171.6");
  std::optional<Number> c = NumberAt(s, s.find(U"2."));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->value, Decimal::FromInt(2));  // "2." before a Han character is numbering
  EXPECT_FALSE(NumberAt(s, 0));
}

TEST(NumberTest, ChineseNumerals) {
  auto v = [](std::u32string_view s) { return NumberAt(s, 0)->value.integer_part(); };
  EXPECT_EQ(v(U"两件"), 2);
  EXPECT_EQ(v(U"十二件"), 12);
  EXPECT_EQ(v(U"二十件"), 20);
  EXPECT_EQ(v(U"一百零五件"), 105);
  EXPECT_EQ(v(U"三万五千条"), 35000);
  EXPECT_EQ(v(U"二○一二年"), 2012);
  EXPECT_EQ(v(U"二〇一九年"), 2019);
}

TEST(NumberTest, NumberBeforeAUnit) {
  const std::u32string s = U"办结69件，办结两件，共5500余条，99999999999999999件";
  std::optional<Number> n = NumberBefore(s, s.find(U"件"));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, Decimal::FromInt(69));
  n = NumberBefore(s, s.find(U"件", s.find(U"两")));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, Decimal::FromInt(2));
  EXPECT_FALSE(NumberBefore(s, s.find(U"余") + 1));
  EXPECT_FALSE(NumberBefore(s, s.rfind(U"件")));  // too many digits: not a count
}

TEST(DateTest, ArabicAndChineseDates) {
  std::optional<TextDate> d = DateAt(U"落款2019年1月3日", 2);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2019);
  EXPECT_EQ(d->month, 1);
  EXPECT_EQ(d->day, 3);
  d = DateAt(U"二○一二年二月二十日", 0);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2012);
  EXPECT_EQ(d->month, 2);
  EXPECT_EQ(d->day, 20);
  EXPECT_FALSE(DateAt(U"2019年13月3日", 0));
  EXPECT_FALSE(DateAt(U"2019年度", 0));
}

TEST(TextTest, EditDistanceAndTitleMarks) {
  EXPECT_EQ(EditDistance(U"政府信息公开条例", U"政府信息公开个例"), 1);
  EXPECT_EQ(EditDistance(U"", U"abc"), 3);
  EXPECT_EQ(EditDistance(U"kitten", U"sitting"), 3);
  const std::u32string s = U"按照《关于做好2017年报告的通知》，现将2018年";
  EXPECT_TRUE(InsideTitleMarks(s, s.find(U"2017")));
  EXPECT_FALSE(InsideTitleMarks(s, s.find(U"2018")));
}

TEST(TextTest, DecodesInvalidUtf8Leniently) {
  const std::u32string s = DecodeUtf8("a\xff\xe4\xb8");
  ASSERT_EQ(s.size(), 4u);  // one U+FFFD per byte that is not part of a character
  EXPECT_EQ(s[1], 0xFFFDu);
  EXPECT_EQ(s[3], 0xFFFDu);
  EXPECT_EQ(EncodeUtf8(U"公开"), "公开");
}

}  // namespace
}  // namespace gongkai::check::rules
