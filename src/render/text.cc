// RenderText: the plain-text layout of the seed report (shared/seed/000_*.txt). Paragraphs one
// per line; a single-value table prints every cell on its own line ending in " |" (that is how
// the statistics table of the seed's 附件2 reads); a matrix table prints one line per row.
#include <string>

#include "render/document.h"
#include "render/grid.h"
#include "render/render.h"

namespace gongkai {
namespace {

using render_internal::AttachedTables;
using render_internal::ChineseDate;
using render_internal::SectionTables;
using render_internal::Signer;
using render_internal::SignaturePosition;
using render_internal::SplitParagraphs;
using render_internal::TableTitle;

std::string JoinLabels(const Row& row, const std::string& separator) {
  std::string out;
  for (const std::string& label : row.labels) {
    if (label.empty()) continue;
    if (!out.empty()) out += separator;
    out += label;
  }
  return out;
}

void AppendHeaderLines(const TableGrid& grid, bool one_cell_per_line, std::string& out) {
  for (int r = 0; r < grid.head_rows(); ++r) {
    std::string line;
    for (const GridCell& cell : grid.cells) {
      if (cell.row != r || cell.kind == GridCellKind::kValue ||
          cell.kind == GridCellKind::kRowLabel || cell.kind == GridCellKind::kUnit) {
        continue;
      }
      if (cell.text.empty()) continue;
      if (one_cell_per_line && cell.kind != GridCellKind::kCaption) {
        out += cell.text + " |\n";
      } else {
        if (!line.empty()) line += " | ";
        line += cell.text;
      }
    }
    if (!line.empty()) out += line + "\n";
  }
}

void AppendTable(const Table& table, const std::string& title, const Report& report,
                 std::string& out) {
  const TableGrid grid = BuildGrid(table, report);
  if (!title.empty()) out += title + "\n";
  const bool one_cell_per_line = table.cell_ids == "row";
  AppendHeaderLines(grid, one_cell_per_line, out);
  // Values of each body row, in column order.
  std::vector<std::vector<std::string>> values(grid.body_rows);
  for (const GridCell& cell : grid.cells) {
    if (cell.kind != GridCellKind::kValue) continue;
    values[cell.row - grid.head_rows()].push_back(cell.text);
  }
  for (int i = 0; i < grid.body_rows; ++i) {
    const Row& row = table.rows[i];
    std::string unit = row.unit.empty() && row.heading ? "—" : row.unit;
    if (one_cell_per_line) {
      if (grid.label_columns > 0) out += JoinLabels(row, " ") + " |\n";
      if (grid.unit_column) out += unit + " |\n";
      for (const std::string& v : values[i]) out += v + " |\n";
      continue;
    }
    std::string line;
    if (grid.label_columns > 0) line = JoinLabels(row, " | ");
    if (grid.unit_column) line += (line.empty() ? "" : " | ") + unit;
    for (const std::string& v : values[i]) {
      if (!line.empty()) line += " | ";
      line += v;
    }
    out += line + "\n";
  }
}

}  // namespace

std::string RenderText(const Report& report) {
  std::string out;
  if (!report.title.empty()) out += report.title + "\n";
  const size_t signature_at = SignaturePosition(report);
  for (size_t i = 0; i <= report.sections.size(); ++i) {
    if (i == signature_at) {
      const std::string signer = Signer(report);
      if (!signer.empty()) out += signer + "\n";
      if (!report.generated_on.empty()) out += ChineseDate(report.generated_on) + "\n";
    }
    if (i == report.sections.size()) break;
    const RenderedSection& section = report.sections[i];
    if (!section.heading.empty()) out += section.heading + "\n";
    for (const std::string& paragraph : SplitParagraphs(section.text)) out += paragraph + "\n";
    for (const Table* table : SectionTables(report, section)) {
      AppendTable(*table, TableTitle(*table, section.heading), report, out);
    }
  }
  for (const Table* table : AttachedTables(report)) {
    AppendTable(*table, TableTitle(*table, ""), report, out);
  }
  return out;
}

}  // namespace gongkai
