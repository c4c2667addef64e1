// 回应解读: responses to public concerns and policy interpretation (2008-era rows B1–B2.5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace gongkai {

// A hot topic or major public-opinion event (热点/重大舆情); B1 counts distinct topics responded to.
struct HotTopic {
  int64_t id = 0;
  int64_t agency_id = 0;
  std::string key;    // dataset key, unique per agency
  std::string title;
  Date first_seen_on;

  friend bool operator==(const HotTopic&, const HotTopic&) = default;
};

enum class ResponseKind {
  kPressConference,   // 新闻发布会 (参加或举办)
  kOnlineInterview,   // 政府网站在线访谈
  kInterpretation,    // 政策解读稿件
  kSocialMedia,       // 微博微信回应
  kOther,             // 其他方式
};

struct Response {
  int64_t id = 0;
  int64_t agency_id = 0;
  ResponseKind kind = ResponseKind::kInterpretation;
  Date on;
  std::string title;
  bool principal_leader = false;     // 主要负责同志参加
  std::optional<int64_t> hot_topic_id;
  std::string hot_topic_key;         // as given in a dataset

  friend bool operator==(const Response&, const Response&) = default;
};

std::string_view ToCode(ResponseKind k);  // "press_conference", "online_interview",
                                          // "interpretation", "social_media", "other"
std::string_view ToChinese(ResponseKind k);
std::optional<ResponseKind> ResponseKindFromCode(std::string_view code);

}  // namespace gongkai
