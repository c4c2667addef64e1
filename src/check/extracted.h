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
  // Candidate splits (at most 20 listed), one text per column ("—" for a blank). Empty when too
  // many splits fit the column count to enumerate them (a long run of digits).
  std::vector<std::vector<std::string>> splits;
};

// A row whose label was found but whose values could not be read: more or fewer numbers than
// columns (without a way to split them), or no number at all. Its cells are left out.
struct UnreadRow {
  std::string row_id;
  int line = 0;
  std::string text;    // what was printed after the label (tokens joined by " ")
  std::string reason;  // Chinese, e.g. "数字个数（3）与列数（7）不符"
};

// Where the report names its agency.
struct AgencyMention {
  std::string source;  // "title" (the report title), "filler" (填报单位), "signature" (the name
                       // above the date at the end), "table_title" (附件…统计表 title)
  std::string name;
  int line = 0;
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
  // Row labels as printed, for label checks (row id → label text, line). The text leaves out
  // whitespace, and numbers or stray text that a PDF put inside a wrapped label; misprints
  // (substituted characters, missing words) remain. Variant rows are keyed by their own id.
  std::map<std::string, std::pair<std::string, int>> row_labels;

  // --- Added by extraction (issue 4) ---
  // Every place the agency is named (`agency` is the best of them: title, signature, filler,
  // table title in that order).
  std::vector<AgencyMention> agency_mentions;
  // Rows printed from another format's table than `format_id` (row id → that format's id),
  // e.g. a 2021 report whose table 三 has the single 2019 row "（六）其他处理": {"R3.6": "2019"}.
  // Their cells are in `cells` under that format's ids ("R3.6/NP"); the rows of `format_id` they
  // stand in for (R3.6.1–3) are not listed in missing_rows.
  std::map<std::string, std::string> foreign_rows;
  // Rows found but not readable (their cells are left out).
  std::vector<UnreadRow> unread_rows;
  // The unit printed beside a row in tables with a unit column (2008 era): row id → (unit as
  // printed, line), e.g. {"G": {"元", 120}} where the form says 万元.
  std::map<std::string, std::pair<std::string, int>> row_units;
  // Column headers of a variant table as printed, in order (e.g. {"2011年度", "历年累计"}).
  std::vector<std::string> variant_columns;
  // A text too long to read whole (beyond extract::kMaxStreamCodePoints): the line where the
  // search for tables and report facts stopped (0: everything was read), and how many
  // characters it had read.
  int unread_from_line = 0;
  size_t read_code_points = 0;
};

}  // namespace gongkai::check
