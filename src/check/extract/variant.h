// 2008-era local tables whose rows are not the national form's, such as Fujian's
// 指标名称 | 计量单位 | 本年度 | 历年累计 ("主动公开信息数 条 425 1516"). Their rows are read as
// printed, under ids of their own, and mapped to national cells where they mean the same.
#pragma once

#include <string>

#include "check/extract/text.h"
#include "check/extracted.h"
#include "report/format.h"

namespace gongkai::check::extract {

// Reads the first local table of `st` (a header 指标名称/统计指标 + 计量单位/单位 + value columns,
// then rows "label unit value…"). Each row gets the id "V.<label>" (label without numbering and
// "其中："), each cell "V.<label>/<column>" where <column> is 本年度 for the report year's
// column ("2011年度", "本年", "统计数" …), 历年累计 for cumulative counts, or the header as
// printed. Digits that ran together ("条4251516", numbering glued on: "41815092.政府公报公开") are
// split with the column count and what the columns mean: 历年累计 ≥ 本年度, and a "其中" row ≤
// the row it belongs to. Sets format_id "2008", variant ("2008-fujian" for 本年度 + 历年累计,
// else "2008-local"), variant_columns, cells, row_labels, row_units, ambiguous, unread_rows,
// table lines, and variant_to_national for the 本年度 cells whose label means a national row of
// `national` (see docs/checker-extraction.md). Returns the number of rows read (0: no table).
int ExtractVariant(const Stream& st, const Format& national, ExtractedReport* out);

}  // namespace gongkai::check::extract
