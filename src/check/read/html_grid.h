// Internal to the HTML reader: the HTML table model — rows of cells with rowspan/colspan →
// a rectangular Grid.
#pragma once

#include <string>
#include <vector>

#include "check/document.h"
#include "core/status.h"

namespace gongkai::check {

struct SourceCell {
  std::string text;
  long rowspan = 1;  // as written; 0 = to the end of the row group
  long colspan = 1;  // as written; 0 counts as 1
  bool is_header = false;
};

struct SourceRow {
  std::vector<SourceCell> cells;
  int line = 0;   // the Document line of this row
  int group = 0;  // rows of one <thead>/<tbody>/<tfoot> share a number
};

// What all the grids of one document may hold together; BuildGrid subtracts what it uses.
struct GridBudget {
  size_t cells = 2'000'000;
  size_t text_bytes = 64u << 20;
  size_t slot_visits = 20'000'000;  // slots looked at, covered or not (overlapping spans)
};

inline constexpr long kMaxColspan = 1000;  // the HTML standard's limit
inline constexpr int kMaxGridColumns = 1000;

// Expands spans as the HTML table model does: each cell takes the first free column of its row;
// colspan is clamped to 1…1000 (0 → 1); rowspan 0 reaches the end of the row group, and a
// rowspan is cut at the end of its row group (this reader makes no rows that have no <tr>); a
// slot already covered by a cell from above keeps that cell (overlaps are a table error); rows
// are padded with empty cells to the widest row; columns beyond kMaxGridColumns are dropped.
// A spanned cell is copied into every slot it covers with origin_row/origin_col at its top-left
// slot; GridCell::line is the line of the origin row. `rows` may be empty (→ empty grid).
// Errors: kInvalidInput "网页中的表格过大…" when the budget runs out.
Result<Grid> BuildGrid(const std::vector<SourceRow>& rows, GridBudget& budget);

}  // namespace gongkai::check
