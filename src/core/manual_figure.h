// ManualFigure: a report cell the platform cannot know from its own records (e.g. 行政处罚
// decisions kept in another system), entered by a person with its source. It overrides the
// cell's computed rule in that agency-year-format and is shown as such in the report.
#pragma once

#include <cstdint>
#include <string>

#include "core/decimal.h"

namespace gongkai {

struct ManualFigure {
  int64_t id = 0;
  int64_t agency_id = 0;
  int year = 0;
  std::string format_id;   // "2008", "2019" or "2021"
  std::string cell_id;     // e.g. "A2.2", "T2.6.1/DEC"
  Decimal value;
  std::string entered_by;
  std::string entered_at;  // ISO 8601 timestamp
  std::string source;      // where the number comes from, in words

  friend bool operator==(const ManualFigure&, const ManualFigure&) = default;
};

}  // namespace gongkai
