// Reading a national format's tables out of text: one cell per line ending in " |", cells
// separated by spaces or tabs (web text, pdftotext -layout), cells run together with no separator
// (possibly the whole table on one line), tables continued across page breaks.
#pragma once

#include "check/extract/text.h"
#include "check/extracted.h"
#include "report/format.h"

namespace gongkai::check::extract {

// Reads every table of `format` from `st` into `out`: cells (with line and raw text),
// ambiguous, unread_rows, missing_rows, row_labels, row_units, foreign_rows, table_first_line
// and table_last_line. `sibling` (may be null) is the other format of the same era (2019 ↔ 2021):
// where rows of `format` are absent, the rows only `sibling` has in the same table are looked
// for (and recorded in foreign_rows). Returns the number of rows whose label was found.
//
// Rows are looked for in the format's order, each after the previous one; a row's values are
// the first run of numbers after its label (a unit word or stray text of a broken-up layout may
// come first). Digits that ran together are split by the column count, the row's identities and
// then the table's identities across rows (see solve.h); a row that still splits in more than
// one way is listed in `ambiguous` and left out.
int ExtractTextTables(const Stream& st, const Format& format, const Format* sibling,
                      ExtractedReport* out);

// True for the unit words of 2008-era tables (条 件 次 篇 个 人 人次 万元 元 项 …).
bool IsUnitWord(std::u32string_view text);

}  // namespace gongkai::check::extract
