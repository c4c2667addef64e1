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

std::vector<CheckFinding> Years(const std::string& text, std::optional<int> year = 2018) {
  ReportBuilder b("");
  if (year) b.Year(*year, 1);
  return OfKind(Check(DocOf(text), b.Build()), "year");
}

TEST(YearTest, ReportYearPhrasesInTheNarrative) {
  const auto f =
      Years("某局2018年政府信息公开工作年度报告\n现将2017年政府信息公开工作情况报告如下：");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].line, 2);
  EXPECT_THAT(f[0].message, HasSubstr("“现将2017年政府信息公开工作情况报告如下”"));
  EXPECT_THAT(f[0].message, HasSubstr("应为“2018年”"));
  EXPECT_TRUE(
      Years("编制了2018年度政府信息公开工作报告。现公布2018年度政府信息公开年度报告。").empty());
}

TEST(YearTest, OtherYearsOfOtherDocumentsAndEventsAreNotTheReportYear) {
  EXPECT_TRUE(Years("按照《关于做好2017年政府信息公开工作年度报告编制公布工作的通知》的要求。"
                    "2017年出台的规范性文件继续有效。根据省政府办公厅关于做好2017年政府信息公开"
                    "工作年度报告有关事项的通知要求编制。2019年，我局将继续推进公开工作。")
                  .empty());
}

TEST(YearTest, StatisticsPeriodAndTableHeader) {
  const auto f =
      Years("本报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。\n附件\n( 2017 年度)");
  ASSERT_EQ(f.size(), 2u) << Dump(f);
  // Sorted by line: the period (line 1) before the table header (line 3).
  EXPECT_EQ(f[0].rule, "year.period");
  EXPECT_THAT(f[0].message, HasSubstr("应为“2018年1月1日至2018年12月31日”"));
  EXPECT_EQ(f[1].rule, "year.table");
  EXPECT_EQ(f[1].line, 3);
  EXPECT_THAT(f[1].message, HasSubstr("表头应为“(2018年度)”"));
  EXPECT_TRUE(Years("报告所列统计期限自 2018 年 1 月 1 日至 2018 年 12 月 31 日。").empty());
}

TEST(YearTest, SignatureDatedBeforeTheYearEnds) {
  const auto f = Years("正文。\n昌邑区商务局\n2018年1月3日");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].line, 3);
  EXPECT_TRUE(Years("正文。\n昌邑区商务局\n2019年1月3日").empty());
  // A web page on one line: "。 二○一二年二月二十日 附件1".
  EXPECT_EQ(Years("完成工作。 二○一一年二月二十日 附件1：统计表", 2011).size(), 1u);
  EXPECT_TRUE(Years("完成工作。 二○一二年二月二十日 附件1：统计表", 2011).empty());
}

TEST(YearTest, YearInferredFromTheEvidenceWhenTheTitleHasNone) {
  const auto f = Years(
      "编制了2018年度政府信息公开工作报告。现将2017年政府信息公开工作情况报告如下：\n"
      "单位\n2019年1月3日\n( 2018 年度)",
      std::nullopt);
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_THAT(f[0].message, HasSubstr("本报告是 2018 年度报告"));
}

}  // namespace
}  // namespace gongkai::check
