#include "check/read/html_grid.h"

#include <algorithm>

namespace gongkai::check {

Result<Grid> BuildGrid(const std::vector<SourceRow>& rows, GridBudget& budget) {
  Grid grid;
  const int height = static_cast<int>(rows.size());
  if (height == 0) return grid;
  grid.first_line = rows[0].line;

  // End (exclusive) of each row's group.
  std::vector<int> group_end(height);
  for (int y = height - 1; y >= 0; --y) {
    group_end[y] =
        (y + 1 < height && rows[y + 1].group == rows[y].group) ? group_end[y + 1] : y + 1;
  }

  const auto over_budget = [] {
    return InvalidInput(
        "网页中的表格过大（展开合并单元格后超过 200 万个单元格或 64 MB 文字），无法读取");
  };
  std::vector<std::vector<GridCell>> slots(height);
  std::vector<std::vector<bool>> filled(height);
  auto place = [&](int r, int c, const GridCell& cell) -> bool {
    if (static_cast<int>(filled[r].size()) <= c) {
      filled[r].resize(c + 1, false);
      slots[r].resize(c + 1);
    }
    if (budget.slot_visits == 0) return false;
    --budget.slot_visits;
    if (filled[r][c]) return true;
    if (budget.cells == 0 || budget.text_bytes < cell.text.size()) return false;
    --budget.cells;
    budget.text_bytes -= cell.text.size();
    filled[r][c] = true;
    slots[r][c] = cell;
    return true;
  };

  for (int y = 0; y < height; ++y) {
    int x = 0;
    for (const SourceCell& source : rows[y].cells) {
      while (x < kMaxGridColumns && x < static_cast<int>(filled[y].size()) && filled[y][x]) ++x;
      if (x >= kMaxGridColumns) break;
      const int colspan = static_cast<int>(
          std::min<long>({std::clamp(source.colspan, 1L, kMaxColspan), kMaxGridColumns - x}));
      const int rows_left = group_end[y] - y;
      const int rowspan = source.rowspan <= 0
                              ? rows_left
                              : static_cast<int>(std::min<long>(source.rowspan, rows_left));
      GridCell cell;
      cell.text = source.text;
      cell.line = rows[y].line;
      cell.origin_row = y;
      cell.origin_col = x;
      cell.is_header = source.is_header;
      for (int r = y; r < y + rowspan; ++r) {
        for (int c = x; c < x + colspan; ++c) {
          if (!place(r, c, cell)) return over_budget();
        }
      }
      x += colspan;
    }
  }

  size_t width = 0;
  for (const auto& row : filled) width = std::max(width, row.size());
  for (int y = 0; y < height; ++y) {
    filled[y].resize(width, false);
    slots[y].resize(width);
    for (size_t c = 0; c < width; ++c) {
      if (filled[y][c]) continue;
      GridCell empty;
      empty.line = rows[y].line;
      empty.origin_row = y;
      empty.origin_col = static_cast<int>(c);
      if (!place(y, static_cast<int>(c), empty)) return over_budget();
    }
  }
  grid.rows = std::move(slots);
  return grid;
}

}  // namespace gongkai::check
