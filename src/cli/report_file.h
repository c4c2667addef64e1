// A published annual report read from a file, extracted and checked: what `gongkai check` and
// `gongkai import` share (reading with the readers' limits, the three formats and the word list
// loaded once, the JSON form of cells and findings).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "check/check.h"
#include "check/document.h"
#include "check/extracted.h"
#include "cli/context.h"

namespace gongkai::cli {

struct ReportFile {
  std::string path;
  std::string bytes;  // the file as read (for its hash)
  check::Document doc;
  check::ExtractedReport report;
  const Format* format = nullptr;  // nullptr when no table was recognised
  std::vector<check::CheckFinding> findings;
};

class ReportChecker {
 public:
  explicit ReportChecker(Context& ctx) : ctx_(ctx) {}

  // Loads the formats and data/check/miswritten.tsv. Errors: a data file missing or invalid.
  Status Init();
  // Reads and extracts `path` (force_format "" = detect). Errors (message names the file): the
  // file is missing or unreadable, too large, empty, binary, a scanned PDF…, as the readers
  // report them.
  Result<ReportFile> Read(const std::string& path, const std::string& force_format);
  // Runs every check on `file`, with last year's report when given.
  void Check(ReportFile& file, const ReportFile* previous) const;

 private:
  Context& ctx_;
  std::vector<const Format*> formats_;
  std::vector<check::MiswrittenWord> words_;
};

// {"R1/TOT": {"value": 12, "line": 40, "raw": "12"}, …}
nlohmann::json CellsJson(const check::ExtractedReport& report);
// [{"kind": …, "severity": "error", "line": 3, "cells": […], "message": …, "rule": …}, …]
nlohmann::json FindingsJson(const std::vector<check::CheckFinding>& findings);
// Count of findings of one severity.
int CountOf(const std::vector<check::CheckFinding>& findings, Severity s);

}  // namespace gongkai::cli
