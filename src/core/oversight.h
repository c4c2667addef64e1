// Reviews (行政复议), lawsuits (行政诉讼) and complaints (举报投诉) about disclosure work.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace gongkai {

// 结果: how a review or lawsuit ended. A case without a decision date is 尚未审结.
enum class CaseResult { kUpheld, kCorrected, kOther, kPending };  // 维持 / 纠正 / 其他 / 未审结

struct Review {  // 行政复议
  int64_t id = 0;
  int64_t agency_id = 0;
  std::string number;  // 复议案号, unique per agency
  std::optional<int64_t> application_id;
  std::string application_number;  // as given in a dataset; resolved on load
  Date filed_on;
  std::optional<Date> decided_on;
  CaseResult result = CaseResult::kPending;  // REQUIRES: kPending iff !decided_on

  // Result as known at the end of `day` (pending if decided later).
  CaseResult ResultOn(Date day) const {
    return decided_on && *decided_on <= day ? result : CaseResult::kPending;
  }

  friend bool operator==(const Review&, const Review&) = default;
};

struct Lawsuit {  // 行政诉讼
  int64_t id = 0;
  int64_t agency_id = 0;
  std::string number;  // 案号
  std::optional<int64_t> application_id;
  std::string application_number;
  bool after_review = false;          // 复议后起诉 vs 未经复议直接起诉
  std::optional<int64_t> review_id;
  std::string review_number;
  Date filed_on;
  std::optional<Date> decided_on;
  CaseResult result = CaseResult::kPending;

  CaseResult ResultOn(Date day) const {
    return decided_on && *decided_on <= day ? result : CaseResult::kPending;
  }

  friend bool operator==(const Lawsuit&, const Lawsuit&) = default;
};

struct Complaint {  // 举报投诉
  int64_t id = 0;
  int64_t agency_id = 0;
  Date received_on;
  std::string subject;

  friend bool operator==(const Complaint&, const Complaint&) = default;
};

std::string_view ToCode(CaseResult r);     // "upheld", "corrected", "other", "pending"
std::string_view ToChinese(CaseResult r);  // "维持", "纠正", "其他", "尚未审结"
std::optional<CaseResult> CaseResultFromCode(std::string_view code);

}  // namespace gongkai
