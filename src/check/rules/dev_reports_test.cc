// The six development reports (tests/fixtures/reports-dev) with the cells labels.json lists,
// entered by hand: the rules must find what the labels call wrong and raise no error or
// warning the labels do not support. (The end-to-end tests run the same files through the
// readers and the extraction.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "check/rules/testing.h"

namespace gongkai::check {
namespace {

using testing::Check;
using ::testing::Contains;
using testing::DocOf;
using testing::Dump;
using testing::FindingIs;
using testing::ReportBuilder;

Document DevDoc(const std::string& name) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/reports-dev/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return DocOf(text, name);
}

// Errors and warnings (info is allowed).
std::vector<CheckFinding> Serious(const std::vector<CheckFinding>& all) {
  std::vector<CheckFinding> out;
  for (const CheckFinding& f : all) {
    if (f.severity != Severity::kInfo) out.push_back(f);
  }
  return out;
}

void Cells(ReportBuilder& b, const std::string& row, const std::vector<int>& v, int line) {
  static const char* kCols[] = {"NP", "CE", "RI", "SO", "LS", "OT", "TOT"};
  for (size_t i = 0; i < v.size(); ++i) b.Cell(row + "/" + kCols[i], std::to_string(v[i]), line);
}

void T4(ReportBuilder& b, const std::vector<int>& v, int line) {
  static const char* kCols[] = {"RV.M", "RV.C", "RV.O", "RV.P", "RV.T", "LD.M", "LD.C", "LD.O",
                                "LD.P", "LD.T", "LR.M", "LR.C", "LR.O", "LR.P", "LR.T"};
  for (size_t i = 0; i < v.size(); ++i) b.Cell(kCols[i], std::to_string(v[i]), line);
}

TEST(DevReportsTest, Pingtan2011IsConsistent) {
  ReportBuilder b("2008");
  b.Agency("平潭县人民政府").Year(2011, 1).Tables(1, 1);
  b.report().variant = "2008-fujian";
  b.Cell("A1", "425", 1).Cell("A2.2", "418", 1).Cell("A2.1", "7", 1).Cell("C1", "0", 1);
  b.Cell("C3", "0", 1).Cell("D", "0", 1).Cell("E", "0", 1);
  const std::vector<CheckFinding> all = Check(DevDoc("002.txt"), b.Build());
  EXPECT_TRUE(Serious(all).empty()) << Dump(all);
}

TEST(DevReportsTest, Pingtan2014CategoriesDoNotAddUpToTheTotal) {
  ReportBuilder b("2008");
  b.Agency("平潭综合实验区管委会").Year(2014, 1).Tables(1, 1);
  b.report().variant = "2008-fujian";
  b.Cell("A1", "2543", 1).Cell("A2.2", "2543", 1).Cell("A2.1", "0", 1).Cell("C1", "1", 1);
  b.Cell("C3", "1", 1)
      .Cell("C3.2", "1", 1)
      .Cell("C3.3", "0", 1)
      .Cell("D", "0", 1)
      .Cell("E", "0", 1);
  const std::vector<CheckFinding> all = Check(DevDoc("008.txt"), b.Build());
  SCOPED_TRACE(Dump(all));
  const std::vector<CheckFinding> serious = Serious(all);
  ASSERT_EQ(serious.size(), 1u);
  EXPECT_THAT(
      serious[0],
      FindingIs("narrative_sum", Severity::kWarning,
                "594 + 281 + 29 + 28 + 253 + 98 + 122 + 290 + 946 = 2641 条，与总数 2543 条"));
}

ExtractedReport Pingtan2019() {
  ReportBuilder b("2019");
  b.Agency("平潭综合实验区管委会").Year(2019, 1).Tables(1, 1);
  b.Cell("T2.1.1/NEW", "0", 1).Cell("T2.1.1/PUB", "0", 1).Cell("T2.1.1/TOT", "0", 1);
  b.Cell("T2.1.2/NEW", "89", 1).Cell("T2.1.2/PUB", "89", 1).Cell("T2.1.2/TOT", "89", 1);
  b.Cell("T2.5.1/PRV", "396", 1).Cell("T2.5.1/CHG", "0", 1).Cell("T2.5.1/DEC", "181", 1);
  b.Cell("T2.6.1/PRV", "2648", 1).Cell("T2.6.1/CHG", "0", 1).Cell("T2.6.1/DEC", "430", 1);
  b.Cell("T2.6.2/PRV", "126", 1).Cell("T2.6.2/CHG", "0", 1).Cell("T2.6.2/DEC", "25", 1);
  b.AllCells(gongkai::testing::RealFormat("2019"), "T3", "0", 1);
  Cells(b, "R1", {23, 0, 0, 0, 0, 0, 23}, 1);
  Cells(b, "R3.1", {7, 0, 0, 0, 0, 0, 7}, 1);
  Cells(b, "R3.2", {1, 0, 0, 0, 0, 0, 1}, 1);
  Cells(b, "R3.4.1", {7, 0, 0, 0, 0, 0, 7}, 1);
  Cells(b, "R3.4.3", {5, 0, 0, 0, 0, 0, 5}, 1);
  Cells(b, "R3.5.2", {3, 0, 0, 0, 0, 0, 3}, 1);
  Cells(b, "R3.7", {23, 0, 0, 0, 0, 0, 23}, 1);
  T4(b, std::vector<int>(15, 0), 1);
  return b.Build();
}

TEST(DevReportsTest, Pingtan2019CategoriesDoNotAddUpToTheTotal) {
  const std::vector<CheckFinding> all = Check(DevDoc("013.txt"), Pingtan2019());
  SCOPED_TRACE(Dump(all));
  const std::vector<CheckFinding> serious = Serious(all);
  ASSERT_EQ(serious.size(), 1u);
  EXPECT_THAT(serious[0],
              FindingIs("narrative_sum", Severity::kWarning, "= 2533 条，与总数 2599 条"));
  EXPECT_THAT(all, Contains(FindingIs("wording", Severity::kInfo, "“残差不齐”应为“参差不齐”")));
}

TEST(DevReportsTest, Pingtan2021IsConsistent) {
  ReportBuilder b("2021");
  b.Agency("平潭综合实验区管委会").Year(2021, 1).Tables(1, 1);
  b.Cell("T2.1.1/ISS", "0", 1).Cell("T2.1.1/REP", "0", 1).Cell("T2.1.1/EFF", "0", 1);
  b.Cell("T2.5.1/DEC", "2293", 1).Cell("T2.6.1/DEC", "1282", 1).Cell("T2.6.2/DEC", "42", 1);
  b.Cell("T2.8.1/FEE", "24252.311082", 1);
  Cells(b, "R1", {64, 0, 0, 2, 0, 4, 70}, 1);
  Cells(b, "R2", {0, 0, 0, 0, 0, 0, 0}, 1);
  Cells(b, "R3.7", {63, 0, 0, 2, 0, 4, 69}, 1);
  Cells(b, "R4", {1, 0, 0, 0, 0, 0, 1}, 1);
  T4(b, {1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0}, 1);
  const std::vector<CheckFinding> all = Check(DevDoc("015.txt"), b.Build());
  EXPECT_TRUE(Serious(all).empty()) << Dump(all);
}

TEST(DevReportsTest, Huaian2024IsConsistent) {
  ReportBuilder b("2021");
  b.Agency("淮安市人民政府").Year(2024, 2).Tables(65, 220);
  b.Cell("T2.1.1/ISS", "1", 72).Cell("T2.1.1/REP", "0", 72).Cell("T2.1.1/EFF", "11", 72);
  b.Cell("T2.1.2/ISS", "8", 74).Cell("T2.1.2/REP", "26", 74).Cell("T2.1.2/EFF", "66", 74);
  b.Cell("T2.5.1/DEC", "447228", 82).Cell("T2.6.1/DEC", "3985758", 94);
  b.Cell("T2.6.2/DEC", "88283", 97).Cell("T2.8.1/FEE", "96171.6", 106);
  Cells(b, "R1", {3001, 53, 0, 0, 61, 4, 3119}, 123);
  Cells(b, "R2", {34, 0, 0, 0, 0, 0, 34}, 125);
  Cells(b, "R3.7", {2932, 53, 0, 0, 61, 4, 3050}, 194);
  Cells(b, "R4", {103, 0, 0, 0, 0, 0, 103}, 197);
  T4(b, {72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20}, 220);
  b.RowLabel("R3.3.2", "2.其他法律行政法规禁止公开", 137);
  b.RowLabel("R3.6.1", "1、申请人无正当理由逾期不补", 180);
  b.RowLabel("R3.5.5", "5.要求行政机关确认或重新出", 175);
  const std::vector<CheckFinding> all = Check(DevDoc("020.txt"), b.Build());
  EXPECT_TRUE(Serious(all).empty()) << Dump(all);
}

TEST(DevReportsTest, Hongze2023TotalsOfTable4AndAMisprintedLabel) {
  ReportBuilder b("2021");
  b.Agency("洪泽区人民政府").Year(2023, 2).Tables(41, 149);
  Cells(b, "R1", {21, 0, 0, 0, 0, 0, 21}, 96);
  Cells(b, "R2", {0, 0, 0, 0, 0, 0, 0}, 97);
  Cells(b, "R3.7", {21, 0, 0, 0, 0, 0, 21}, 131);
  Cells(b, "R4", {0, 0, 0, 0, 0, 0, 0}, 132);
  T4(b, {10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0}, 149);
  b.RowLabel("R3.3.2", "2.其他法律行政止公开", 108);
  b.RowLabel("R3.3.1", "1.属于国家秘密", 102);
  const std::vector<CheckFinding> all = Check(DevDoc("021.txt"), b.Build());
  SCOPED_TRACE(Dump(all));
  EXPECT_THAT(all, Contains(FindingIs("identity", Severity::kError, "总计(RV.T)=0")));
  EXPECT_THAT(all, Contains(FindingIs("identity", Severity::kError, "(LR.T)=0")));
  EXPECT_THAT(
      all, Contains(FindingIs("row_label", Severity::kWarning,
                              "行名印作“2.其他法律行政止公开”，应为“2.其他法律行政法规禁止公开”")));
  EXPECT_THAT(all, Contains(FindingIs("template", Severity::kWarning, "“（六）其他处理”只有一行")));
  EXPECT_EQ(Serious(all).size(), 4u);
}

}  // namespace
}  // namespace gongkai::check
