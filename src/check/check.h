// The report checker: Document + ExtractedReport → findings.
#pragma once

#include <vector>

#include "check/document.h"
#include "check/extracted.h"
#include "check/finding.h"
#include "report/format.h"

namespace gongkai::check {

struct CheckInput {
  const Document* doc = nullptr;
  const ExtractedReport* report = nullptr;
  const Format* format = nullptr;           // the format of `report` (nullptr if none detected)
  // Optional: last year's report of the same agency, for carry-over and same-text checks.
  const Document* previous_doc = nullptr;
  const ExtractedReport* previous = nullptr;
};

// Runs every check (docs/checker.md lists them) and returns findings sorted by line.
std::vector<CheckFinding> RunChecks(const CheckInput& input);

}  // namespace gongkai::check
