#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "check/rules/testing.h"

namespace gongkai::check {
namespace {

using testing::Check;
using testing::DocOf;
using testing::Dump;
using ::testing::HasSubstr;
using testing::OfKind;
using testing::ReportBuilder;

// A 2021 report of a bureau (not a government) with the given narrative and table 三/四 cells.
std::vector<CheckFinding> Run2021(const std::string& narrative, const std::string& agency,
                                  int received, int closed, int carried_out,
                                  const std::vector<int>& t4 = std::vector<int>(15, 0)) {
  ReportBuilder b("2021");
  b.Agency(agency).Year(2022, 1);
  b.Cell("R1/TOT", std::to_string(received), 20).Cell("R2/TOT", "0", 21);
  b.Cell("R3.1/TOT", "1", 22).Cell("R3.2/TOT", "0", 23);
  b.Cell("R3.7/TOT", std::to_string(closed), 24).Cell("R4/TOT", std::to_string(carried_out), 25);
  static const char* kT4[] = {"RV.M", "RV.C", "RV.O", "RV.P", "RV.T", "LD.M", "LD.C", "LD.O",
                              "LD.P", "LD.T", "LR.M", "LR.C", "LR.O", "LR.P", "LR.T"};
  for (int i = 0; i < 15; ++i) b.Cell(kT4[i], std::to_string(t4[i]), 30);
  return OfKind(Check(DocOf(narrative), b.Build()), "text_vs_table");
}

TEST(TextVsTableTest, OwnStatementThatDiffersIsAWarningNamingBothNumbers) {
  const auto f = Run2021("2022年，我局共收到政府信息公开申请5件，办结4件，1件结转下年度继续办理。",
                         "某某市财政局", 3, 3, 0);
  ASSERT_EQ(f.size(), 3u) << Dump(f);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].line, 1);
  EXPECT_EQ(f[0].cells, std::vector<std::string>{"R1/TOT"});
  EXPECT_THAT(f[0].message, HasSubstr("写的是 5，表中本年新收(R1/TOT)=3"));
  EXPECT_THAT(f[1].message, HasSubstr("办理结果总计(R3.7/TOT)=3"));
  EXPECT_THAT(f[2].message, HasSubstr("结转下年度(R4/TOT)=0"));
}

TEST(TextVsTableTest, ConsistentStatementsGiveNothing) {
  EXPECT_TRUE(Run2021("本年度共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。",
                      "某某局", 70, 69, 1)
                  .empty());
  EXPECT_TRUE(
      Run2021("全年共受理政府信息公开申请 3,119 件，答\n复 3050 件（含上年度结转申请 0 件）。",
              "某某局", 3119, 3050, 69)
          .empty());
}

TEST(TextVsTableTest, AreaTotalsOfAGovernmentAreNotesAndOfADepartmentAreSkipped) {
  const std::string text = "（二）依申请公开情况。2022年，全区共受理政府信息公开申请 21 件。";
  const auto gov = Run2021(text, "某某区人民政府", 20, 20, 0);
  ASSERT_EQ(gov.size(), 1u);
  EXPECT_EQ(gov[0].severity, Severity::kInfo);
  EXPECT_THAT(gov[0].message, HasSubstr("统计口径"));
  EXPECT_TRUE(Run2021(text, "某某区财政局", 20, 20, 0).empty());
}

TEST(TextVsTableTest, PartsOtherBodiesChannelsAndOtherYearsAreSkipped) {
  for (const char* text : {
           "各乡镇共收到政府信息公开申请9件。",
           "其中，区直各部门收到政府信息公开申请9件。",
           "县政府公开办收到政府信息公开申请9件。",
           "全年收到政府信息公开的信函申请9件。",
           "2021年收到政府信息公开申请9件，本年度继续做好相关工作。",
           "自条例实施以来累计收到政府信息公开申请9件。",
           "共受理政府信息公开申请约9件。",
           "共受理政府信息公开申请9余件。",
           "市本级共收到政府信息公开申请9件。",
           "四、因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度办理行政复议答复9件。",
       }) {
    EXPECT_TRUE(Run2021(text, "某某局", 3, 3, 0).empty()) << text;
  }
}

