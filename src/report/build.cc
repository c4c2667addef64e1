#include "report/build.h"

#include "report/compute.h"
#include "report/narrative.h"
#include "report/validate.h"

namespace gongkai {
namespace {

std::string FillTitle(const std::string& tmpl, const Agency& agency, int year) {
  const std::string name = agency.short_name.empty() ? agency.name : agency.short_name;
  const std::pair<std::string, std::string> kVars[] = {
      {"{{agency}}", name}, {"{{agency_full}}", agency.name}, {"{{year}}", std::to_string(year)}};
  std::string out = tmpl;
  for (const auto& [key, value] : kVars) {
    for (size_t p = out.find(key); p != std::string::npos; p = out.find(key, p + value.size())) {
      out.replace(p, key.size(), value);
    }
  }
  return out;
}

}  // namespace

Result<Report> BuildReport(const Format& fmt, const YearRecords& records, const WorkCalendar& cal,
                           const BuildOptions& options) {
  Result<ComputedCells> computed = ComputeCellsWithFindings(fmt, records, cal);
  if (!computed.ok()) return computed.status();

  Report report;
  report.format = &fmt;
  report.agency = records.agency;
  report.year = records.year;
  report.title = FillTitle(fmt.title_template, records.agency, records.year);
  report.generated_on = options.generated_on;
  report.cells = std::move(computed->cells);
  report.findings = std::move(computed->findings);

  // Last year's cells in the same format, for the cross-year checks. Failing to compute them
  // (e.g. an outcome last year's records cannot map) must not block this year's report: say so.
  std::optional<std::map<std::string, CellValue>> previous;
  if (options.previous != nullptr) {
    Result<std::map<std::string, CellValue>> prev = ComputeCells(fmt, *options.previous, cal);
    if (prev.ok()) {
      previous = std::move(prev).value();
    } else {
      report.findings.push_back(
          Finding{Severity::kInfo,
                  fmt.id + ".previous_year",
                  {},
                  "未能按本格式计算" + std::to_string(options.previous->year) +
                      "年的数据，跨年度核对未进行：" + prev.status().message()});
    }
  }
  std::vector<Finding> checks = ValidateCells(fmt, report.cells, previous ? &*previous : nullptr);
  report.findings.insert(report.findings.end(), checks.begin(), checks.end());

  std::vector<NarrativeSection> written;
  for (const NarrativeSection& s : records.narrative) {
    if (s.year != 0 && s.year != records.year) continue;
    if (!s.format_id.empty() && s.format_id != fmt.id) continue;
    written.push_back(s);
  }
  Result<NarrativeResult> narrative = RenderNarrative(fmt, report, written);
  if (!narrative.ok()) return narrative.status();
  report.sections = std::move(narrative->sections);
  report.findings.insert(report.findings.end(), narrative->findings.begin(),
                         narrative->findings.end());
  return report;
}

}  // namespace gongkai
