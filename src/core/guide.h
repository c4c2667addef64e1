// Guide (政府信息公开指南, Reg2019 Art. 12; 19号(2017)): how to obtain an agency's information —
// the office's name, address, hours, phone, fax and e-mail, and the application channels the
// agency accepts with their rules (an agency is bound by the channels it announces). Versioned:
// publishing a change adds a version; old versions stay readable.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/application.h"
#include "core/date.h"
#include "core/timestamp.h"

namespace gongkai {

struct GuideChannel {
  Channel channel = Channel::kInPerson;
  bool accepted = true;  // 当面 and 邮寄 may never be refused (19号(2017))
  std::string rules;  // 使用说明, e.g. "工作日 9:00–17:00 在政务服务中心三楼 12 号窗口提交"

  friend bool operator==(const GuideChannel&, const GuideChannel&) = default;
};

struct Guide {
  int64_t id = 0;
  int64_t agency_id = 0;
  int version = 0;  // 1, 2, … per agency (assigned on publish)
  Date published_on;
  std::string office_name;  // 政府信息公开工作机构名称
  std::string address;
  std::string postal_code;
  std::string hours;  // 办公时间
  std::string phone;
  std::string fax;
  std::string email;
  std::string website;
  std::string intro;          // 信息分类与编排体系, 主动公开的方式
  std::string fees;           // 收费说明 (信息处理费)
  std::string notice_prefix;  // 文书字号前缀, e.g. "东湖政办" (empty: the agency's short name)
  std::vector<GuideChannel> channels;
  std::string actor;
  Timestamp created_at;

  friend bool operator==(const Guide&, const Guide&) = default;
};

}  // namespace gongkai
