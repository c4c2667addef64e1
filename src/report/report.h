// Report: the annual report of one agency for one year in one format — a snapshot of cells,
// narrative and findings. Re-rendering a stored report never recomputes it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/agency.h"
#include "core/decimal.h"
#include "report/format.h"

namespace gongkai {

enum class CellSource { kHeading, kRule, kManual };

struct CellValue {
  std::optional<Decimal> value;  // nullopt for heading rows ("—")
  CellSource source = CellSource::kRule;
  std::string note;              // manual: "by 张三 2019-01-03，来源：…"; rule: short rule text
};

struct Finding {
  Severity severity = Severity::kError;
  std::string rule;                 // identity id or check id, e.g. "2021.T3.balance/NP"
  std::vector<std::string> cells;   // the cells involved
  std::string message;              // Chinese: the numbers, what fails, what would hold
};

struct RenderedSection {
  std::string id;
  std::string heading;
  std::string text;                 // placeholders replaced by values
  std::vector<std::string> tables;  // table ids to print after the text
};

struct Report {
  const Format* format = nullptr;   // REQUIRES: outlives the report
  Agency agency;
  int year = 0;
  std::string title;                // e.g. "昌邑区商务局2018年政府信息公开工作年度报告"
  std::string generated_on;         // the date the report was produced (injected)
  std::map<std::string, CellValue> cells;  // every cell id of the format
  std::vector<RenderedSection> sections;
  std::vector<Finding> findings;

  // REQUIRES: cell_id is a cell of the format.
  std::optional<Decimal> Value(const std::string& cell_id) const;
  int ErrorCount() const;
  int WarningCount() const;
};

}  // namespace gongkai
