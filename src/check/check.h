// The report checker: Document + ExtractedReport → findings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check/document.h"
#include "check/extracted.h"
#include "check/finding.h"
#include "core/status.h"
#include "report/format.h"

namespace gongkai::check {

// A word commonly miswritten in official writing (data/check/miswritten.tsv).
struct MiswrittenWord {
  std::string wrong;      // "建全"
  std::string right;      // "健全"
  // "" = always; "before_date" = only when a date or a time word follows (截止2018年 → 截至);
  // "not_before:CHARS" / "not_after:CHARS" = not when one of CHARS follows / precedes
  // (several conditions separated by ';').
  std::string condition;
  std::string note;       // why, for the message
};

// Parses the TSV (wrong, right, condition, note; '#' comments and blank lines skipped).
// Errors: kInvalidInput naming the file and line ("miswritten.tsv 第3行：…").
Result<std::vector<MiswrittenWord>> ParseMiswrittenList(std::string_view tsv,
                                                        std::string_view source_name);

struct CheckInput {
  const Document* doc = nullptr;
  const ExtractedReport* report = nullptr;
  const Format* format = nullptr;           // the format of `report` (nullptr if none detected)
  // Optional: last year's report of the same agency, for carry-over and same-text checks.
  const Document* previous_doc = nullptr;
  const ExtractedReport* previous = nullptr;
  // Optional: every known format (2008, 2019, 2021), for the template check and for telling
  // table labels from narrative; without them those checks use `format` only.
  std::vector<const Format*> formats;
  // Optional: the miswritten-word list; the wording check is skipped without it.
  const std::vector<MiswrittenWord>* miswritten = nullptr;
};

// Runs every check (docs/checker.md lists them) and returns findings sorted by line.
// REQUIRES: input.doc and input.report are not null.
std::vector<CheckFinding> RunChecks(const CheckInput& input);

}  // namespace gongkai::check
