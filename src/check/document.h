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
  int line = 0;       // the Document line this cell's text appears on (1-based)
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
  // " | "). For PDF: `pdftotext -layout`-like lines; page headers/footers and page numbers
  // removed and listed in `dropped_lines`; a form feed never appears.
  std::vector<std::string> lines;
  std::vector<Grid> grids;     // HTML tables (empty for text and PDF)
  std::vector<int> page_starts;  // PDF: the line where each page begins
  std::vector<int> dropped_lines;  // PDF: line numbers (in the original page text) removed
};

}  // namespace gongkai::check
