// The agency's capacity for disclosure work: meetings, training, staff, offices, budget, fees
// (2008-era rows G, H, I; 2021 section 六 for fees).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"

namespace gongkai {

struct Meeting {  // 政府信息公开工作会议或专题会议
  int64_t id = 0;
  int64_t agency_id = 0;
  Date on;
  std::string title;

  friend bool operator==(const Meeting&, const Meeting&) = default;
};

struct Training {  // 培训班
  int64_t id = 0;
  int64_t agency_id = 0;
  Date on;
  std::string title;
  int trainees = 0;  // 接受培训人员 (人次)

  friend bool operator==(const Training&, const Training&) = default;
};

// Staffing and means of one agency for one year (as at 31 December).
struct Staffing {
  int64_t agency_id = 0;
  int year = 0;
  int full_time = 0;         // 专职人员 (不包括政府公报及政府网站工作人员)
  int part_time = 0;         // 兼职人员
  int dedicated_offices = 0; // 政府信息公开工作专门机构数
  int reading_points = 0;    // 政府信息公开查阅点数
  int64_t budget_fen = 0;    // 专项经费, in 分

  friend bool operator==(const Staffing&, const Staffing&) = default;
};

struct FeeCollected {  // 依申请公开收取的费用
  int64_t id = 0;
  int64_t agency_id = 0;
  Date on;
  int64_t amount_fen = 0;
  std::optional<int64_t> application_id;
  std::string application_number;

  friend bool operator==(const FeeCollected&, const FeeCollected&) = default;
};

}  // namespace gongkai
