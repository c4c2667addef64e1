// What every renderer of a report prints, in order: the title, the sections (heading, paragraphs,
// then their tables), the signature (agency and date) after the last section with text — so
// trailing sections that only hold tables (the 2008 "附件：政府信息公开情况统计表") come after
// it, as attachments do — then any table no section names. Helpers shared by the renderers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/format.h"
#include "report/report.h"

namespace gongkai::render_internal {

// Paragraphs of a section text: separated by blank lines (lines holding only whitespace count as
// blank); single newlines inside a paragraph are kept; leading/trailing blank space is dropped.
std::vector<std::string> SplitParagraphs(std::string_view text);

// "2019-01-03" → "2019年1月3日"; any other text is returned unchanged.
std::string ChineseDate(std::string_view iso_date);

// The tables of a section in print order (unknown ids skipped).
std::vector<const Table*> SectionTables(const Report& report, const RenderedSection& section);

// Tables of the format that no section prints, in format order (printed after the signature).
std::vector<const Table*> AttachedTables(const Report& report);

// The title to print above a table, "" when it repeats the heading of the section it is in.
std::string TableTitle(const Table& table, std::string_view section_heading);

// The signer of the report: the agency's short name, else its full name.
std::string Signer(const Report& report);

// Index into report.sections before which the signature is printed (sections.size() = at the
// end): the trailing sections with no text but with tables are attachments and follow it.
size_t SignaturePosition(const Report& report);

// Display width of UTF-8 text in "narrow character" units: ASCII counts 1, anything else 2
// (CJK glyphs are full width). Used to size spreadsheet columns.
int DisplayWidth(std::string_view text);

}  // namespace gongkai::render_internal
