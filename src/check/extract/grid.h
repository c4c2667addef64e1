// Tables the source itself delimits (HTML <table>s, Document::grids): each grid row is matched
// to a format row by its label cell, and each grid column to a format column by its headers
// (group headers included: 行政复议 / 行政诉讼·未经复议直接起诉 / …·复议后起诉 over 结果维持 …).
#pragma once

#include "check/document.h"
#include "check/extracted.h"
#include "report/format.h"

namespace gongkai::check::extract {

// Reads the rows of `format` (and, where absent, rows only `sibling` has in the same table)
// from `doc.grids`. For every row read here, the cells, label, and any ambiguous / unread /
// missing entry the text reading left for it are replaced. Where the headers do not name every
// column unambiguously, value cells are taken in order if their count is the column count.
// Returns the number of rows read.
int ExtractGridTables(const Document& doc, const Format& format, const Format* sibling,
                      ExtractedReport* out);

}  // namespace gongkai::check::extract
