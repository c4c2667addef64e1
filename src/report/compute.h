// Computes every cell of a format from an agency's records for one year (docs/report-rules.md
// lists each measure and filter). Manual figures override their cell.
#pragma once

#include <map>
#include <string>

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

}  // namespace gongkai
