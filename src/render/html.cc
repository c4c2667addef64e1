// RenderHtml: one self-contained page (inline CSS, no script, no external resource) that prints
// on A4 like the official form. Every string from the report is escaped: agency names, headings
// and narrative come from users.
#include <map>
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

constexpr const char* kStyle = R"css(
@page { size: A4 portrait; margin: 25mm 20mm 22mm; }
html { color: #111; background: #fff;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; }
body { margin: 0; }
main.report { max-width: 180mm; margin: 0 auto; padding: 2em 1.25em 3em;
  font-size: 16px; line-height: 1.8; }
h1.report-title { text-align: center; font-size: 1.6em; line-height: 1.4; margin: .8em 0 1.2em; }
h2, h3, table.form-table, aside.findings {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei", sans-serif; }
h2 { font-size: 1.1em; margin: 1.4em 0 .5em; }
h3.table-title { text-align: center; font-size: 1em; margin: 1em 0 .5em; }
p { text-indent: 2em; margin: 0 0 .3em; text-align: justify; }
.table-block { margin: .8em 0 1.6em; overflow-x: auto; }
table.form-table { border-collapse: collapse; width: 100%; font-size: 13px; line-height: 1.45; }
table.form-table th, table.form-table td { border: 1px solid #000; padding: .3em .45em;
  vertical-align: middle; }
table.form-table thead th { font-weight: bold; text-align: center; background: #f3f3f3; }
table.form-table thead th.corner { font-weight: normal; }
table.form-table thead th.caption { text-align: left; }
table.form-table tbody th { font-weight: normal; text-align: left; }
table.form-table td.num { text-align: right; white-space: nowrap;
  font-variant-numeric: tabular-nums; font-feature-settings: "tnum"; }
table.form-table td.heading, table.form-table td.unit { text-align: center; white-space: nowrap; }
table.form-table td.flag-error { background: #fbdcdc; }
table.form-table td.flag-warning { background: #fdf0c8; }
.signature { text-align: right; margin: 2.5em 0 1em; }
.signature p { text-indent: 0; margin: 0; text-align: right; }
aside.findings { border: 2px solid #a40000; background: #fff7f7; padding: .6em 1.2em;
  margin: 1em 0 2em; font-size: 14px; line-height: 1.6; }
aside.findings h2 { margin: .2em 0 .4em; color: #a40000; }
aside.findings ul { margin: 0; padding-left: 1.2em; }
aside.findings .severity { font-weight: bold; }
aside.findings li.warning .severity { color: #8a5a00; }
aside.findings li.error .severity { color: #a40000; }
aside.findings code { font-size: .9em; color: #444; }
@media print {
  main.report { max-width: none; padding: 0; font-size: 12pt; }
  aside.findings { display: none; }
  .table-block { overflow: visible; break-inside: avoid; page-break-inside: avoid; }
  table.form-table { font-size: 9.5pt; }
  table.form-table thead { display: table-header-group; }
  table.form-table tr { break-inside: avoid; page-break-inside: avoid; }
  table.form-table thead th { background: none; }
  table.form-table td.flag-error, table.form-table td.flag-warning { background: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  section.attachment, section.attachments { break-before: page; page-break-before: always; }
}
)css";

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Escaped text with single newlines kept as line breaks.
std::string EscapeLines(std::string_view s) {
  std::string out;
  for (const char c : Escape(s)) {
    if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Spans(const GridCell& cell) {
  std::string out;
  if (cell.row_span > 1) out += " rowspan=\"" + std::to_string(cell.row_span) + "\"";
  if (cell.col_span > 1) out += " colspan=\"" + std::to_string(cell.col_span) + "\"";
  return out;
}

// Worst severity per cell id, to flag table cells on screen.
std::map<std::string, Severity> FlaggedCells(const Report& report) {
  std::map<std::string, Severity> flagged;
  for (const Finding& f : report.findings) {
    if (f.severity == Severity::kInfo) continue;
    for (const std::string& id : f.cells) {
      auto [it, inserted] = flagged.emplace(id, f.severity);
      if (!inserted && f.severity == Severity::kError) it->second = Severity::kError;
    }
  }
  return flagged;
}

std::string CellHtml(const GridCell& cell, const std::map<std::string, Severity>& flagged) {
  const std::string spans = Spans(cell);
  const std::string text = EscapeLines(cell.text);
  const char* scope = cell.col_span > 1 ? "colgroup" : "col";
  switch (cell.kind) {
    case GridCellKind::kCaption:
      return "<th class=\"caption\" scope=\"colgroup\"" + spans + ">" + text + "</th>";
    case GridCellKind::kCorner:
      return std::string("<th class=\"corner\" scope=\"") + scope + "\"" + spans + ">" + text +
             "</th>";
    case GridCellKind::kLabelHeader:
    case GridCellKind::kUnitHeader:
    case GridCellKind::kColumnHeader:
    case GridCellKind::kGroupHeader:
      return std::string("<th scope=\"") + scope + "\"" + spans + ">" + text + "</th>";
    case GridCellKind::kRowLabel:
      return "<th scope=\"row\"" + spans + ">" + text + "</th>";
    case GridCellKind::kUnit:
      return "<td class=\"unit\">" + text + "</td>";
    case GridCellKind::kValue: {
      std::string cls = cell.heading ? "num heading" : "num";
      auto it = flagged.find(cell.cell_id);
      if (it != flagged.end()) cls += std::string(" flag-") + std::string(ToCode(it->second));
      return "<td class=\"" + cls + "\" data-cell=\"" + Escape(cell.cell_id) + "\">" + text +
             "</td>";
    }
  }
  return "";
}

void AppendTable(const Table& table, const std::string& title, const Report& report,
                 const std::map<std::string, Severity>& flagged, std::string& out) {
  const TableGrid grid = BuildGrid(table, report);
  out += "<div class=\"table-block\">\n";
  if (!title.empty()) out += "<h3 class=\"table-title\">" + Escape(title) + "</h3>\n";
  out += "<table class=\"form-table\" id=\"table-" + Escape(table.id) + "\">\n<thead>\n";
  size_t next = 0;  // grid cells are in row-major order
  for (int r = 0; r < grid.total_rows(); ++r) {
    if (r == grid.head_rows()) out += "</thead>\n<tbody>\n";
    out += "<tr>";
    while (next < grid.cells.size() && grid.cells[next].row == r) {
      out += CellHtml(grid.cells[next++], flagged);
    }
    out += "</tr>\n";
  }
  if (grid.body_rows == 0) out += "</thead>\n<tbody>\n";
  out += "</tbody>\n</table>\n</div>\n";
}

void AppendFindings(const Report& report, std::string& out) {
  int errors = 0;
  int warnings = 0;
  for (const Finding& f : report.findings) {
    errors += f.severity == Severity::kError;
    warnings += f.severity == Severity::kWarning;
  }
  out += "<aside class=\"findings\" aria-labelledby=\"findings-title\">\n";
  out += "<h2 id=\"findings-title\">检查结果：错误 " + std::to_string(errors) + " 项，警告 " +
         std::to_string(warnings) + " 项</h2>\n<ul>\n";
  for (const Finding& f : report.findings) {
    out += "<li class=\"finding " + std::string(ToCode(f.severity)) +
           "\"><span class=\"severity\">" + std::string(ToChinese(f.severity)) +
           "</span> " + EscapeLines(f.message);
    if (!f.rule.empty() || !f.cells.empty()) {
      std::string where = Escape(f.rule);
      for (size_t i = 0; i < f.cells.size(); ++i) {
        where += (i == 0 ? (where.empty() ? "" : "：") : "、") + Escape(f.cells[i]);
      }
      out += " <code>" + where + "</code>";
    }
    out += "</li>\n";
  }
  out += "</ul>\n</aside>\n";
}

void AppendSignature(const Report& report, std::string& out) {
  const std::string signer = Signer(report);
  if (signer.empty() && report.generated_on.empty()) return;
  out += "<footer class=\"signature\">\n";
  if (!signer.empty()) out += "<p>" + Escape(signer) + "</p>\n";
  if (!report.generated_on.empty()) {
    out += "<p>" + Escape(ChineseDate(report.generated_on)) + "</p>\n";
  }
  out += "</footer>\n";
}

}  // namespace

std::string RenderHtml(const Report& report) {
  const std::map<std::string, Severity> flagged = FlaggedCells(report);
  std::string out;
  out += "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"gongkai\">\n";
  out += "<title>" + Escape(report.title) + "</title>\n<style>" + kStyle + "</style>\n";
  out += "</head>\n<body>\n<main class=\"report\">\n";
  out += "<h1 class=\"report-title\">" + Escape(report.title) + "</h1>\n";
  if (!report.findings.empty()) AppendFindings(report, out);
  const size_t signature_at = SignaturePosition(report);
  for (size_t i = 0; i <= report.sections.size(); ++i) {
    if (i == signature_at) AppendSignature(report, out);
    if (i == report.sections.size()) break;
    const RenderedSection& section = report.sections[i];
    out += std::string("<section class=\"report-section") +
           (i >= signature_at ? " attachment" : "") + "\" id=\"section-" + Escape(section.id) +
           "\">\n";
    if (!section.heading.empty()) out += "<h2>" + Escape(section.heading) + "</h2>\n";
    for (const std::string& p : SplitParagraphs(section.text)) {
      out += "<p>" + EscapeLines(p) + "</p>\n";
    }
    for (const Table* table : SectionTables(report, section)) {
      AppendTable(*table, TableTitle(*table, section.heading), report, flagged, out);
    }
    out += "</section>\n";
  }
  const std::vector<const Table*> attached = AttachedTables(report);
  if (!attached.empty()) {
    out += "<section class=\"attachments\">\n";
    for (const Table* table : attached) AppendTable(*table, TableTitle(*table, ""), report, flagged, out);
    out += "</section>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace gongkai
