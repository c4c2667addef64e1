// What a report is: its table format (by distinctive labels), report year, agency and
// statistics period.
#pragma once

#include <optional>
#include <string>

#include "check/extract/text.h"
#include "check/extracted.h"

namespace gongkai::check::extract {

// Distinctive labels found per format.
struct FormatEvidence {
  int era_2008 = 0;  // 统计指标, 主动公开政府信息数, 指标名称, 历年累计 …
  int era_new = 0;  // 本年新收政府信息公开申请数量, 结转下年度继续办理, 未经复议直接起诉 …
  int only_2019 = 0;  // 本年新制作数量, 上一年项目数量, 政府集中采购 …
  int only_2021 = 0;  // 本年制发件数, 现行有效件数, the three （六）其他处理 sub-rows …
};

FormatEvidence GatherEvidence(const Stream& st);

// "2008", "2019", "2021" or "" (no table recognised). Between 2019 and 2021 the labels only one
// of them has decide; on a tie, the report year (2021 from 2021 on).
std::string DecideFormat(const FormatEvidence& e, std::optional<int> year);

// Sets year/year_line (the title "…2021年政府信息公开工作年度报告", else the table's
// "（2018年度）", else the statistics period), agency/agency_line/agency_mentions, and
// period_from/period_to/ period_line ("统计期限自2021年1月1日起至2021年12月31日止" and variants).
void DetectReportFacts(const Stream& st, ExtractedReport* out);

}  // namespace gongkai::check::extract
