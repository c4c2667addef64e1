#include "dataset/format_check.h"

#include <algorithm>
#include <map>
#include <set>

namespace gongkai {

Status CheckAgainstFormats(const Dataset& dataset, std::string_view source_name,
                           const FormatLookup& lookup) {
  const std::string src(source_name);
  std::map<std::string, std::set<std::string>> cells;  // format id → cell ids
  auto format_of = [&](const std::string& id) -> Result<const Format*> { return lookup(id); };
  for (size_t i = 0; i < dataset.manual_figures.size(); ++i) {
    const ManualFigure& m = dataset.manual_figures[i].record;
    Result<const Format*> fmt = format_of(m.format_id);
    if (!fmt.ok()) return fmt.status();
    auto it = cells.find(m.format_id);
    if (it == cells.end()) {
      std::vector<std::string> ids = (*fmt)->CellIds();
      it = cells.emplace(m.format_id, std::set<std::string>(ids.begin(), ids.end())).first;
    }
    const std::string path = src + ": $.manual_figures[" + std::to_string(i) + "].cell: ";
    if (!it->second.count(m.cell_id)) {
      return InvalidInput(path + (*fmt)->name + "（" + m.format_id + "）没有单元格 \"" + m.cell_id +
                          "\"");
    }
    if ((*fmt)->IsHeading(m.cell_id)) {
      return InvalidInput(path + "单元格 \"" + m.cell_id + "\" 是标题行，不能填数");
    }
  }
  for (size_t i = 0; i < dataset.narratives.size(); ++i) {
    const NarrativeSection& n = dataset.narratives[i].record;
    Result<const Format*> fmt = format_of(n.format_id);
    if (!fmt.ok()) return fmt.status();
    const auto& sections = (*fmt)->sections;
    const bool found = std::any_of(sections.begin(), sections.end(),
                                   [&](const Section& s) { return s.id == n.section_id; });
    if (!found) {
      std::string list;
      for (const Section& s : sections) list += (list.empty() ? "" : ", ") + s.id + " " + s.heading;
      return InvalidInput(src + ": $.narratives[" + std::to_string(i) +
                          "].section: " + (*fmt)->name + "（" + n.format_id + "）没有正文部分 \"" +
                          n.section_id + "\"（可选：" + list + "）");
    }
  }
  return Status::Ok();
}

}  // namespace gongkai
