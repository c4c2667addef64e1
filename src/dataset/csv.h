// A CSV reader after RFC 4180, as Excel and WPS write it: comma-separated, fields optionally in
// double quotes, "" for a quote inside a quoted field, quoted fields may contain commas and line
// breaks; records end with CRLF or LF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gongkai {

struct CsvRecord {
  int line = 0;  // 1-based physical line on which the record starts
  std::vector<std::string> fields;
};

// Splits UTF-8 `text` into records. Records whose fields are all empty (blank lines, rows of
// bare commas Excel leaves behind) are dropped. A quote inside an unquoted field is kept as a
// character. Errors (kInvalidInput, message starting with "<source>:<line>: "): a quoted field
// that is never closed, or text after a closing quote other than a separator.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view source_name);

}  // namespace gongkai
