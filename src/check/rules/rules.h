// The individual checks behind RunChecks (check/check.h), each appending its findings. They
// share one RuleContext built once per report. docs/checker.md describes every rule.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check/check.h"
#include "check/rules/text.h"

namespace gongkai::check::rules {

// The signature of the narrative: the agency name and date printed at its end, e.g. line 28
// "昌邑区商务局" and line 29 "2019年1月3日" — a line holding only a date (or a date after the
// last sentence of a web page line), and the short name line before it.
struct Signature {
  std::string name;  // "" if none
  int name_line = 0;
  TextDate date;
  int date_line = 0;
};
struct RuleContext {
  const CheckInput* input = nullptr;
  const Document* doc = nullptr;
  const ExtractedReport* report = nullptr;
  const Format* format = nullptr;
  // The narrative: the document without the statistics tables (their lines left out, their
  // labels masked), as one normalized text.
  ReportText narrative;
  // The whole document, tables included, nothing masked (for markers of the table layout).
  ReportText full;
  // The cells under national ids (variant cells mapped through variant_to_national; a variant
  // cell without a national meaning is left out).
  std::map<std::string, ExtractedCell> cells;
  // The report year: as extracted, else inferred from the table header, the statistics
  // period and the narrative (see InferYear); with the line it was read from.
  std::optional<int> year;
  int year_line = 0;
  // The agency is a government (人民政府, 管委会, 行政公署 …): its figures may cover the
  // units under it.
  bool government = false;
  // The signature at the end of the narrative (FindSignature), found once.
  std::optional<Signature> signature;
};

// The narrative of a document: its text without the statistics tables (lines inside the
// extracted table range left out, labels of `formats` masked).
ReportText NarrativeOf(const Document& doc, const ExtractedReport& report,
                       const std::vector<const Format*>& formats);
// The cells of `report` under national ids (variant cells mapped, others left out).
std::map<std::string, ExtractedCell> NationalCells(const ExtractedReport& report,
                                                   const Format* format);

// Builds the context: narrative text, national cells, year.
RuleContext BuildContext(const CheckInput& input);

// A place where the report names the year it reports on.
struct YearEvidence {
  int year = 0;
  int line = 0;
  std::string what;  // "统计表表头", "统计期限", the phrase as printed
  int weight = 1;
};
// The report year when the extraction found no title year: the year most of the evidence
// names (table header and statistics period count double, the signature date counts as the
// year before it). nullopt when there is no evidence. Uses ctx.narrative and ctx.doc.
std::optional<YearEvidence> InferYear(const RuleContext& ctx);

// Table: identities of the format (ValidateCells), heading rows carrying numbers, impossible
// values. Kinds "identity", "heading_value", "impossible_value".
void CheckTable(const RuleContext& ctx, std::vector<CheckFinding>& out);
// Numbers stated in the narrative against the cells they describe. Kind "text_vs_table".
void CheckTextVsTable(const RuleContext& ctx, std::vector<CheckFinding>& out);
// Lists of parts in the narrative (… N条，其中 A n1条、B n2条 … 其他 nk条) against their total.
// Kind "narrative_sum".
void CheckNarrativeSums(const RuleContext& ctx, std::vector<CheckFinding>& out);
// Report year vs table year, statistics period, "this year" in the narrative, signature date.
// Kind "year".
void CheckYear(const RuleContext& ctx, std::vector<CheckFinding>& out);
// Misnamed titles of the Regulation. Kind "title".
void CheckRegulationTitles(const RuleContext& ctx, std::vector<CheckFinding>& out);
// Agency names of the title, 填报单位 and signature. Kind "agency_name".
void CheckAgencyNames(const RuleContext& ctx, std::vector<CheckFinding>& out);
// Tables in a format that does not fit the report year. Kind "template".
void CheckTemplate(const RuleContext& ctx, std::vector<CheckFinding>& out);
// Carry-over against last year's report, and text copied from it. Kinds "carry_over",
// "same_text".
void CheckPrevious(const RuleContext& ctx, std::vector<CheckFinding>& out);
// Common miswritten words. Kind "wording".
void CheckWording(const RuleContext& ctx, std::vector<CheckFinding>& out);
// Misprinted row labels. Kind "row_label".
void CheckRowLabels(const RuleContext& ctx, std::vector<CheckFinding>& out);
// Ambiguous and missing rows of the extraction. Kinds "ambiguous", "missing_rows".
void CheckExtraction(const RuleContext& ctx, std::vector<CheckFinding>& out);

std::optional<Signature> FindSignature(const RuleContext& ctx);

// Helpers shared by the rules.
std::u32string U(std::string_view utf8);  // DecodeUtf8
// "“…”" around a UTF-8 string.
std::string Quoted(const std::string& s);
// The Chinese ordinal line reference used in messages: "第12行".
std::string LineRef(int line);

}  // namespace gongkai::check::rules
