// The application ledger (依申请公开登记台账) as agencies keep it in Excel or WPS and save as CSV:
// one row per application, a header row of Chinese column names in any order. Columns, accepted
// words and date forms are documented in docs/dataset-format.md ("CSV 登记台账").
#pragma once

#include <string_view>

#include "core/records.h"
#include "core/status.h"

namespace gongkai {

// Parses a ledger into applications of `agency_slug` (Dataset::applications only). The bytes may
// be UTF-8 (with or without BOM) or GB18030/GBK. Each row becomes an Application with events
// (补正, 征求意见, 延期, 收费, the answer) ordered by date, replayed through the state machine.
// Errors are kInvalidInput, the first one found, naming the file, the CSV line and the column:
//   ledger.csv:14: 列“收到日期”: 不是有效日期 "2019-13-01"
// Missing required columns, unknown columns, duplicate 登记编号, unknown words in 申请方式 /
// 申请人类型 / 办理结果, and event sequences the state machine refuses are errors.
Result<Dataset> ParseLedgerCsv(std::string_view bytes, std::string_view agency_slug,
                               std::string_view source_name);

}  // namespace gongkai
