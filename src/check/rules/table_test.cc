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

ReportBuilder Consistent2021() {
  ReportBuilder b("2021");
  b.Year(2022).AllCells(gongkai::testing::RealFormat("2021"), "T3", "0", 50);
  b.AllCells(gongkai::testing::RealFormat("2021"), "T4", "0", 60);
  return b;
}

TEST(TableTest, BrokenIdentitiesAreErrorsOnTheLineOfTheirFirstCell) {
  ReportBuilder b = Consistent2021();
  b.Cell("R1/NP", "5", 51)
      .Cell("R1/TOT", "5", 51)
      .Cell("R3.1/NP", "4", 53)
      .Cell("R3.1/TOT", "4", 53);
  b.Cell("R3.7/NP", "4", 55).Cell("R3.7/TOT", "4", 55);
  const auto f = OfKind(Check(DocOf("正文"), b.Build()), "identity");
  ASSERT_EQ(f.size(), 2u) << Dump(f);  // NP and TOT columns: 5 + 0 ≠ 4 + 0
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].line, 51);
  EXPECT_EQ(f[0].rule, "2021.T3.balance/NP");
  EXPECT_THAT(f[0].message, HasSubstr("本年新收(R1/NP)=5"));
}

TEST(TableTest, MissingCellsAreUnknownNotZero) {
  ReportBuilder b("2021");
  b.Year(2022).Cell("R1/NP", "5", 51).Cell("R3.7/NP", "4", 55).Cell("R4/NP", "0", 56);
  EXPECT_TRUE(Check(DocOf("正文"), b.Build()).empty());  // R2/NP absent: balance not checked
}

TEST(TableTest, NegativeFractionalAndImpossiblyLargeValues) {
  ReportBuilder b = Consistent2021();
  b.Cell("R2/NP", "-1", 52).Cell("RV.M", "0.5", 60).Cell("T2.6.1/DEC", "1000000000", 40);
  const auto f = OfKind(Check(DocOf("正文"), b.Build()), "impossible_value");
  ASSERT_EQ(f.size(), 3u) << Dump(f);
  EXPECT_EQ(f[0].line, 40);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_THAT(f[0].message, HasSubstr("数值大得不可能"));
  EXPECT_EQ(f[1].line, 52);
  EXPECT_EQ(f[1].severity, Severity::kError);
  EXPECT_THAT(f[1].message, HasSubstr("为负数"));
  EXPECT_THAT(f[2].message, HasSubstr("不是整数"));
}

TEST(TableTest, HeadingRows) {
  const Format& f2008 = gongkai::testing::RealFormat("2008");
  ReportBuilder b("2008");
  b.Year(2018).AllCells(f2008, "T", "0", 10);
  b.Cell("I", "0", 20).Cell("I1", "2", 21);  // 0 over a child that says 2
  b.Cell("B", "3", 30).Cell("B1", "3", 31);  // equals one child
  b.Cell("B2", "7", 32);                     // equals no sum
  b.Cell("C", "0", 40);                      // all zero: a note
  const auto f = OfKind(Check(DocOf("正文"), b.Build()), "heading_value");
  ASSERT_EQ(f.size(), 4u) << Dump(f);
  EXPECT_EQ(f[0].line, 20);
  EXPECT_THAT(f[0].message,
              HasSubstr("印有 0，而其下级 召开政府信息公开工作会议或专题会议数(I1)=2"));
  EXPECT_EQ(f[1].line, 30);
  EXPECT_EQ(f[1].severity, Severity::kWarning);
  EXPECT_THAT(f[1].message,
              HasSubstr("印有 3，等于 回应公众关注热点或重大舆情数(B1)=3，但其下级各项之和为 10"));
  EXPECT_EQ(f[2].line, 32);
  EXPECT_THAT(f[2].message, HasSubstr("不等于其下级任何一项或几项之和（下级合计 0）"));
  EXPECT_EQ(f[3].line, 40);
  EXPECT_EQ(f[3].severity, Severity::kInfo);
}

TEST(TableTest, RowsPrintedFromThe2019FormAreCheckedByItsIdentities) {
  // A 2021 table whose （六）其他处理 is the single 2019 row: R3.6 stands for R3.6.1–3.
  ReportBuilder b("2021");
  b.Year(2023).AllCells(gongkai::testing::RealFormat("2021"), "T3", "0", 50);
  for (const char* id : {"R3.6.1", "R3.6.2", "R3.6.3"}) {
    for (const char* c : {"NP", "CE", "RI", "SO", "LS", "OT", "TOT"}) {
      b.report().cells.erase(std::string(id) + "/" + c);
    }
  }
  for (const char* c : {"NP", "CE", "RI", "SO", "LS", "OT", "TOT"})
    b.Cell(std::string("R3.6/") + c, "0", 60);
  b.report().foreign_rows["R3.6"] = "2019";
  EXPECT_TRUE(OfKind(Check(DocOf("正文"), b.Build()), "identity").empty());
  b.Cell("R3.6/NP", "2", 60).Cell("R3.6/TOT", "2", 60);  // the total (R3.7) still says 0
  const auto f = OfKind(Check(DocOf("正文"), b.Build()), "identity");
  ASSERT_EQ(f.size(), 2u) << Dump(f);
  EXPECT_EQ(f[0].rule, "2019.T3.total/NP");
  EXPECT_THAT(f[0].message, HasSubstr("按2019年版表样印出的行"));
}

TEST(TableTest, UnitsPrintedOtherThanTheForm) {
  ReportBuilder b("2008");
  b.Year(2018).Cell("G", "500", 120).Cell("C1", "0", 100);
  b.report().row_units["G"] = {"元", 120};
  b.report().row_units["C1"] = {"件", 100};
  const auto f = OfKind(Check(DocOf("正文"), b.Build()), "unit");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].line, 120);
  EXPECT_THAT(f[0].message, HasSubstr("单位印作“元”，国家表样为“万元”"));
}

}  // namespace
}  // namespace gongkai::check
