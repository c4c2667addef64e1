// ExtractedReport: what the checker read out of a published report — its format, agency, year
// and every table cell under the cell ids of data/formats/ (or a variant's own ids).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"

namespace gongkai::check {

struct ExtractedCell {
  std::string id;          // national cell id ("R3.1/NP", "C1", "RV.T") or a variant id
  Decimal value;
  int line = 0;            // Document line it came from
  std::string raw;         // the text as printed ("1,234", "0.5", "—")
  bool on_heading = false; // a number printed on a heading row of the form
};

// A row whose digits ran together and split in more than one way that fits the column count
// and the identities: reported, never guessed.
struct AmbiguousRow {
  std::string row_id;
  int line = 0;
  std::string digits;                         // "640020470"
  std::vector<std::vector<std::string>> splits;  // each candidate split
};

struct ExtractedReport {
  std::string format_id;   // "2008", "2019", "2021" ("" if no table was recognised)
  std::string variant;     // "" for the national form; e.g. "2008-fujian" (本年度/历年累计)
  std::string agency;      // as named in the title / 填报单位 / signature (best source)
  int agency_line = 0;
  std::optional<int> year;  // the report year (from the title)
  int year_line = 0;
  std::optional<Date> period_from;  // 统计期限 …起至…止
  std::optional<Date> period_to;
  int period_line = 0;
  std::map<std::string, ExtractedCell> cells;
  // Variant cells mapped to national ids where they mean the same (variant id → national id).
  std::map<std::string, std::string> variant_to_national;
  std::vector<AmbiguousRow> ambiguous;
  // Row ids of the format that were expected but not found (truncated tables).
  std::vector<std::string> missing_rows;
  int table_first_line = 0;  // lines of the statistics tables (narrative = everything else)
  int table_last_line = 0;
  // Row labels as printed, for label checks (row id → label text, line).
  std::map<std::string, std::pair<std::string, int>> row_labels;
};

}  // namespace gongkai::check
