// RenderJson: the machine-readable report. Numbers are written from Decimal::ToString, so a
// 万元 value such as 12.345678 is exact in the file (no trip through double).
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "render/document.h"
#include "render/render.h"

namespace gongkai {
namespace {

std::string Quote(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Number(const std::optional<Decimal>& v) { return v ? v->ToString() : "null"; }

}  // namespace

std::string RenderJson(const Report& report) {
  std::string out = "{\n";
  out += "  \"format\": " + Quote(report.format ? report.format->id : "") + ",\n";
  out += "  \"agency\": {\"slug\": " + Quote(report.agency.slug) +
         ", \"name\": " + Quote(report.agency.name) + "},\n";
  out += "  \"year\": " + std::to_string(report.year) + ",\n";
  out += "  \"title\": " + Quote(report.title) + ",\n";

  // Cells in print order of the format, then any cell of the report the format does not list.
  std::vector<std::string> lines;
  std::set<std::string> seen;
  auto add_cell = [&](const std::string& id, const std::optional<Decimal>& value) {
    if (!seen.insert(id).second) return;
    lines.push_back("    " + Quote(id) + ": " + Number(value));
  };
  if (report.format != nullptr) {
    for (const std::string& id : report.format->CellIds()) {
      auto it = report.cells.find(id);
      std::optional<Decimal> value;
      if (!report.format->IsHeading(id) && it != report.cells.end()) value = it->second.value;
      add_cell(id, value);
    }
  }
  for (const auto& [id, cell] : report.cells) add_cell(id, cell.value);
  out += "  \"cells\": {";
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? ",\n" : "\n") + lines[i];
  out += lines.empty() ? "},\n" : "\n  },\n";

  out += "  \"findings\": [";
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    std::string cells;
    for (size_t j = 0; j < f.cells.size(); ++j) cells += (j ? ", " : "") + Quote(f.cells[j]);
    out += i ? ",\n" : "\n";
    out += "    {\"severity\": " + Quote(std::string(ToCode(f.severity))) +
           ", \"rule\": " + Quote(f.rule) + ", \"cells\": [" + cells +
           "], \"message\": " + Quote(f.message) + "}";
  }
  out += report.findings.empty() ? "],\n" : "\n  ],\n";

  out += "  \"sections\": [";
  for (size_t i = 0; i < report.sections.size(); ++i) {
    const RenderedSection& s = report.sections[i];
    out += i ? ",\n" : "\n";
    out += "    {\"id\": " + Quote(s.id) + ", \"heading\": " + Quote(s.heading) +
           ", \"text\": " + Quote(s.text) + "}";
  }
  out += report.sections.empty() ? "]\n" : "\n  ]\n";
  out += "}\n";
  return out;
}

}  // namespace gongkai
