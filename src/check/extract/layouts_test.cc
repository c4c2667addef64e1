// Extraction of tables in each layout: our own fixtures (tests/fixtures/check/) and small texts.
#include <gtest/gtest.h>

#include <map>

#include "check/extract/testing.h"

namespace gongkai::check {
namespace {

using Row7 = std::vector<int>;

void ExpectRow(const ExtractedReport& r, const std::string& row, const Row7& want) {
  static const std::vector<std::string> kCols = {"NP", "CE", "RI", "SO", "LS", "OT", "TOT"};
  for (size_t i = 0; i < kCols.size(); ++i) {
    auto it = r.cells.find(row + "/" + kCols[i]);
    ASSERT_NE(it, r.cells.end()) << row << "/" << kCols[i];
    EXPECT_EQ(it->second.value, Decimal::FromInt(want[i])) << row << "/" << kCols[i];
  }
}

void ExpectT4(const ExtractedReport& r, const std::vector<int>& want) {
  static const std::vector<std::string> kCols = {"RV.M", "RV.C", "RV.O", "RV.P", "RV.T",
                                                 "LD.M", "LD.C", "LD.O", "LD.P", "LD.T",
                                                 "LR.M", "LR.C", "LR.O", "LR.P", "LR.T"};
  for (size_t i = 0; i < kCols.size(); ++i) {
    auto it = r.cells.find(kCols[i]);
    ASSERT_NE(it, r.cells.end()) << kCols[i];
    EXPECT_EQ(it->second.value, Decimal::FromInt(want[i])) << kCols[i];
  }
}

Decimal Cell(const ExtractedReport& r, const std::string& id) {
  auto it = r.cells.find(id);
  EXPECT_NE(it, r.cells.end()) << id;
  return it == r.cells.end() ? Decimal() : it->second.value;
}

// Every cell of table 三 of `format` present.
void ExpectWholeTable3(const ExtractedReport& r, const std::string& format) {
  const Format& f = gongkai::testing::RealFormat(format);
  for (const Row& row : f.FindTable("T3")->rows) {
    for (const Column& c : f.FindTable("T3")->columns) {
      EXPECT_EQ(r.cells.count(row.id + "/" + c.id), 1u) << row.id << "/" << c.id;
    }
  }
}

TEST(ExtractLayouts, Tabs2021) {
  const ExtractedReport r = extract_testing::ExtractText(
      extract_testing::ReadRepoFile("tests/fixtures/check/2021-tabs.txt"));
  SCOPED_TRACE(extract_testing::Dump(r));
  EXPECT_EQ(r.format_id, "2021");
  EXPECT_EQ(*r.year, 2022);
  EXPECT_EQ(r.agency, "青山县交通运输局");
  ExpectWholeTable3(r, "2021");
  ExpectRow(r, "R1", {15, 2, 0, 0, 1, 0, 18});
  ExpectRow(r, "R3.1", {8, 1, 0, 0, 1, 0, 10});
  ExpectRow(r, "R3.3.5", {1, 0, 0, 0, 0, 0, 1});
  ExpectRow(r, "R3.4.1", {3, 1, 0, 0, 0, 0, 4});
  ExpectRow(r, "R3.6.3", {0, 0, 0, 0, 0, 0, 0});
  ExpectRow(r, "R3.7", {15, 2, 0, 0, 1, 0, 18});
  ExpectRow(r, "R4", {1, 0, 0, 0, 0, 0, 1});
  ExpectT4(r, {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0});
  EXPECT_EQ(Cell(r, "T2.1.2/EFF"), Decimal::FromInt(12));
  EXPECT_EQ(Cell(r, "T2.5.1/DEC"), Decimal::FromInt(1236));
  EXPECT_EQ(r.cells.at("T2.5.1/DEC").raw, "1,236");
  EXPECT_EQ(Cell(r, "T2.8.1/FEE"), *Decimal::Parse("12.5"));
  EXPECT_EQ(r.cells.at("R3.1/NP").line, 27);
  EXPECT_TRUE(r.ambiguous.empty());
  EXPECT_TRUE(r.missing_rows.empty());
  EXPECT_TRUE(r.unread_rows.empty());
  EXPECT_EQ(r.table_first_line, 7);
  EXPECT_EQ(r.table_last_line, 54);
}

TEST(ExtractLayouts, PdfText2019WithAPageBreakInsideTable3) {
  const ExtractedReport r = extract_testing::ExtractText(
      extract_testing::ReadRepoFile("tests/fixtures/check/2019-pdf-pagebreak.txt"));
  SCOPED_TRACE(extract_testing::Dump(r));
  EXPECT_EQ(r.format_id, "2019");
  EXPECT_EQ(*r.year, 2020);
  EXPECT_EQ(r.agency, "白石镇人民政府");
  EXPECT_EQ(r.period_from->ToString(), "2020-01-01");
  ExpectWholeTable3(r, "2019");
  ExpectRow(r, "R3.2", {5, 0, 0, 0, 0, 0, 5});    // wrapped label around its numbers
  ExpectRow(r, "R3.3.4", {1, 0, 0, 0, 0, 0, 1});  // vertical 三、本年度办理结果 beside it
  ExpectRow(r, "R3.3.8", {0, 0, 0, 0, 0, 0, 0});  // after the page break and header
  ExpectRow(r, "R3.4.1", {8, 1, 0, 0, 1, 0, 10});
  ExpectRow(r, "R3.5.5", {0, 0, 0, 0, 0, 0, 0});
  ExpectRow(r, "R3.6", {1, 0, 0, 0, 0, 0, 1});
  ExpectRow(r, "R3.7", {38, 2, 0, 1, 2, 0, 43});
  ExpectRow(r, "R4", {4, 1, 0, 0, 0, 0, 5});
  ExpectT4(r, {2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0});
  // Table 二 of 2019: signed 本年增/减, money.
  EXPECT_EQ(Cell(r, "T2.5.1/CHG"), Decimal::FromInt(-3));
  EXPECT_EQ(Cell(r, "T2.6.1/CHG"), Decimal::FromInt(2));
  EXPECT_EQ(r.cells.at("T2.6.1/CHG").raw, "+2");
  EXPECT_EQ(Cell(r, "T2.8.1/CHG"), Decimal::FromInt(-1));
  EXPECT_EQ(Cell(r, "T2.9.1/AMT"), *Decimal::Parse("356.8"));
  EXPECT_EQ(Cell(r, "T2.1.2/TOT"), Decimal::FromInt(37));
  EXPECT_EQ(r.cells.at("R3.3.8/NP").line, 87);
  EXPECT_TRUE(r.ambiguous.empty());
  EXPECT_TRUE(r.missing_rows.empty());
  EXPECT_TRUE(r.unread_rows.empty());
}

TEST(ExtractLayouts, RunTogetherTable3AndTable4) {
  const ExtractedReport r = extract_testing::ExtractText(
      extract_testing::ReadRepoFile("tests/fixtures/check/2021-runtogether-t4.txt"));
  SCOPED_TRACE(extract_testing::Dump(r));
  EXPECT_EQ(r.format_id, "2021");
  EXPECT_EQ(*r.year, 2023);
  EXPECT_EQ(r.agency, "红河市市场监督管理局");
  ExpectWholeTable3(r, "2021");
  ExpectRow(r, "R1", {23, 1, 0, 0, 0, 2, 26});
  // "121000114" also adds up as 1|2|10|0|0|1|14; the column sums decide.
  ExpectRow(r, "R3.1", {12, 1, 0, 0, 0, 1, 14});
  ExpectRow(r, "R3.4.1", {5, 0, 0, 0, 0, 1, 6});
  ExpectRow(r, "R3.7", {21, 1, 0, 0, 0, 2, 24});
  ExpectRow(r, "R4", {2, 0, 0, 0, 0, 0, 2});
  // "4132106201910012": the three 总计 decide.
  ExpectT4(r, {4, 1, 3, 2, 10, 6, 2, 0, 1, 9, 1, 0, 0, 1, 2});
  EXPECT_EQ(Cell(r, "T2.5.1/DEC"), Decimal::FromInt(3208));
  EXPECT_TRUE(r.ambiguous.empty());
  EXPECT_TRUE(r.missing_rows.empty());
}

const char* const kTable4Head =
    "四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 "
    "总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 "
    "其他结果 尚未审结 总计 ";

TEST(ExtractLayouts, AmbiguousTable4IsReportedNotGuessed) {
  // "12103161100200000" fits 12|1|0|3|16 … and 1|2|10|3|16 … : both keep every 总计.
  const ExtractedReport r =
      extract_testing::ExtractText(std::string("2021年政府信息公开工作年度报告\n") + kTable4Head +
                                   "12103161100200000\n五、存在的主要问题\n");
  SCOPED_TRACE(extract_testing::Dump(r));
  ASSERT_EQ(r.ambiguous.size(), 1u);
  EXPECT_EQ(r.ambiguous[0].row_id, "T4.1");
  EXPECT_EQ(r.ambiguous[0].digits, "12103161100200000");
  EXPECT_EQ(r.ambiguous[0].line, 2);
  ASSERT_EQ(r.ambiguous[0].splits.size(), 2u);
  EXPECT_EQ(r.ambiguous[0].splits[0][2], "10");
  EXPECT_EQ(r.ambiguous[0].splits[1][0], "12");
  EXPECT_EQ(r.cells.count("RV.M"), 0u);
  EXPECT_EQ(r.cells.count("LD.M"), 0u);
}

TEST(ExtractLayouts, OneCellPerLineWithBars) {
  // Text copied from a web table: one cell per line ending in " |", with an empty cell.
  std::string text = "2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n";
  text += "一、本年新收政府信息公开申请数量 |\n3 |\n0 |\n0 |\n0 |\n0 |\n0 |\n3 |\n";
  text += "二、上年结转政府信息公开申请数量 |\n0 |\n0 |\n |\n0 |\n0 |\n0 |\n0 |\n";
  const ExtractedReport r = extract_testing::ExtractText(text, {"2021"});
  SCOPED_TRACE(extract_testing::Dump(r));
  ExpectRow(r, "R1", {3, 0, 0, 0, 0, 0, 3});
  EXPECT_EQ(r.cells.at("R1/TOT").line, 10);
  // The empty cell is left out; the others keep their columns.
  EXPECT_EQ(r.cells.count("R2/RI"), 0u);
  EXPECT_EQ(Cell(r, "R2/SO"), Decimal::FromInt(0));
  EXPECT_EQ(r.cells.at("R2/SO").line, 15);
  // A truncated table: the rest is missing.
  EXPECT_NE(std::find(r.missing_rows.begin(), r.missing_rows.end(), "R3.1"), r.missing_rows.end());
  EXPECT_NE(std::find(r.missing_rows.begin(), r.missing_rows.end(), "T4.1"), r.missing_rows.end());
  EXPECT_EQ(std::find(r.missing_rows.begin(), r.missing_rows.end(), "R1"), r.missing_rows.end());
}

TEST(ExtractLayouts, RowsWithTooManyNumbersAreUnread) {
  std::string text = "2022年政府信息公开工作年度报告\n";
  text += "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n";
  text += "二、上年结转政府信息公开申请数量 0 0 0\n0 0 0 0 0 0\n";
  text += "（一）予以公开 1 0 0 0 0 0 1\n";
  const ExtractedReport r = extract_testing::ExtractText(text, {"2021"});
  SCOPED_TRACE(extract_testing::Dump(r));
  ASSERT_EQ(r.unread_rows.size(), 1u);
  EXPECT_EQ(r.unread_rows[0].row_id, "R2");
  EXPECT_EQ(r.unread_rows[0].line, 3);
  EXPECT_EQ(r.unread_rows[0].text, "0 0 0 0 0 0 0 0 0");
  EXPECT_EQ(r.cells.count("R2/NP"), 0u);
  ExpectRow(r, "R3.1", {1, 0, 0, 0, 0, 0, 1});
}

TEST(ExtractLayouts, ARowWithoutNumbersIsUnread) {
  std::string text = "2022年政府信息公开工作年度报告\n";
  text += "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n";
  text += "二、上年结转政府信息公开申请数量\n";
  text += "（一）予以公开 1 0 0 0 0 0 1\n";
  const ExtractedReport r = extract_testing::ExtractText(text, {"2021"});
  ASSERT_EQ(r.unread_rows.size(), 1u) << extract_testing::Dump(r);
  EXPECT_EQ(r.unread_rows[0].row_id, "R2");
  EXPECT_EQ(r.unread_rows[0].line, 3);
  EXPECT_EQ(r.unread_rows[0].reason, "行名后没有读到数字");
  // A row printed empty ("—") is not unread: there is nothing to read.
  text =
      "2022年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n"
      "二、上年结转政府信息公开申请数量 — — — — — — —\n（一）予以公开 1 0 0 0 0 0 1\n";
  EXPECT_TRUE(extract_testing::ExtractText(text, {"2021"}).unread_rows.empty());
}

TEST(ExtractLayouts, UnitsAfterEachValueAndALabelBeforeTable4) {
  std::string text = "2022年政府信息公开工作年度报告\n";
  text += "一、本年新收政府信息公开申请数量 3件 0件 0件 0件 1件 0件 4件\n";
  text += "二、上年结转政府信息公开申请数量 0件 0件 0件 0件 0件 0件 0件\n";
  text += std::string(kTable4Head) +
          "\n数量 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n";
  const ExtractedReport r = extract_testing::ExtractText(text, {"2021"});
  SCOPED_TRACE(extract_testing::Dump(r));
  ExpectRow(r, "R1", {3, 0, 0, 0, 1, 0, 4});
  ExpectT4(r, {1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  EXPECT_EQ(r.cells.at("RV.M").line, 5);
}

TEST(ExtractLayouts, HeadingRowsWithNumbers) {
  std::string text =
      "统计指标 | 单位 | 统计数\n一、主动公开情况 | — | 7\n"
      "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）| 条 | 5\n"
      "其中：主动公开规范性文件数 | 条 | 2\n制发规范性文件总数 | 件 | 2\n"
      "（二）通过不同渠道和方式公开政府信息的情况 | — | —\n"
      "1.政府公报公开政府信息数 | 条 | 0\n";
  const ExtractedReport r = extract_testing::ExtractText(text);
  SCOPED_TRACE(extract_testing::Dump(r));
  EXPECT_EQ(r.format_id, "2008");
  ASSERT_EQ(r.cells.count("A"), 1u);
  EXPECT_TRUE(r.cells.at("A").on_heading);
  EXPECT_EQ(Cell(r, "A"), Decimal::FromInt(7));
  EXPECT_FALSE(r.cells.at("A1").on_heading);
  EXPECT_EQ(Cell(r, "A1"), Decimal::FromInt(5));
  EXPECT_EQ(r.cells.count("A2"), 0u);  // "—": nothing printed on the heading
  EXPECT_EQ(Cell(r, "A2.1"), Decimal::FromInt(0));
  EXPECT_EQ(r.row_units.at("A1b").first, "件");
}

TEST(ExtractLayouts, AnAbsentRowDoesNotTakeTheNextOnesValues) {
  // D2 "（二）被依法纠错数" is missing; the same label under E must not be read as D2.
  std::string text =
      "统计指标 单位 统计数\n四、行政复议数量 件 3\n（一）维持具体行政行为数 件 2\n"
      "（三）其他情形数 件 1\n五、行政诉讼数量 件 4\n（一）维持具体行政行为或者驳回原告诉讼请求数 "
      "件 1\n"
      "（二）被依法纠错数 件 3\n（三）其他情形数 件 0\n六、举报投诉数量 件 0\n";
  const ExtractedReport r = extract_testing::ExtractText(text, {"2008"});
  SCOPED_TRACE(extract_testing::Dump(r));
  EXPECT_EQ(r.cells.count("D2"), 0u);
  EXPECT_EQ(Cell(r, "D3"), Decimal::FromInt(1));
  EXPECT_EQ(Cell(r, "E2"), Decimal::FromInt(3));
  EXPECT_EQ(Cell(r, "E3"), Decimal::FromInt(0));
  EXPECT_NE(std::find(r.missing_rows.begin(), r.missing_rows.end(), "D2"), r.missing_rows.end());
}

TEST(ExtractLayouts, Table2LabelsInTheNarrativeAreNotRead) {
  // "行政许可" in the narrative before the caption is not table 二.
  std::string text =
      "2022年政府信息公开工作年度报告\n全年办理行政许可 25 件。\n二、主动公开政府信息情况\n"
      "第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 31\n";
  const ExtractedReport r = extract_testing::ExtractText(text, {"2021"});
  EXPECT_EQ(Cell(r, "T2.5.1/DEC"), Decimal::FromInt(31));
  EXPECT_EQ(r.cells.at("T2.5.1/DEC").line, 6);
}

TEST(ExtractLayouts, ForcedFormatAndNothingFound) {
  ExtractedReport r = extract_testing::ExtractText("关于做好政务公开工作的通知\n各单位：……\n");
  EXPECT_EQ(r.format_id, "");
  EXPECT_TRUE(r.cells.empty());
  EXPECT_TRUE(r.missing_rows.empty());
  r = extract_testing::ExtractText("关于做好政务公开工作的通知\n", {"2021"});
  EXPECT_EQ(r.format_id, "2021");
  EXPECT_FALSE(r.missing_rows.empty());
}

}  // namespace
}  // namespace gongkai::check
