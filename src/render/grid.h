// TableGrid: one table of a report laid out as a grid of cells with row and column spans, the
// way the official form prints it. Every renderer that draws a table (HTML, XLSX, PDF, text)
// reads this grid, so merges are derived once and generically from the format data:
//  - header rows: one per level of Column::groups plus one for the column labels; a run of
//    adjacent columns sharing the same group path is one merged cell; a column with fewer groups
//    than the deepest one has its label span down to the last header row;
//  - the corner (Table::corner) spans all label columns × all header rows;
//  - row labels: Row::labels[i] sits in label column i, the last label spans to the last label
//    column; a group label (any but a row's last) that consecutive rows share, with the same
//    labels before it, is one cell merged down over those rows;
//  - a caption (Table::caption) is a first row spanning the whole width.
// Nothing here knows a particular national table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "report/format.h"
#include "report/report.h"

namespace gongkai {

enum class GridCellKind {
  kCaption,       // "第二十条第（一）项", a row spanning every column
  kCorner,        // top-left block over the label columns
  kLabelHeader,   // header of one label column (when there is no corner text)
  kUnitHeader,    // "单位"
  kGroupHeader,   // "申请人情况", "法人或其他组织", "行政诉讼"
  kColumnHeader,  // "自然人", "结果维持", "统计数"
  kRowLabel,      // "三、本年度办理结果"
  kUnit,          // "件", "—"
  kValue,         // a data cell
};

struct GridCell {
  int row = 0;  // top-left position in the grid
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  GridCellKind kind = GridCellKind::kValue;
  std::string text;  // as printed: labels, "—" for heading values, Decimal::ToString for numbers
  // kValue only:
  std::string cell_id;           // "R3.1/NP"
  std::optional<Decimal> value;  // nullopt for headings and cells missing from the report
  bool heading = false;          // heading row: printed "—"
  std::string unit;              // the cell's unit ("件", "万元"), "" if unknown
};

struct TableGrid {
  const Table* table = nullptr;
  int columns = 0;        // total grid columns
  int label_columns = 0;  // leading columns holding row labels
  bool unit_column = false;  // a 单位 column follows the label columns
  int caption_rows = 0;   // 0 or 1
  int header_rows = 0;    // header rows below the caption
  int body_rows = 0;      // one per Table::rows entry
  // Header cells first (caption, corner, headers), then body cells; each group in row-major
  // order of the top-left position.
  std::vector<GridCell> cells;

  int head_rows() const { return caption_rows + header_rows; }  // rows before the body
  int total_rows() const { return head_rows() + body_rows; }
  // The first grid column holding values (after labels and unit).
  int first_value_column() const { return label_columns + (unit_column ? 1 : 0); }
};

// The id of the cell at (row, column) of a table according to Table::cell_ids:
// "row" → row id, "col" → column id, otherwise "ROW/COL".
std::string CellIdOf(const Table& table, const Row& row, const Column& column);

// Lays out `table` with the values of `report`. REQUIRES: table belongs to report.format.
TableGrid BuildGrid(const Table& table, const Report& report);

}  // namespace gongkai
