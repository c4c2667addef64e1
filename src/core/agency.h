// Agency (行政机关): a tenant of the deployment. Every record carries its agency_id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gongkai {

struct Agency {
  int64_t id = 0;
  std::string slug;       // URL and CLI key, e.g. "changyi-commerce"; [a-z0-9-]+
  std::string name;       // full name, e.g. "吉林市昌邑区商务局"
  std::string short_name; // as the agency signs its reports, e.g. "昌邑区商务局"
  // 组织机构代码 (9 chars) or 统一社会信用代码 (18 chars), the prefix of every 索引号.
  std::string org_code;
  std::optional<int64_t> parent_id;  // supervising agency / government, for roll-ups
  std::string parent_slug;           // as given in a dataset; resolved to parent_id on load
  std::string region;                // e.g. "吉林省吉林市昌邑区"

  friend bool operator==(const Agency&, const Agency&) = default;
};

}  // namespace gongkai
