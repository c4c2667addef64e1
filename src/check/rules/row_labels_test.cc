#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "check/rules/testing.h"

namespace gongkai::check {
namespace {

using testing::Check;
using testing::DocOf;
using testing::Dump;
using ::testing::HasSubstr;
using testing::OfKind;
using testing::ReportBuilder;

TEST(RowLabelsTest, MisprintedWordsAreAWarning) {
  ReportBuilder b("2021");
  b.Year(2023).RowLabel("R3.3.2", "2.其他法律行政止公开", 108);
  b.RowLabel("R3.4.1", "1.本机关不掌握相关政府信息", 116);
  const auto f = OfKind(Check(DocOf("正文"), b.Build()), "row_label");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].line, 108);
  EXPECT_EQ(f[0].rule, "row_label.misprint/R3.3.2");
  EXPECT_THAT(f[0].message,
              HasSubstr("行名印作“2.其他法律行政止公开”，应为“2.其他法律行政法规禁止公开”"));
}

TEST(RowLabelsTest, PunctuationNumberingLayoutNoiseAndCutLabelsAreFine) {
  ReportBuilder b("2021");
  b.Year(2023);
  b.RowLabel("R3.6.1", "1、申请人无正当理由逾期不补", 180);    // cut by a line break
  b.RowLabel("R3.3.3", "3.危及\"三安全一稳定\"", 140);         // other quotes
  b.RowLabel("R3.3.2", "本 2.其他法律行政法规禁止公开", 137);  // a vertical label beside it
  b.RowLabel("R3.5.4", "4.无正当理由大量反复 申请", 126);      // spaces
  b.RowLabel("R1", "一、本年新收政府信息公开申请数量", 96);
  b.RowLabel("R3.1", "(一)予以公开", 98);
  b.RowLabel("X9", "不在表样中的行", 1);  // unknown row: skipped
  b.RowLabel("R3.2", "部分公开", 99);
  const auto f = OfKind(Check(DocOf("正文"), b.Build()), "row_label");
  EXPECT_TRUE(f.empty()) << Dump(f);
}

TEST(RowLabelsTest, A2008LabelWithItsNoteIsFine) {
  ReportBuilder b("2008");
  b.Year(2018).RowLabel("A1", "(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)", 40);
  b.RowLabel("A1a", "其中:主动公开规范性文件数", 43);
  b.RowLabel("C3.4b", "涉及商业秘蜜", 142);
  const auto f = OfKind(Check(DocOf("正文"), b.Build()), "row_label");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].line, 142);
}

}  // namespace
}  // namespace gongkai::check
