// Document: a published annual report as read from a file (text, HTML or PDF), decoded to
// UTF-8 and split into numbered lines — the common input of extraction and checking.
#pragma once

#include <string>
#include <vector>

namespace gongkai::check {

enum class SourceKind { kText, kHtml, kPdf };

// One cell of a table that the source itself delimits (an HTML <td>/<th>), after rowspan and
// colspan are expanded: a spanned cell appears in every grid position it covers, with
// `origin_row`/`origin_col` pointing at its top-left position.
struct GridCell {
  std::string text;   // whitespace-collapsed UTF-8
  int line = 0;       // the Document line this cell's text appears on (1-based): the line of
                      // the row at origin_row
  int origin_row = 0;
  int origin_col = 0;
  bool is_header = false;  // <th>
};

struct Grid {
  int first_line = 0;  // Document line of the table's first row
  std::vector<std::vector<GridCell>> rows;  // rectangular after expansion
};

struct Document {
  std::string source_name;     // the path as given, for messages
  SourceKind kind = SourceKind::kText;
  std::string encoding;        // "UTF-8", "GB18030", … (what the bytes were)
  // The text, one entry per line, 1-based: lines[0] is line 1. For HTML: the visible text in
  // reading order, one block element or table row per line (table rows as cells separated by
  // " | "; a row line holds the cells that start in that row, so a cell spanning rows is printed
  // once, on its first row — the Grid has it in every row). For PDF: `pdftotext -layout`-like
  // lines; page headers/footers and page numbers removed and listed in `dropped_lines`; a form
  // feed never appears. A removed line is left empty, so line numbers stay those of the page
  // text (what `pdftotext -layout` prints).
  std::vector<std::string> lines;
  std::vector<Grid> grids;     // HTML tables (empty for text and PDF)
  // PDF, and text with form feeds: the line where each page begins (1-based, ascending). In a
  // PDF every page has one, an empty page an empty line; in text an empty page (two form feeds
  // in a row) has no line and no start.
  std::vector<int> page_starts;
  // PDF, and text with form feeds: the lines (1-based) emptied as page furniture.
  std::vector<int> dropped_lines;
};

}  // namespace gongkai::check
