#include "report/report.h"

namespace gongkai {

std::optional<Decimal> Report::Value(const std::string& cell_id) const {
  auto it = cells.find(cell_id);
  if (it == cells.end()) return std::nullopt;
  return it->second.value;
}

int Report::ErrorCount() const {
  int n = 0;
  for (const Finding& f : findings) n += f.severity == Severity::kError ? 1 : 0;
  return n;
}

int Report::WarningCount() const {
  int n = 0;
  for (const Finding& f : findings) n += f.severity == Severity::kWarning ? 1 : 0;
  return n;
}

}  // namespace gongkai
