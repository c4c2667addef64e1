// Format: one national annual-report table format (2008-era, 2019, 2021) as data
// (data/formats/<id>.json; schema in docs/formats.md). The same definition drives computation,
// validation, rendering and (later) the checker's extraction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/outcome.h"
#include "core/status.h"

namespace gongkai {

// How a row or column selects records: a measure plus filters, interpreted by report/compute.
// Example (JSON): {"measure": "applications.received", "channel": ["fax"]}.
struct CellRule {
  std::string measure;                                  // "" = no rule (heading, or manual only)
  std::map<std::string, std::vector<std::string>> filters;  // key → allowed codes
  bool by_outcome_row = false;  // count closed applications whose outcome maps to this row
};

struct Column {
  std::string id;                  // "NP", "TOT", "RV.M", "VAL" (single value column)
  std::string label;               // "自然人"
  std::vector<std::string> groups; // header groups above it, outermost first
  std::string unit;                // for columns that carry the unit (table 二), else ""
  CellRule rule;                   // filters combined with the row's rule (e.g. applicant type)
  bool is_total = false;           // TOT-like column (sum of the others)
  bool is_signed = false;          // values may be negative (2019 本年增/减); "nonneg" skips it
};

struct Row {
  std::string id;                  // "A1a", "R3.3.4", "T2.1.2"
  std::vector<std::string> labels; // label per hierarchy level; 2008: one label (with its indent)
  int level = 0;                   // 0 = top; for indentation
  std::string unit;                // "条", "件", "万元", "" where columns carry units
  bool heading = false;            // heading row: no value, prints "—"
  std::optional<std::string> parent;
  CellRule rule;
  // Short name used in findings, e.g. "本年新收" for R1 ("" = derived from the last label).
  std::string short_label;
};

enum class Severity { kError, kWarning, kInfo };

// An identity of the form, e.g. R1 + R2 = R3.7 + R4 in every column. Terms are cell ids or
// patterns with "{c}" (each column of the table) or "{r}" (each non-heading row). A term may be
// prefixed with "-" (subtracted) and/or "prev:" (last year's value of the cell; an identity with
// such a term is skipped when last year's cells are absent), e.g. "prev:{r}/EFF", "-{r}/REP".
struct Identity {
  std::string id;          // stable rule id, e.g. "2021.T3.balance"
  Severity severity = Severity::kError;
  // "eq": Σlhs = Σrhs; "le": Σlhs ≤ Σrhs; "max_le": max(lhs) ≤ Σrhs;
  // "prev_eq": lhs(Y) = rhs(Y−1) (cross-year, needs last year's report);
  // "nonneg": every cell ≥ 0 (except signed columns); "integer": every cell of a count unit
  // (条 件 次 篇 个 人 人次 项) is whole. Both run over `table` if set, else every table.
  std::string kind;
  std::vector<std::string> lhs;
  std::vector<std::string> rhs;
  std::string over;        // "", "columns" or "rows": expand {c}/{r}
  std::string table;       // table the expansion runs over
  std::string text;        // Chinese statement of the rule, e.g. "第一项加第二项之和等于第三项加第四项之和"
};

struct Table {
  std::string id;           // "T", "T2.1", "T3", "T4"
  std::string title;        // e.g. "三、收到和处理政府信息公开申请情况"
  std::string caption;      // block caption e.g. "第二十条第（一）项"; "" if none
  std::string corner;       // text of the top-left header cell(s)
  std::string cell_ids;     // "row" (single value column), "row/col" (matrix) or "col" (one row)
  int label_columns = 1;    // label columns at the left (2021 table 三: 3)
  std::vector<std::string> label_headers;  // e.g. {"统计指标", "单位"} is rendered via unit_column
  bool unit_column = false; // 2008: a 单位 column between label and value
  std::vector<Column> columns;
  std::vector<Row> rows;
};

struct Section {
  std::string id;       // "S1"
  std::string heading;  // "一、总体情况"
  std::vector<std::string> tables;  // tables printed in this section, in order
  std::string default_body;  // template used when the agency wrote nothing (with placeholders)
};

struct Format {
  std::string id;         // "2008", "2019", "2021"
  std::string name;       // 《…年度报告格式》 or 《政府信息公开情况统计表》
  std::string basis;      // 国办发〔2014〕32号 …
  int first_year = 0;     // default for report years in [first_year, last_year]
  int last_year = 0;
  std::string title_template;  // "{{agency}}{{year}}年政府信息公开工作年度报告"
  std::vector<Section> sections;
  std::vector<Table> tables;
  std::vector<Identity> identities;
  // Outcome code → row id (e.g. "partially_disclosed" → "R3.2"; 2008 refusals → "C3.4"
  // plus a ground row). An outcome missing here cannot be counted by this format.
  std::map<std::string, std::vector<std::string>> outcome_rows;

  // Lookups; nullptr if absent.
  const Table* FindTable(std::string_view id) const;
  const Row* FindRow(std::string_view row_id, const Table** table = nullptr) const;
  // Every cell id of the format in print order ("A1", "R3.1/NP", "RV.M", …), headings included.
  std::vector<std::string> CellIds() const;
  // The unit of a cell ("件", "万元", …).
  std::string UnitOf(std::string_view cell_id) const;
  bool IsHeading(std::string_view cell_id) const;
  // The table, row and column of a cell (any pointer may be null if not wanted); false if the
  // format has no such cell. *column is null for a hand-built "row" table without columns.
  bool Locate(std::string_view cell_id, const Table** table, const Row** row,
              const Column** column) const;
  // "本年新收(R1/NP)": the row's short label (else the column label) and the cell id.
  std::string CellName(std::string_view cell_id) const;
  // The row ids an outcome is counted in, or kUnsupported "《…》格式无法统计办理结果“…”".
  Result<std::vector<std::string>> RowsForOutcome(Outcome o) const;
};

// Parses a format file. Errors name the file and the JSON path, e.g.
// "2021.json: $.tables[2].rows[5]: missing \"id\"".
Result<Format> ParseFormat(std::string_view json_text, std::string_view source_name);

// The format id a report year uses by default: ≤2018 → "2008", 2019–2020 → "2019", ≥2021 → "2021".
std::string DefaultFormatForYear(int year);

std::string_view ToCode(Severity s);     // "error", "warning", "info"
std::string_view ToChinese(Severity s);  // "错误", "警告", "提示"

}  // namespace gongkai
