// Renders the narrative sections with their placeholders bound to cells, and finds numbers the
// text states without a placeholder backing them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/narrative.h"
#include "report/format.h"
#include "report/report.h"

namespace gongkai {

// Placeholders: {{CELL_ID}} (value of the cell, "—" for a heading), {{year}}, {{agency}}
// (short name), {{agency_full}}, {{next_year}}, {{prev_year}}. Sections the agency did not
// write use the format's default_body. An unknown placeholder is an kInvalidInput error naming
// the section and the placeholder.
// Findings (warnings, rule "narrative.unbound_number"): a number followed by a counting unit
// (件 条 次 人 篇 个 元 万元 人次) in the written text, not produced by a placeholder.
struct NarrativeResult {
  std::vector<RenderedSection> sections;
  std::vector<Finding> findings;
};
Result<NarrativeResult> RenderNarrative(const Format& fmt, const Report& report,
                                        const std::vector<NarrativeSection>& written);

}  // namespace gongkai
