#include "render/grid.h"

#include <algorithm>

namespace gongkai {
namespace {

// The labels a row prints, trailing empty ones dropped, folded into `columns` label columns
// (surplus labels join the last column).
std::vector<std::string> RowLabels(const Row& row, int columns) {
  std::vector<std::string> labels = row.labels;
  while (!labels.empty() && labels.back().empty()) labels.pop_back();
  if (columns <= 0) return {};
  while (static_cast<int>(labels.size()) > columns) {
    std::string last = labels.back();
    labels.pop_back();
    labels.back() += " " + last;
  }
  return labels;
}

// Span of label i in a row with `count` labels over `columns` label columns.
int LabelSpan(int i, int count, int columns) { return i + 1 == count ? columns - i : 1; }

bool SamePrefix(const std::vector<std::string>& a, const std::vector<std::string>& b, int n) {
  if (static_cast<int>(a.size()) < n || static_cast<int>(b.size()) < n) return false;
  return std::equal(a.begin(), a.begin() + n, b.begin());
}

int EffectiveLabelColumns(const Table& table) {
  if (table.label_columns <= 0) return 0;
  if (!table.corner.empty() || !table.label_headers.empty()) return table.label_columns;
  for (const Row& row : table.rows) {
    for (const std::string& label : row.labels) {
      if (!label.empty()) return table.label_columns;
    }
  }
  return 0;  // a label column nobody writes in (e.g. a one-row table) is not drawn
}

}  // namespace

std::string CellIdOf(const Table& table, const Row& row, const Column& column) {
  if (table.cell_ids == "row") return row.id;
  if (table.cell_ids == "col") return column.id;
  return row.id + "/" + column.id;
}

TableGrid BuildGrid(const Table& table, const Report& report) {
  TableGrid grid;
  grid.table = &table;
  grid.label_columns = EffectiveLabelColumns(table);
  grid.unit_column = table.unit_column;
  const int first_value = grid.first_value_column();
  const int data_columns = static_cast<int>(table.columns.size());
  grid.columns = first_value + data_columns;
  grid.caption_rows = table.caption.empty() ? 0 : 1;
  size_t depth = 0;
  for (const Column& c : table.columns) depth = std::max(depth, c.groups.size());
  grid.header_rows = static_cast<int>(depth) + 1;
  grid.body_rows = static_cast<int>(table.rows.size());

  auto add = [&grid](GridCellKind kind, int row, int col, int row_span, int col_span,
                     std::string text) -> GridCell& {
    GridCell cell;
    cell.kind = kind;
    cell.row = row;
    cell.col = col;
    cell.row_span = row_span;
    cell.col_span = col_span;
    cell.text = std::move(text);
    grid.cells.push_back(std::move(cell));
    return grid.cells.back();
  };

  if (grid.caption_rows > 0) add(GridCellKind::kCaption, 0, 0, 1, grid.columns, table.caption);

  // Header block. Row h of the header is grid row caption_rows + h.
  const int top = grid.caption_rows;
  const int levels = grid.header_rows;
  for (int h = 0; h < levels; ++h) {
    const int row = top + h;
    if (h == 0 && grid.label_columns > 0) {
      const bool per_column_headers =
          table.corner.empty() &&
          static_cast<int>(table.label_headers.size()) >= grid.label_columns;
      if (per_column_headers) {
        for (int i = 0; i < grid.label_columns; ++i) {
          add(GridCellKind::kLabelHeader, row, i, levels, 1, table.label_headers[i]);
        }
      } else {
        add(GridCellKind::kCorner, row, 0, levels, grid.label_columns, table.corner);
      }
    }
    if (h == 0 && grid.unit_column) {
      const std::string unit_header =
          static_cast<int>(table.label_headers.size()) > grid.label_columns
              ? table.label_headers[grid.label_columns]
              : "单位";
      add(GridCellKind::kUnitHeader, row, grid.label_columns, levels, 1, unit_header);
    }
    for (int c = 0; c < data_columns;) {
      const Column& column = table.columns[c];
      const int groups = static_cast<int>(column.groups.size());
      if (groups < h) {  // covered by the label cell of a shallower column
        ++c;
        continue;
      }
      if (groups == h) {
        add(GridCellKind::kColumnHeader, row, first_value + c, levels - h, 1, column.label);
        ++c;
        continue;
      }
      // A group cell: extend over the adjacent columns with the same group path to level h.
      int end = c + 1;
      while (end < data_columns &&
             static_cast<int>(table.columns[end].groups.size()) > h &&
             SamePrefix(table.columns[end].groups, column.groups, h + 1)) {
        ++end;
      }
      add(GridCellKind::kGroupHeader, row, first_value + c, 1, end - c, column.groups[h]);
      c = end;
    }
  }

  // Body.
  const int body_top = grid.head_rows();
  std::vector<std::vector<std::string>> labels;
  labels.reserve(table.rows.size());
  for (const Row& r : table.rows) labels.push_back(RowLabels(r, grid.label_columns));

  for (int i = 0; i < grid.body_rows; ++i) {
    const Row& r = table.rows[i];
    const int row = body_top + i;
    const int count = static_cast<int>(labels[i].size());
    if (grid.label_columns > 0 && count == 0) {
      add(GridCellKind::kRowLabel, row, 0, 1, grid.label_columns, "");
    }
    for (int j = 0; j < count; ++j) {
      const int span = LabelSpan(j, count, grid.label_columns);
      // Only group labels (not a row's own, last label) merge with the rows below: two rows
      // that happen to have the same name stay two rows. Continuation of a merge from above?
      if (i > 0) {
        const int prev_count = static_cast<int>(labels[i - 1].size());
        if (j + 1 < count && j + 1 < prev_count && SamePrefix(labels[i - 1], labels[i], j + 1)) {
          continue;
        }
      }
      int rows = 1;
      while (i + rows < grid.body_rows) {
        const std::vector<std::string>& next = labels[i + rows];
        const int next_count = static_cast<int>(next.size());
        if (j + 1 >= count || j + 1 >= next_count || !SamePrefix(next, labels[i], j + 1)) {
          break;
        }
        ++rows;
      }
      add(GridCellKind::kRowLabel, row, j, rows, span, labels[i][j]);
    }
    if (grid.unit_column) {
      add(GridCellKind::kUnit, row, grid.label_columns, 1, 1,
          r.unit.empty() && r.heading ? "—" : r.unit);
    }
    for (int c = 0; c < data_columns; ++c) {
      const Column& column = table.columns[c];
      GridCell& cell = add(GridCellKind::kValue, row, first_value + c, 1, 1, "");
      cell.cell_id = CellIdOf(table, r, column);
      cell.heading = r.heading;
      cell.unit = !r.unit.empty() ? r.unit : column.unit;
      if (r.heading) {
        cell.text = "—";
        continue;
      }
      auto it = report.cells.find(cell.cell_id);
      if (it != report.cells.end() && it->second.value.has_value()) {
        cell.value = it->second.value;
        cell.text = cell.value->ToString();
      }
    }
  }
  return grid;
}

}  // namespace gongkai
