// Annual reports as stored: ExternalReport (外部年报) — the figures read out of a report an agency
// published outside gongkai, imported by `gongkai import` so roll-ups include it — and
// PublishedReport — a report gongkai itself published, kept as a snapshot. An import never
// overwrites a published report of the same agency and year.
#pragma once

#include <cstdint>
#include <string>

namespace gongkai {

struct ExternalReport {
  int64_t id = 0;
  int64_t agency_id = 0;
  int year = 0;
  std::string format_id;      // "2008", "2019", "2021" (as detected in the file)
  std::string source_name;    // the file name as given to the import
  std::string source_sha256;  // SHA-256 of the file's bytes, 64 lower-case hex digits
  // {"R1/TOT": {"value": "12", "line": 40, "raw": "12"}, …} — the cells read, by cell id.
  std::string cells_json;
  // [{"kind": "identity", "severity": "error", "line": 40, "cells": [...], "message": "…",
  //   "rule": "…"}, …] — the checker's findings at import.
  std::string findings_json;
  std::string imported_by;
  std::string imported_at;  // ISO 8601; empty = set by the store

  friend bool operator==(const ExternalReport&, const ExternalReport&) = default;
};

struct PublishedReport {
  int64_t id = 0;
  int64_t agency_id = 0;
  int year = 0;
  std::string format_id;
  std::string published_at;   // ISO 8601; empty = set by the store
  std::string snapshot_json;  // the report as published: cells, narrative, findings

  friend bool operator==(const PublishedReport&, const PublishedReport&) = default;
};

}  // namespace gongkai