TEST(TextVsTableTest, OtherKindsOfApplicationsAreNotCompared) {
  // Approval services and petitions also "受理申请".
  EXPECT_TRUE(Run2021("区行政服务中心开设窗口26个，共受理申请121510件。", "某某区人民政府", 1, 1, 0)
                  .empty());
  EXPECT_TRUE(Run2021("受理各类群众信访申请30件。", "某某局", 1, 1, 0).empty());
}

TEST(TextVsTableTest, NoApplicationsAndNoCasesAreCheckedAgainstZero) {
  const std::string text =
      "目前，尚未收到政府信息公开申请。未发生因违反政府信息公开工作规定而出现行政复议、行政诉讼情况"
      "。";
  EXPECT_TRUE(Run2021(text, "某某局", 0, 0, 0).empty());
  std::vector<int> t4(15, 0);
  t4[4] = 2;  // RV.T
  const auto f = Run2021(text, "某某局", 4, 4, 0, t4);
  ASSERT_EQ(f.size(), 2u) << Dump(f);
  EXPECT_THAT(f[0].message,
              HasSubstr("正文说“尚未收到政府信息公开申请”，但表中本年新收(R1/TOT)=4"));
  EXPECT_THAT(f[1].message, HasSubstr("行政复议总计(RV.T)=2"));
  // Reviews that happened but were not corrected are not "no reviews".
  EXPECT_TRUE(Run2021("未发生政府信息公开行政复议被纠错的情况。", "某某局", 0, 0, 0, t4).empty());
}

TEST(TextVsTableTest, ReviewAndLawsuitTotalsAndTheirBreakdown) {
  const std::string text =
      "政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 "
      "37 "
      "件；政府信息公开行政诉讼 46 件，其中结果维持 25 件，结果纠正 5 件，其他结果 9 件，尚未审结 "
      "7 件。";
  EXPECT_TRUE(
      Run2021(text, "某某局", 1, 1, 0, {72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20})
          .empty());
  const auto f =
      Run2021(text, "某某局", 1, 1, 0, {72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 7, 21});
  ASSERT_EQ(f.size(), 2u) << Dump(f);
  EXPECT_THAT(f[0].message, HasSubstr("共 47"));  // LD.T + LR.T
  EXPECT_THAT(f[1].message, HasSubstr("共 8"));   // LD.P + LR.P
  // General reconsiderations of a bureau are not about disclosure.
  EXPECT_TRUE(Run2021("全年办理行政复议案件 120 件。", "某某司法局", 1, 1, 0).empty());
}

TEST(TextVsTableTest, Format2008ActiveDisclosureNormativeDocumentsAndFees) {
  ReportBuilder b("2008");
  b.Agency("某某局").Year(2016, 1);
  b.Cell("A1", "12", 10).Cell("A1a", "3", 11).Cell("A1b", "3", 12).Cell("G", "0.05", 13);
  const Document doc = DocOf(
      "全年主动公开政府信息12条，其中主动公开规范性文件3条。全年制发规范性文件3件。"
      "依申请公开收取检索复制费用500元。各科室主动公开信息7条。其他应主动公开的信息5条。");
  const auto f = OfKind(Check(doc, b.Build()), "text_vs_table");
  ASSERT_EQ(f.size(), 0u) << Dump(f);  // 各科室 is a part, 其他应… a category; 500元 = 0.05万元
  const Document wrong = DocOf("全年主动公开政府信息13条。收取依申请公开检索费用600元。");
  const auto g = OfKind(Check(wrong, b.Build()), "text_vs_table");
  ASSERT_EQ(g.size(), 2u) << Dump(g);
  EXPECT_EQ(g[0].cells, std::vector<std::string>{"A1"});
  EXPECT_EQ(g[1].cells, std::vector<std::string>{"G"});
}

TEST(TextVsTableTest, FeesAreNotComparedWhereTheFormatHasNoCell) {
  // 2021: 行政事业性收费 (T2.8) is not the information processing fee.
  ReportBuilder b("2021");
  b.Agency("某某局").Year(2022, 1).Cell("T2.8.1/FEE", "96171.6", 10);
  const Document doc =
      DocOf("全年收取政府信息公开信息处理费 3940 元。2022年，无收取信息处理费情况。");
  EXPECT_TRUE(OfKind(Check(doc, b.Build()), "text_vs_table").empty());
}

