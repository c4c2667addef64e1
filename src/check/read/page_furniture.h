// Internal to the readers: page numbers and running headers/footers of paged text (PDF pages,
// or text pages separated by form feeds, as `pdftotext` writes them).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::check {

// The page number a line consists of, in any of the forms printed on Chinese official documents:
// "— 3 —", "- 3 -", "－3－", "一 3 一" (dashes of any kind around the number), "第3页",
// "第 3 页 共 12 页", "共12页 第3页", "3/12", "Page 3", "Page 3 of 12", "3 of 12"; full-width
// digits allowed. A lone number ("3") is not matched here (see FindPageFurniture).
std::optional<int> ParsePageNumber(std::string_view line);

// Finds the page furniture of a paged text: returns the 0-based indices of the lines to drop,
// ascending. `page_starts`: 0-based index of the first line of each page, ascending, starting
// with 0. Only the first two and last two non-empty lines of a page are candidates:
//   - a page number (ParsePageNumber);
//   - a lone number whose difference to the page index is the same as for most page numbers of
//     the document, when at least two pages agree (or a "1" ending a one-page document);
//   - a running header or footer: the same text (runs of spaces aside) at the same position
//     from the top or bottom of at least three pages and of more than half of them. Its first
//     occurrence is kept (it is often the title, or the header row of a table that continues on the
//     next pages). Lines without a letter or a CJK character (e.g. a row of numbers) are never
//     taken for a header.
std::vector<int> FindPageFurniture(const std::vector<std::string>& lines,
                                   const std::vector<int>& page_starts);

}  // namespace gongkai::check
