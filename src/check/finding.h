// A finding of the checker: what is wrong in a published report, where, and what would be right.
#pragma once

#include <string>
#include <vector>

#include "report/format.h"

namespace gongkai::check {

struct CheckFinding {
  std::string kind;       // "identity", "heading_value", "impossible_value", "unit",
                          // "text_vs_table", "narrative_sum", "year", "title", "agency_name",
                          // "template", "carry_over", "same_text", "wording", "row_label",
                          // "ambiguous", "missing_rows", "unreadable", "truncated"
                          // (docs/checker.md)
  Severity severity = Severity::kError;
  int line = 0;           // 1-based line of the Document (0 if the finding has no one line)
  std::vector<std::string> cells;
  std::string message;    // Chinese: what is wrong, the numbers, what would be right
  std::string rule;       // identity id or check id, e.g. "2021.T3.balance/NP", "title.regulation"
};

}  // namespace gongkai::check
