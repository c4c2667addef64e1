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

std::vector<CheckFinding> Templates(const std::string& format, int year, const std::string& text) {
  return OfKind(Check(DocOf(text), ReportBuilder(format).Year(year).Tables(2, 3).Build()),
                "template");
}

TEST(TemplateTest, FormatThatDoesNotFitTheYear) {
  auto f = Templates("2008", 2020, "正文\n统计指标\n表");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].line, 2);
  EXPECT_EQ(Templates("2008", 2019, "正文").at(0).severity, Severity::kWarning);
  f = Templates("2019", 2021, "正文");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_THAT(f[0].message, HasSubstr("国办公开办函〔2021〕30号"));
  EXPECT_EQ(Templates("2021", 2020, "正文").size(), 1u);
  EXPECT_TRUE(Templates("2008", 2018, "正文").empty());
  EXPECT_TRUE(Templates("2019", 2020, "正文\n（六）其他处理 0 0").empty());
}

TEST(TemplateTest, RowsOf2019InA2021Table) {
  auto f =
      Templates("2021", 2023,
                "正文\n信息内容 本年新制作数量 本年新公开数量\n（六）其他处理  0 0 0\n（七）总计");
  ASSERT_EQ(f.size(), 2u) << Dump(f);
  EXPECT_THAT(f[0].message, HasSubstr("“本年新制作数量”"));
  EXPECT_EQ(f[1].line, 3);
  EXPECT_THAT(f[1].message, HasSubstr("“（六）其他处理”只有一行"));
  // The three 2021 rows, even broken across lines by a PDF layout.
  EXPECT_TRUE(
      Templates("2021", 2023,
                "正文\n1、申请人无正当理由逾期不补\n正、行政机关不再处理\n（六）其他处理\n3.其他")
          .empty());
}

}  // namespace
}  // namespace gongkai::check
