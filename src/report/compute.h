// Computes every cell of a format from an agency's records for one year (docs/report-rules.md
// lists each measure and filter). Manual figures override their cell.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/calendar/work_calendar.h"
#include "core/records.h"
#include "report/format.h"
#include "report/report.h"

namespace gongkai {

// Fills report.cells for `fmt` from `records`. Errors: kUnsupported when a closed application's
// outcome cannot be counted by `fmt` (naming the application number and outcome), kInvalidInput
// when a manual figure names a cell the format does not have, kOutOfCalendar from deadlines.
Result<std::map<std::string, CellValue>> ComputeCells(const Format& fmt, const YearRecords& records,
                                                      const WorkCalendar& cal);

// The cells plus what the computation itself noticed: "<fmt>.late_closing" (warning) lists the
// applications answered after their statutory due date, which the 2008-era table counts neither
// as 按时办结 nor as 延期办结 (docs/report-rules.md). Same errors as ComputeCells.
struct ComputedCells {
  std::map<std::string, CellValue> cells;
  std::vector<Finding> findings;
};
Result<ComputedCells> ComputeCellsWithFindings(const Format& fmt, const YearRecords& records,
                                               const WorkCalendar& cal);

// Checks that every row and column rule of `fmt` names a known measure with filters that measure
// accepts (the vocabulary of docs/report-rules.md). kInvalidInput naming the cell otherwise.
Status CheckCellRules(const Format& fmt);

}  // namespace gongkai
