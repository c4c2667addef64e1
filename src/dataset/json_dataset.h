// The JSON dataset format (docs/dataset-format.md): agencies and their records in one file,
// loaded all or nothing by `gongkai load FILE.json` and written by `gongkai demo generate`.
#pragma once

#include <string>
#include <string_view>

#include "core/records.h"
#include "core/status.h"

namespace gongkai {

// Parses a dataset. Strict: unknown keys, wrong JSON types, unknown codes, invalid dates or
// dates outside 1990–2100, negative amounts or counts, duplicate keys inside the dataset
// (agency slug; per agency: application number, catalog index_no, review / lawsuit number, hot
// topic key, staffing year, manual figure cell, narrative section) and application events that
// the state machine (ReplayEvents) refuses are all errors. Returns the first error as
// kInvalidInput with a one-line Chinese message naming the file and the JSON path, e.g.
//   demo.json: $.applications[12].events[2].outcome: 未知的办理结果 "disclosd"（可选：…）
// Malformed JSON: "demo.json:12:5: JSON 语法错误（第 345 字节）：…".
// References to other records (agency slugs, application / review numbers, hot topic keys) are
// resolved by the store on import, since they may name records already stored.
Result<Dataset> ParseDataset(std::string_view json, std::string_view source_name);

// Writes `dataset` in the documented format (two-space indent, keys in documented order, empty
// optional fields left out), so that ParseDataset(DatasetToJson(d)) == d for any dataset that
// ParseDataset accepts. Database ids (id, agency_id, parent_id, application_id, review_id,
// hot_topic_id) are not written. kInvalidInput if a text field is not valid UTF-8.
Result<std::string> DatasetToJson(const Dataset& dataset);

}  // namespace gongkai
