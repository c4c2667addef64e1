#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "check/rules/testing.h"

namespace gongkai::check {
namespace {

using testing::Check;
using testing::DocOf;
using testing::Dump;
using ::testing::HasSubstr;
using testing::ReportBuilder;

TEST(ExtractionTest, AmbiguousRowsAreInfoWithTheCandidateSplits) {
  ReportBuilder b("2019");
  b.Year(2019).Cell("R1/TOT", "1", 3);
  b.report().ambiguous.push_back({"T2.5.2", 4, "100153", {{"1", "0", "0153"}, {"10", "0", "153"}}});
  const auto f = Check(DocOf("正文"), b.Build());
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].kind, "ambiguous");
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_EQ(f[0].line, 4);
  EXPECT_THAT(f[0].message, HasSubstr("“其他对外管理服务事项”的数字“100153”"));
  EXPECT_THAT(f[0].message, HasSubstr("1|0|0153，或 10|0|153"));
}

TEST(ExtractionTest, MissingRowsOfTheNationalFormAreAWarning) {
  ReportBuilder b("2021");
  b.Year(2022).Tables(10, 40).Cell("R1/TOT", "1", 12);
  b.report().missing_rows = {"R3.7", "R4"};
  const auto f = Check(DocOf("正文"), b.Build());
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].kind, "missing_rows");
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].line, 40);
  EXPECT_THAT(f[0].message, HasSubstr("没有读到 2 行：“(七)总计”、“四、结转下年度继续办理”"));
  b.report().variant = "2008-fujian";
  EXPECT_EQ(Check(DocOf("正文"), b.Build()).at(0).severity, Severity::kInfo);
}

TEST(ExtractionTest, NoTableIsANote) {
  const auto f = Check(DocOf("正文"), ReportBuilder("").Build());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_THAT(f[0].message, HasSubstr("未能识别出统计表"));
}

TEST(ExtractionTest, ATextReadInPartIsAWarningAtTheLineWhereReadingStopped) {
  ReportBuilder b("");
  b.report().unread_from_line = 2380;
  b.report().read_code_points = 4u << 20;
  const auto f = Check(DocOf("正文"), b.Build());
  ASSERT_EQ(f.size(), 2u) << Dump(f);
  EXPECT_EQ(f[0].kind, "truncated");
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].line, 2380);
  EXPECT_EQ(f[0].message,
            "全文过长：查找统计表时读到第2380行已达上限（约 419 万个字符），此后的内容未读取，"
            "其中的统计表和数字未核对");
  EXPECT_EQ(f[1].rule, "extract.no_table");
}

TEST(ExtractionTest, UnreadRowsAreInfo) {
  ReportBuilder b("2021");
  b.Year(2022).Cell("R1/TOT", "1", 3);
  b.report().unread_rows.push_back({"R2", 7, "1 2 3", "数字个数（3）与列数（7）不符"});
  const auto f = Check(DocOf("正文"), b.Build());
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].kind, "unreadable");
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_EQ(f[0].line, 7);
  EXPECT_THAT(
      f[0].message,
      HasSubstr(
          "“二、上年结转政府信息公开申请数量”后的数字“1 2 3”读不出：数字个数（3）与列数（7）不符"));
}

}  // namespace
}  // namespace gongkai::check