TEST(TextVsTableTest, MissingCellsAreNotZero) {
  ReportBuilder b("2021");
  b.Agency("某某局").Year(2022, 1);
  EXPECT_TRUE(
      OfKind(Check(DocOf("共收到政府信息公开申请5件。"), b.Build()), "text_vs_table").empty());
}

TEST(TextVsTableTest, AFeeRowPrintedInYuanIsComparedInYuan) {
  ReportBuilder b("2008");
  b.Agency("某某局").Year(2016, 1).Cell("G", "500", 13);
  b.report().row_units["G"] = {"元", 13};
  EXPECT_TRUE(OfKind(Check(DocOf("收取依申请公开检索复制费用500元。"), b.Build()), "text_vs_table")
                  .empty());
  const auto f =
      OfKind(Check(DocOf("收取依申请公开检索复制费用600元。"), b.Build()), "text_vs_table");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_THAT(f[0].message, HasSubstr("=500元（即 0.05 万元）"));
}

// A typical 2021-format narrative: every figure is read and matches; changing the table makes
// each statement a finding.
TEST(TextVsTableTest, ATypicalNarrative) {
  const std::string text =
      "一、总体情况\n（一）主动公开。全年主动公开政府信息3256条，其中通过政府网站公开2987条。本年度"
      "共"
      "制发行政规范性文件3件，废止2件，现行有效规范性文件15件。\n（二）依申请公开。2022年，本机关共"
      "收到政府信息公开申请45件（其中自然人申请40件，法人或其他组织申请5件），上年结转2件。已办结43"
      "件，"
      "其中予以公开20件，部分公开5件，不予公开3件，无法提供10件，不予处理2件，其他处理3件；结转下年"
      "度"
      "4件。办结率100%，同比增长20%"
      "。\n四、政府信息公开行政复议、行政诉讼情况\n本年度未发生因政府信息"
      "公开引起的行政复议和行政诉讼。";
  auto report = [](int shift) {
    ReportBuilder b("2021");
    b.Agency("某某市生态环境局").Year(2022, 1);
    b.Cell("T2.1.2/ISS", std::to_string(3 + shift), 40)
        .Cell("T2.1.2/EFF", std::to_string(15 + shift), 40);
    b.Cell("R1/TOT", std::to_string(45 + shift), 50).Cell("R2/TOT", std::to_string(2 + shift), 51);
    b.Cell("R3.1/TOT", std::to_string(20 + shift), 52)
        .Cell("R3.2/TOT", std::to_string(5 + shift), 53);
    b.Cell("R3.7/TOT", std::to_string(43 + shift), 54)
        .Cell("R4/TOT", std::to_string(4 + shift), 55);
    for (const char* id : {"RV.T", "LD.T", "LR.T"}) b.Cell(id, std::to_string(shift), 60);
    return b.Build();
  };
  EXPECT_TRUE(OfKind(Check(DocOf(text), report(0)), "text_vs_table").empty())
      << Dump(Check(DocOf(text), report(0)));
  const auto f = OfKind(Check(DocOf(text), report(1)), "text_vs_table");
  std::set<std::string> cells;
  for (const CheckFinding& x : f) cells.insert(x.cells.begin(), x.cells.end());
  EXPECT_EQ(cells,
            (std::set<std::string>{"T2.1.2/ISS", "T2.1.2/EFF", "R1/TOT", "R2/TOT", "R3.1/TOT",
                                   "R3.2/TOT", "R3.7/TOT", "R4/TOT", "RV.T", "LD.T", "LR.T"}))
      << Dump(f);
  for (const CheckFinding& x : f) EXPECT_EQ(x.severity, Severity::kWarning) << x.message;
}

TEST(TextVsTableTest, Format2008GrantedApplications) {
  ReportBuilder b("2008");
  b.Agency("某某局").Year(2016, 1).Cell("C3.2", "3", 20).Cell("C3.1", "2", 19);
  // 予以公开 may count 已主动公开 (C3.1) too: only 同意公开 is compared with C3.2.
  EXPECT_TRUE(
      OfKind(Check(DocOf("四、依申请公开情况\n共收到申请5件，其中予以公开5件。"), b.Build()),
             "text_vs_table")
          .empty());
  EXPECT_EQ(OfKind(Check(DocOf("四、依申请公开情况\n共收到申请5件，其中同意公开5件。"), b.Build()),
                   "text_vs_table")
                .size(),
            1u);
}

}  // namespace
}  // namespace gongkai::check
