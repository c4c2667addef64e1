// One published report checked from its bytes: read (ReadDocument), extracted (Extract) and
// checked (RunChecks) — what `gongkai check` does for each file, shared with the console's
// report check page, so both give the same findings for the same file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check/check.h"
#include "check/document.h"
#include "check/extracted.h"
#include "check/finding.h"
#include "core/status.h"
#include "report/format.h"

namespace gongkai::check {

struct CheckedReport {
  Document doc;
  ExtractedReport report;
  const Format* format = nullptr;      // the detected (or forced) format; nullptr if none
  std::vector<CheckFinding> findings;  // empty until CheckReport
};

// Reads `bytes` (named `source_name` in messages) and extracts its tables with `formats` (the
// 2008, 2019 and 2021 formats; force_format "" = detect). Errors: ReadDocument's (kInvalidInput
// "<source_name>：文件为空", "…不是文本、HTML 或 PDF 文件", a scanned PDF, too large, time limit).
Result<CheckedReport> ReadReport(std::string_view bytes, std::string_view source_name,
                                 const std::vector<const Format*>& formats,
                                 const std::string& force_format = "");

// Sets file.findings: every check (RunChecks) with `formats`, the miswritten-word list (may be
// nullptr: the wording check is then skipped) and last year's report of the same agency when
// `previous` is not nullptr.
void CheckReport(CheckedReport& file, const CheckedReport* previous,
                 const std::vector<const Format*>& formats,
                 const std::vector<MiswrittenWord>* miswritten);

}  // namespace gongkai::check
