#include "render/grid.h"

#include <gtest/gtest.h>

#include "render/render_testing.h"

namespace gongkai {
namespace {

using render_testing::DistinctValues;
using render_testing::Format2021;
using render_testing::MakeColumn;
using render_testing::MakeReport;
using render_testing::MakeRow;

const GridCell* CellWithText(const TableGrid& g, const std::string& text, int nth = 0) {
  for (const GridCell& c : g.cells) {
    if (c.text == text && nth-- == 0) return &c;
  }
  return nullptr;
}

// (row, col, row_span, col_span) of the cell holding `text`.
std::tuple<int, int, int, int> Box(const TableGrid& g, const std::string& text, int nth = 0) {
  const GridCell* c = CellWithText(g, text, nth);
  if (c == nullptr) return {-1, -1, -1, -1};
  return {c->row, c->col, c->row_span, c->col_span};
}

class GridTest : public ::testing::Test {
 protected:
  Format format_ = Format2021();
  Report report_ = MakeReport(format_, DistinctValues(format_), [](const Section&) { return ""; });
};

TEST_F(GridTest, Table3HeaderFollowsTheColumnGroups) {
  const TableGrid g = BuildGrid(*format_.FindTable("T3"), report_);
  EXPECT_EQ(g.columns, 10);
  EXPECT_EQ(g.label_columns, 3);
  EXPECT_EQ(g.header_rows, 3);
  EXPECT_EQ(g.body_rows, 25);
  EXPECT_EQ(Box(g, format_.FindTable("T3")->corner), std::make_tuple(0, 0, 3, 3));
  EXPECT_EQ(Box(g, "申请人情况"), std::make_tuple(0, 3, 1, 7));
  EXPECT_EQ(Box(g, "自然人"), std::make_tuple(1, 3, 2, 1));
  EXPECT_EQ(Box(g, "法人或其他组织"), std::make_tuple(1, 4, 1, 5));
  EXPECT_EQ(Box(g, "总计"), std::make_tuple(1, 9, 2, 1));
  EXPECT_EQ(Box(g, "商业企业"), std::make_tuple(2, 4, 1, 1));
  EXPECT_EQ(Box(g, "其他"), std::make_tuple(2, 8, 1, 1));
}

TEST_F(GridTest, Table3RowLabelsMergeDownAndAcross) {
  const TableGrid g = BuildGrid(*format_.FindTable("T3"), report_);
  EXPECT_EQ(Box(g, "一、本年新收政府信息公开申请数量"), std::make_tuple(3, 0, 1, 3));
  EXPECT_EQ(Box(g, "三、本年度办理结果"), std::make_tuple(5, 0, 22, 1));
  EXPECT_EQ(Box(g, "（一）予以公开"), std::make_tuple(5, 1, 1, 2));
  EXPECT_EQ(Box(g, "（三）不予公开"), std::make_tuple(7, 1, 8, 1));
  EXPECT_EQ(Box(g, "1.属于国家秘密"), std::make_tuple(7, 2, 1, 1));
  EXPECT_EQ(Box(g, "（四）无法提供"), std::make_tuple(15, 1, 3, 1));
  EXPECT_EQ(Box(g, "（五）不予处理"), std::make_tuple(18, 1, 5, 1));
  EXPECT_EQ(Box(g, "（六）其他处理"), std::make_tuple(23, 1, 3, 1));
  EXPECT_EQ(Box(g, "（七）总计"), std::make_tuple(26, 1, 1, 2));
  EXPECT_EQ(Box(g, "四、结转下年度继续办理"), std::make_tuple(27, 0, 1, 3));
  // Each group label is printed once.
  EXPECT_EQ(CellWithText(g, "三、本年度办理结果", 1), nullptr);
  EXPECT_EQ(CellWithText(g, "（三）不予公开", 1), nullptr);
}

TEST_F(GridTest, ValueCellsCarryIdsAndNumbers) {
  const TableGrid g = BuildGrid(*format_.FindTable("T3"), report_);
  int values = 0;
  for (const GridCell& c : g.cells) {
    if (c.kind != GridCellKind::kValue) continue;
    ++values;
    ASSERT_TRUE(c.value.has_value()) << c.cell_id;
    EXPECT_EQ(c.text, report_.cells.at(c.cell_id).value->ToString());
    EXPECT_EQ(c.unit, "件");
  }
  EXPECT_EQ(values, 25 * 7);
  const GridCell* first = nullptr;
  for (const GridCell& c : g.cells) {
    if (c.cell_id == "R3.3.2/SO") first = &c;
  }
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->row, 3 + 5);
  EXPECT_EQ(first->col, 3 + 3);
}

TEST_F(GridTest, Table4HasThreeHeaderRowsAndNoLabels) {
  const TableGrid g = BuildGrid(*format_.FindTable("T4"), report_);
  EXPECT_EQ(g.columns, 15);
  EXPECT_EQ(g.label_columns, 0);
  EXPECT_EQ(g.header_rows, 3);
  EXPECT_EQ(Box(g, "行政复议"), std::make_tuple(0, 0, 1, 5));
  EXPECT_EQ(Box(g, "行政诉讼"), std::make_tuple(0, 5, 1, 10));
  EXPECT_EQ(Box(g, "结果维持", 0), std::make_tuple(1, 0, 2, 1));
  EXPECT_EQ(Box(g, "总计", 0), std::make_tuple(1, 4, 2, 1));
  EXPECT_EQ(Box(g, "未经复议直接起诉"), std::make_tuple(1, 5, 1, 5));
  EXPECT_EQ(Box(g, "复议后起诉"), std::make_tuple(1, 10, 1, 5));
  EXPECT_EQ(Box(g, "结果维持", 1), std::make_tuple(2, 5, 1, 1));
  EXPECT_EQ(Box(g, "总计", 2), std::make_tuple(2, 14, 1, 1));
  int values = 0;
  for (const GridCell& c : g.cells) values += c.kind == GridCellKind::kValue && c.row == 3;
  EXPECT_EQ(values, 15);
}

TEST_F(GridTest, CaptionSpansTheTable) {
  const TableGrid g = BuildGrid(*format_.FindTable("T2.1"), report_);
  EXPECT_EQ(g.caption_rows, 1);
  EXPECT_EQ(Box(g, "第二十条第（一）项"), std::make_tuple(0, 0, 1, 4));
  EXPECT_EQ(Box(g, "信息内容"), std::make_tuple(1, 0, 1, 1));
  EXPECT_EQ(Box(g, "现行有效件数"), std::make_tuple(1, 3, 1, 1));
}

TEST(GridRules, RowsWithTheSameOwnLabelAreNotMerged) {
  Format f;
  f.id = "x";
  Table t;
  t.id = "X";
  t.cell_ids = "row/col";
  t.label_columns = 2;
  t.columns = {MakeColumn("V", "数量")};
  t.rows = {MakeRow("a", {"甲", "其他"}, "件"), MakeRow("b", {"甲", "其他"}, "件"),
            MakeRow("c", {"其他"}, "件"), MakeRow("d", {"其他"}, "件")};
  f.tables = {t};
  Report r = MakeReport(f, [](const std::string&) { return Decimal::FromInt(1); },
                        [](const Section&) { return ""; });
  const TableGrid g = BuildGrid(f.tables[0], r);
  EXPECT_EQ(Box(g, "甲"), std::make_tuple(1, 0, 2, 1));  // the group label merges
  EXPECT_EQ(Box(g, "其他", 0), std::make_tuple(1, 1, 1, 1));
  EXPECT_EQ(Box(g, "其他", 1), std::make_tuple(2, 1, 1, 1));
  EXPECT_EQ(Box(g, "其他", 2), std::make_tuple(3, 0, 1, 2));
  EXPECT_EQ(Box(g, "其他", 3), std::make_tuple(4, 0, 1, 2));
}

TEST(GridRules, HeadingRowsPrintDashAndMissingCellsPrintNothing) {
  Format f = render_testing::Format2008();
  Report r = MakeReport(f, [](const std::string&) { return Decimal::FromInt(3); },
                        [](const Section&) { return ""; });
  r.cells.erase("A1");
  const TableGrid g = BuildGrid(f.tables[0], r);
  for (const GridCell& c : g.cells) {
    if (c.cell_id == "A") {
      EXPECT_EQ(c.text, "—");
      EXPECT_TRUE(c.heading);
      EXPECT_FALSE(c.value.has_value());
    }
    if (c.cell_id == "A1") {
      EXPECT_EQ(c.text, "");
      EXPECT_FALSE(c.value.has_value());
    }
    if (c.kind == GridCellKind::kUnit && c.row == 1) {
      EXPECT_EQ(c.text, "—");  // row A
    }
  }
  EXPECT_EQ(Box(g, "单位"), std::make_tuple(0, 1, 1, 1));
  EXPECT_EQ(Box(g, "统计数"), std::make_tuple(0, 2, 1, 1));
}

}  // namespace
}  // namespace gongkai
