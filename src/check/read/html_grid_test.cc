#include "check/read/html_grid.h"

#include <gtest/gtest.h>

namespace gongkai::check {
namespace {

// Rows from a compact description: each cell "text" or "text/rowspan/colspan".
SourceRow Row(std::initializer_list<SourceCell> cells, int line, int group = 1) {
  SourceRow row;
  row.cells = cells;
  row.line = line;
  row.group = group;
  return row;
}

SourceCell C(std::string text, long rowspan = 1, long colspan = 1) {
  return SourceCell{std::move(text), rowspan, colspan, false};
}

// The grid's texts, rows separated by ";" and cells by ",".
std::string Texts(const Grid& grid) {
  std::string out;
  for (const auto& row : grid.rows) {
    if (!out.empty()) out += ";";
    for (size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + row[c].text;
  }
  return out;
}

TEST(BuildGrid, RowspanAndColspanExpanded) {
  // The head of 2021 table 三: a corner 3×3, 申请人情况 over 7 columns, 自然人 and 总计 over 2
  // rows.
  GridBudget budget;
  Result<Grid> grid =
      BuildGrid({Row({C("corner", 3, 3), C("申请人情况", 1, 7)}, 10),
                 Row({C("自然人", 2, 1), C("法人", 1, 5), C("总计", 2, 1)}, 11),
                 Row({C("商"), C("科"), C("益"), C("法"), C("其")}, 12),
                 Row({C("一", 1, 3), C("1"), C("2"), C("3"), C("4"), C("5"), C("6"), C("21")}, 13)},
                budget);
  ASSERT_TRUE(grid.ok());
  EXPECT_EQ(grid->first_line, 10);
  ASSERT_EQ(grid->rows.size(), 4u);
  EXPECT_EQ(
      Texts(*grid),
      "corner,corner,corner,申请人情况,申请人情况,申请人情况,申请人情况,申请人情况,申请人情况,"
      "申请人情况;"
      "corner,corner,corner,自然人,法人,法人,法人,法人,法人,总计;"
      "corner,corner,corner,自然人,商,科,益,法,其,总计;"
      "一,一,一,1,2,3,4,5,6,21");
  const GridCell& natural = grid->rows[2][3];
  EXPECT_EQ(natural.origin_row, 1);
  EXPECT_EQ(natural.origin_col, 3);
  EXPECT_EQ(natural.line, 11);  // the line of its origin row
  EXPECT_EQ(grid->rows[2][4].line, 12);
  EXPECT_EQ(grid->rows[3][9].origin_col, 9);
}

TEST(BuildGrid, RowspanZeroReachesTheEndOfTheRowGroup) {
  GridBudget budget;
  Result<Grid> grid =
      BuildGrid({Row({C("h1"), C("h2")}, 1, 1), Row({C("a", 0), C("1")}, 2, 2), Row({C("2")}, 3, 2),
                 Row({C("3")}, 4, 2), Row({C("f1"), C("f2")}, 5, 3)},
                budget);
  ASSERT_TRUE(grid.ok());
  EXPECT_EQ(Texts(*grid), "h1,h2;a,1;a,2;a,3;f1,f2");
}

TEST(BuildGrid, HugeSpansAreClamped) {
  GridBudget budget;
  Result<Grid> grid =
      BuildGrid({Row({C("a", 65534), C("b", 1, 5000)}, 1), Row({C("c")}, 2)}, budget);
  ASSERT_TRUE(grid.ok());
  ASSERT_EQ(grid->rows.size(), 2u);  // rowspan cut at the last row
  // colspan ≤ 1000, and the grid no wider than kMaxGridColumns.
  EXPECT_EQ(grid->rows[0].size(), static_cast<size_t>(kMaxGridColumns));
  EXPECT_EQ(grid->rows[0].back().text, "b");
  EXPECT_EQ(grid->rows[1][0].text, "a");
  EXPECT_EQ(grid->rows[1][1].text, "c");
  EXPECT_EQ(grid->rows[1][2].text, "");  // padded
}

TEST(BuildGrid, MissingCellsArePaddedAndZeroColspanIsOne) {
  GridBudget budget;
  Result<Grid> grid =
      BuildGrid({Row({C("a"), C("b"), C("c")}, 7), Row({C("d", 1, 0)}, 8), Row({}, 9)}, budget);
  ASSERT_TRUE(grid.ok());
  EXPECT_EQ(Texts(*grid), "a,b,c;d,,;,,");
  EXPECT_EQ(grid->rows[1][2].line, 8);
  EXPECT_EQ(grid->rows[1][2].origin_row, 1);
  EXPECT_EQ(grid->rows[1][2].origin_col, 2);
  EXPECT_EQ(grid->rows[2][0].line, 9);
}

TEST(BuildGrid, OverlappingCellsKeepTheFirst) {
  // "b" spans down into row 2; row 2's "c" has colspan 2 and overlaps it.
  GridBudget budget;
  Result<Grid> grid =
      BuildGrid({Row({C("a"), C("b", 2)}, 1), Row({C("c", 1, 2), C("d")}, 2)}, budget);
  ASSERT_TRUE(grid.ok());
  EXPECT_EQ(Texts(*grid), "a,b,;c,b,d");
}

TEST(BuildGrid, BudgetExhausted) {
  GridBudget budget;
  budget.cells = 10;
  Result<Grid> grid = BuildGrid({Row({C("a", 1, 20)}, 1)}, budget);
  ASSERT_FALSE(grid.ok());
  EXPECT_NE(grid.status().message().find("表格过大"), std::string::npos);
}

TEST(BuildGrid, Empty) {
  GridBudget budget;
  Result<Grid> grid = BuildGrid({}, budget);
  ASSERT_TRUE(grid.ok());
  EXPECT_TRUE(grid->rows.empty());
}

}  // namespace
}  // namespace gongkai::check
