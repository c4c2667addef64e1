// Checks the cells of a report against every identity of its format.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/format.h"
#include "report/report.h"

namespace gongkai {

// One finding per violated (expanded) identity, naming the cells, their numbers and the rule,
// e.g. "R1/NP + R2/NP = 5 + 1 = 6，但 R3.7/NP + R4/NP = 4 + 1 = 5（第一项加第二项之和应等于第三项加
// 第四项之和）". `previous` = last year's cells in the same format, for "prev_eq" rules (skipped
// when absent). Heading cells are skipped unless they carry a value (then a warning).
std::vector<Finding> ValidateCells(const Format& fmt,
                                   const std::map<std::string, CellValue>& cells,
                                   const std::map<std::string, CellValue>* previous = nullptr);

}  // namespace gongkai
