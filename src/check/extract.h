// Extraction: Document → ExtractedReport, driven by the format definitions (data/formats/).
#pragma once

#include <string>
#include <vector>

#include "check/document.h"
#include "check/extracted.h"
#include "report/format.h"

namespace gongkai::check {

struct ExtractOptions {
  std::string force_format;  // "" = detect; else "2008", "2019" or "2021"
};

// Detects format, variant, agency, year and period, and reads every table cell it can. Never
// fails on odd input: what cannot be read is left out (and listed in missing_rows / ambiguous).
// `formats` must hold the 2008, 2019 and 2021 formats.
ExtractedReport Extract(const Document& doc, const std::vector<const Format*>& formats,
                        const ExtractOptions& options = {});

}  // namespace gongkai::check
