// Checks the parts of a dataset that name things defined by the report formats: the cells of
// manual figures and the sections of narratives. Kept apart from ParseDataset, which knows no
// format files.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/records.h"
#include "core/status.h"
#include "report/format.h"

namespace gongkai {

using FormatLookup = std::function<Result<const Format*>(const std::string& format_id)>;

// Every manual figure must name a non-heading cell of its format, and every narrative section a
// section of its format. Errors (kInvalidInput) name the source and the JSON path, e.g.
//   demo.json: $.manual_figures[3].cell: 《…》（2021）没有单元格 "T2.5.9"
// Errors of `lookup` (a format file that cannot be read) are returned as they are.
Status CheckAgainstFormats(const Dataset& dataset, std::string_view source_name,
                           const FormatLookup& lookup);

}  // namespace gongkai
