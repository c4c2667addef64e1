#include "check/extract/label.h"

#include <gtest/gtest.h>

namespace gongkai::check::extract {
namespace {

LabelMatch Find(const std::vector<std::string>& lines, const std::string& label) {
  Stream st = BuildStream(lines);
  return FindLabel(st, MakeLabelPattern(label), 0, st.size());
}

TEST(LabelPattern, NumberingNotesAndQizhong) {
  LabelPattern p = MakeLabelPattern("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
  EXPECT_EQ(p.number, 2);
  EXPECT_EQ(p.core, U"部分公开(区分处理的,只计这一情形,不计其他情形)");
  EXPECT_EQ(p.core_short, U"部分公开");
  p = MakeLabelPattern("\u30001.政府公报公开政府信息数");
  EXPECT_EQ(p.number, 1);
  EXPECT_EQ(p.core, U"政府公报公开政府信息数");
  EXPECT_EQ(p.core_short, U"");
  p = MakeLabelPattern("一、本年新收政府信息公开申请数量");
  EXPECT_EQ(p.number, 1);
  p = MakeLabelPattern("十二、其他");
  EXPECT_EQ(p.number, 12);
  p = MakeLabelPattern("\u3000其中：主动公开规范性文件数");
  EXPECT_TRUE(p.qizhong);
  EXPECT_EQ(p.core, U"主动公开规范性文件数");
  p = MakeLabelPattern("行政许可");
  EXPECT_EQ(p.number, 0);
  EXPECT_EQ(p.core, U"行政许可");
}

TEST(ChineseNumerals, Values) {
  EXPECT_EQ(ChineseNumeralValue(U"七"), 7);
  EXPECT_EQ(ChineseNumeralValue(U"十"), 10);
  EXPECT_EQ(ChineseNumeralValue(U"十三"), 13);
  EXPECT_EQ(ChineseNumeralValue(U"二十"), 20);
  EXPECT_EQ(ChineseNumeralValue(U"二十一"), 21);
  EXPECT_EQ(ChineseNumeralValue(U"好"), 0);
}

TEST(FindLabel, ToleratesWidthSpacesAndMissingNumbering) {
  LabelMatch m = Find({"（一） 予 以 公 开 | 3 |"}, "（一）予以公开");
  ASSERT_TRUE(m.found);
  EXPECT_EQ(m.printed, "（一）予以公开");
  m = Find({"(一)予以公开 3"}, "（一）予以公开");
  ASSERT_TRUE(m.found);
  m = Find({"予以公开 3"}, "（一）予以公开");
  ASSERT_TRUE(m.found);
  EXPECT_EQ(m.printed, "予以公开");
}

TEST(FindLabel, NumberingOfTheNextRowIsNotAValue) {
  // "…00000002.其他法律…": the "2." belongs to the label.
  Stream st = BuildStream({"1.属于国家秘密00000002.其他法律行政法规禁止公开0000000"});
  LabelMatch m = FindLabel(st, MakeLabelPattern("2.其他法律行政法规禁止公开"), 8, st.size());
  ASSERT_TRUE(m.found);
  EXPECT_EQ(st.text.substr(m.start, 2), U"2.");
  EXPECT_EQ(st.text.substr(8, m.start - 8), U"0000000");
}

TEST(FindLabel, SmallTyposAreFoundAndReportedAsPrinted) {
  LabelMatch m = Find({"2.其他法律行政止公开      0     0"}, "2.其他法律行政法规禁止公开");
  ASSERT_TRUE(m.found);
  EXPECT_EQ(m.printed, "2.其他法律行政止公开");
  EXPECT_GT(m.cost, 0);
}

TEST(FindLabel, UnrelatedTextIsNotALabel) {
  EXPECT_FALSE(Find({"本机关不掌握相关政府信息"}, "没有现成信息需要另行制作").found);
  EXPECT_FALSE(Find({"行政处罚 12"}, "行政强制").found);
  EXPECT_FALSE(Find({"规范性文件"}, "规章").found);
}

TEST(FindLabel, ShortLabelsNeedTheirNumbering) {
  // "3.其他" must not be read in "（六）其他处理".
  EXPECT_FALSE(Find({"（六）其他处理 0 0 0"}, "3.其他").found);
  LabelMatch m = Find({"（六）其他处理 2、x 3.其他 1"}, "3.其他");
  ASSERT_TRUE(m.found);
  EXPECT_EQ(m.printed, "3.其他");
  EXPECT_FALSE(Find({"总计 5"}, "（七）总计").found);
  EXPECT_TRUE(Find({"（七）总计 5"}, "（七）总计").found);
}

TEST(FindLabel, WrappedLabelAroundItsNumbers) {
  // pdftotext puts a row's numbers inside its wrapped label.
  LabelMatch m =
      Find({"      5.要求行政机关确认或重新出",
            "                          1     0     0    0    0    0    1", "      具已获取信息"},
           "5.要求行政机关确认或重新出具已获取信息");
  ASSERT_TRUE(m.found);
  EXPECT_EQ(m.printed, "5.要求行政机关确认或重新出具已获取信息");
  EXPECT_EQ(m.inserted.size(), 7u);  // the seven digits
  EXPECT_EQ(m.line, 1);
}

TEST(FindLabel, StrayTextOfAnotherLineIsLeftOutOfThePrintedLabel) {
  LabelMatch m =
      Find({"  2、申请人逾期未按收费通知要", "  他处理",
            "  求缴纳费用、行政机关不再处理    6  0  0  0  0  0  6", "  其政府信息公开申请"},
           "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
  ASSERT_TRUE(m.found);
  EXPECT_EQ(m.printed, "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
}

TEST(FindLabel, NoteMayBeLeftOut) {
  LabelMatch m = Find({"（一）主动公开政府信息数 条 12"},
                      "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）");
  ASSERT_TRUE(m.found);
  EXPECT_TRUE(m.short_form);
  m = Find({"（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）条12"},
           "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）");
  ASSERT_TRUE(m.found);
  EXPECT_FALSE(m.short_form);  // the "1" of the note is not left for the values
}

TEST(FindLabel, FirstOccurrenceInALongText) {
  std::string filler;
  for (int i = 0; i < 3000; ++i) filler += "政务公开工作";
  Stream st = BuildStream({filler, filler + "四、结转下年度继续办理 1 0 0 0 0 0 1"});
  LabelMatch m = FindLabel(st, MakeLabelPattern("四、结转下年度继续办理"), 0, st.size());
  ASSERT_TRUE(m.found);
  EXPECT_EQ(m.line, 2);
  EXPECT_EQ(m.printed, "四、结转下年度继续办理");
  EXPECT_EQ(st.text.substr(m.start, 2), U"四、");
}

TEST(FindLabel, EmptyAndOutOfRange) {
  Stream st = BuildStream({"abc"});
  EXPECT_FALSE(FindLabel(st, MakeLabelPattern(""), 0, st.size()).found);
  EXPECT_FALSE(FindLabel(st, MakeLabelPattern("abc"), 5, 2).found);
  EXPECT_EQ(FindExact(st, U"bc", 0, 99), std::u32string::npos);  // `to` past the end
  EXPECT_EQ(FindExact(st, U"bc", 0, 3), 1u);
}

}  // namespace
}  // namespace gongkai::check::extract
