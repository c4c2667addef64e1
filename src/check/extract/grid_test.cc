#include "check/extract/grid.h"

#include <gtest/gtest.h>

#include "check/extract/testing.h"

namespace gongkai::check {
namespace {

// A grid from rows of texts: "<" repeats the cell to the left (colspan), "^" the one above
// (rowspan). Row i is on line first_line + i.
Grid MakeGrid(const std::vector<std::vector<std::string>>& rows, int first_line) {
  Grid g;
  g.first_line = first_line;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<GridCell> out;
    for (size_t c = 0; c < rows[r].size(); ++c) {
      GridCell cell;
      cell.line = first_line + static_cast<int>(r);
      cell.origin_row = static_cast<int>(r);
      cell.origin_col = static_cast<int>(c);
      const std::string& t = rows[r][c];
      if (t == "<" && c > 0) {
        cell = out[c - 1];
        cell.line = first_line + static_cast<int>(r);
      } else if (t == "^" && r > 0) {
        cell = g.rows[r - 1][c];
        cell.line = first_line + static_cast<int>(r);
      } else {
        cell.text = t;
      }
      out.push_back(cell);
    }
    g.rows.push_back(std::move(out));
  }
  return g;
}

// A Document whose lines are the grid's rows joined by " | " (as the HTML reader prints them),
// after `before` lines.
Document HtmlDocument(const std::vector<std::string>& before,
                      const std::vector<std::vector<std::vector<std::string>>>& grids,
                      bool lines_for_grids = true) {
  Document d;
  d.kind = SourceKind::kHtml;
  d.lines = before;
  for (const auto& rows : grids) {
    Grid g = MakeGrid(rows, static_cast<int>(d.lines.size()) + 1);
    for (const auto& row : g.rows) {
      std::string line;
      int last_origin = -1;
      for (const GridCell& c : row) {
        if (c.origin_col == last_origin && c.origin_row == row[0].origin_row) continue;
        last_origin = c.origin_col;
        if (!line.empty()) line += " | ";
        line += c.text;
      }
      d.lines.push_back(lines_for_grids ? line : "");
    }
    d.grids.push_back(std::move(g));
  }
  return d;
}

Decimal Cell(const ExtractedReport& r, const std::string& id) {
  auto it = r.cells.find(id);
  EXPECT_NE(it, r.cells.end()) << id << "\n" << extract_testing::Dump(r);
  return it == r.cells.end() ? Decimal() : it->second.value;
}

const std::vector<std::vector<std::string>> kTable3Head = {
    {"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "<", "<", "申请人情况",
     "<", "<", "<", "<", "<", "<"},
    {"^", "^", "^", "自然人", "法人或其他组织", "<", "<", "<", "<", "总计"},
    {"^", "^", "^", "^", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "^"},
};

TEST(ExtractGrid, Table3ByLabelsAndHeaders) {
  auto rows = kTable3Head;
  rows.push_back({"一、本年新收政府信息公开申请数量", "<", "<", "5", "1", "0", "0", "0", "0", "6"});
  rows.push_back({"二、上年结转政府信息公开申请数量", "<", "<", "1", "", "0", "0", "0", "0", "1"});
  rows.push_back({"三、本年度办理结果", "（一）予以公开", "<", "4", "1", "0", "0", "0", "0", "5"});
  rows.push_back({"^", "（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"});
  rows.push_back({"^", "（七）总计", "<", "4", "1", "0", "0", "0", "0", "5"});
  rows.push_back({"四、结转下年度继续办理", "<", "<", "2", "0", "0", "0", "0", "0", "2"});
  Document d =
      HtmlDocument({"2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"}, {rows},
                   /*lines_for_grids=*/false);
  ExtractedReport r = Extract(d, extract_testing::AllFormats(), {"2021"});
  SCOPED_TRACE(extract_testing::Dump(r));
  EXPECT_EQ(Cell(r, "R1/NP"), Decimal::FromInt(5));
  EXPECT_EQ(Cell(r, "R1/CE"), Decimal::FromInt(1));
  EXPECT_EQ(Cell(r, "R1/TOT"), Decimal::FromInt(6));
  EXPECT_EQ(r.cells.at("R1/TOT").line, 6);
  EXPECT_EQ(r.cells.count("R2/CE"), 0u);  // an empty cell
  EXPECT_EQ(Cell(r, "R2/RI"), Decimal::FromInt(0));
  EXPECT_EQ(Cell(r, "R3.1/TOT"), Decimal::FromInt(5));
  EXPECT_EQ(Cell(r, "R3.3.1/NP"), Decimal::FromInt(0));
  EXPECT_EQ(Cell(r, "R3.7/NP"), Decimal::FromInt(4));
  EXPECT_EQ(Cell(r, "R4/TOT"), Decimal::FromInt(2));
  EXPECT_EQ(r.row_labels.at("R3.3.1").first, "1.属于国家秘密");
  // Rows the grid does not have are missing; those it has are not.
  auto missing = [&](const std::string& id) {
    return std::find(r.missing_rows.begin(), r.missing_rows.end(), id) != r.missing_rows.end();
  };
  EXPECT_TRUE(missing("R3.2"));
  EXPECT_FALSE(missing("R1"));
  EXPECT_FALSE(missing("R3.7"));
}

TEST(ExtractGrid, Table4ColumnsByTheirGroupHeaders) {
  // The two lawsuit groups printed in the other order: headers, not positions, decide.
  std::vector<std::vector<std::string>> rows = {
      {"行政复议", "<", "<", "<", "<", "行政诉讼", "<", "<", "<", "<", "<", "<", "<", "<", "<"},
      {"^", "^", "^", "^", "^", "复议后起诉", "<", "<", "<", "<", "未经复议直接起诉", "<", "<", "<",
       "<"},
      {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果",
       "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"},
      {"1", "0", "0", "0", "1", "2", "0", "0", "0", "2", "3", "0", "0", "0", "3"},
  };
  Document d = HtmlDocument(
      {"2022年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况"}, {rows});
  ExtractedReport r = Extract(d, extract_testing::AllFormats(), {"2021"});
  SCOPED_TRACE(extract_testing::Dump(r));
  EXPECT_EQ(Cell(r, "RV.M"), Decimal::FromInt(1));
  EXPECT_EQ(Cell(r, "LR.M"), Decimal::FromInt(2));
  EXPECT_EQ(Cell(r, "LR.T"), Decimal::FromInt(2));
  EXPECT_EQ(Cell(r, "LD.M"), Decimal::FromInt(3));
  EXPECT_EQ(Cell(r, "LD.T"), Decimal::FromInt(3));
  EXPECT_EQ(r.cells.at("LD.T").line, 6);
}

TEST(ExtractGrid, Table2008WithUnitsAndHeadings) {
  std::vector<std::vector<std::string>> rows = {
      {"统计指标", "单位", "统计数"},
      {"一、主动公开情况", "—", "42"},
      {"（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "12"},
      {"其中：主动公开规范性文件数", "条", "12"},
      {"（二）通过不同渠道和方式公开政府信息的情况", "—", "—"},
      {"2.政府网站公开政府信息数", "条", "30"},
      {"七、依申请公开信息收取的费用", "元", "0.5"},
  };
  Document d = HtmlDocument({"政府信息公开情况统计表（2018年度）"}, {rows});
  ExtractedReport r = Extract(d, extract_testing::AllFormats());
  SCOPED_TRACE(extract_testing::Dump(r));
  EXPECT_EQ(r.format_id, "2008");
  EXPECT_EQ(Cell(r, "A"), Decimal::FromInt(42));
  EXPECT_TRUE(r.cells.at("A").on_heading);
  EXPECT_EQ(Cell(r, "A1"), Decimal::FromInt(12));
  EXPECT_EQ(Cell(r, "A1a"), Decimal::FromInt(12));
  EXPECT_EQ(r.cells.count("A2"), 0u);
  EXPECT_EQ(Cell(r, "A2.2"), Decimal::FromInt(30));
  EXPECT_EQ(Cell(r, "G"), *Decimal::Parse("0.5"));
  EXPECT_EQ(r.row_units.at("G").first, "元");
}

TEST(ExtractGrid, GridRowsReplaceWhatTheTextGave) {
  std::vector<std::vector<std::string>> rows = kTable3Head;
  rows.push_back({"一、本年新收政府信息公开申请数量", "<", "<", "5", "1", "0", "0", "0", "0", "6"});
  Document d = HtmlDocument({"2022年政府信息公开工作年度报告"}, {rows});
  // The text line of the row is garbled (a cell lost): the text reading cannot split it.
  d.lines[d.lines.size() - 1] = "一、本年新收政府信息公开申请数量 | 5 | 10 | 0 | 0 | 0 | 6";
  ExtractedReport r = Extract(d, extract_testing::AllFormats(), {"2021"});
  SCOPED_TRACE(extract_testing::Dump(r));
  EXPECT_EQ(Cell(r, "R1/CE"), Decimal::FromInt(1));
  EXPECT_EQ(Cell(r, "R1/TOT"), Decimal::FromInt(6));
  for (const AmbiguousRow& a : r.ambiguous) EXPECT_NE(a.row_id, "R1");
  for (const UnreadRow& u : r.unread_rows) EXPECT_NE(u.row_id, "R1");
}

TEST(ExtractGrid, A2019RowInA2021Table) {
  auto rows = kTable3Head;
  rows.push_back({"三、本年度办理结果", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息",
                  "0", "0", "0", "0", "0", "0", "0"});
  rows.push_back({"^", "（六）其他处理", "<", "1", "0", "0", "0", "0", "0", "1"});
  rows.push_back({"^", "（七）总计", "<", "1", "0", "0", "0", "0", "0", "1"});
  Document d = HtmlDocument({"2022年政府信息公开工作年度报告", "本年制发件数 本年废止件数"}, {rows},
                            /*lines_for_grids=*/false);
  ExtractedReport r = Extract(d, extract_testing::AllFormats(), {"2021"});
  SCOPED_TRACE(extract_testing::Dump(r));
  EXPECT_EQ(Cell(r, "R3.6/NP"), Decimal::FromInt(1));
  EXPECT_EQ(r.foreign_rows.at("R3.6"), "2019");
  EXPECT_EQ(std::find(r.missing_rows.begin(), r.missing_rows.end(), "R3.6.1"),
            r.missing_rows.end());
}

TEST(ExtractGrid, CellsThatDoNotFitTheColumnsAreUnread) {
  auto rows = kTable3Head;
  rows.push_back({"一、本年新收政府信息公开申请数量", "<", "<", "5", "1", "6", "", "", "", ""});
  // Headers name every column: the values go where their headers are (blanks left out).
  Document d = HtmlDocument({"2022年政府信息公开工作年度报告"}, {rows}, false);
  ExtractedReport r = Extract(d, extract_testing::AllFormats(), {"2021"});
  EXPECT_EQ(Cell(r, "R1/RI"), Decimal::FromInt(6));
  EXPECT_EQ(r.cells.count("R1/TOT"), 0u);
  // Without headers, three numbers for seven columns cannot be placed.
  std::vector<std::vector<std::string>> bare = {
      {"一、本年新收政府信息公开申请数量", "5", "1", "6"}};
  Document d2 = HtmlDocument({"2022年政府信息公开工作年度报告"}, {bare}, false);
  ExtractedReport r2 = Extract(d2, extract_testing::AllFormats(), {"2021"});
  SCOPED_TRACE(extract_testing::Dump(r2));
  ASSERT_EQ(r2.unread_rows.size(), 1u);
  EXPECT_EQ(r2.unread_rows[0].row_id, "R1");
  EXPECT_EQ(r2.cells.count("R1/NP"), 0u);
}

}  // namespace
}  // namespace gongkai::check
