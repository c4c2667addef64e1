// The use case "produce the annual report": compute → validate → narrative, as one snapshot.
#pragma once

#include <map>
#include <string>

#include "core/calendar/work_calendar.h"
#include "core/records.h"
#include "report/format.h"
#include "report/report.h"

namespace gongkai {

struct BuildOptions {
  std::string generated_on;  // injected "today" (YYYY-MM-DD)
  // Last year's records in the same format, if available, for cross-year checks.
  const YearRecords* previous = nullptr;
};

Result<Report> BuildReport(const Format& fmt, const YearRecords& records, const WorkCalendar& cal,
                           const BuildOptions& options);

}  // namespace gongkai
