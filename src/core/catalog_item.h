// CatalogItem (目录条目): one piece of proactively disclosed information (主动公开, Reg2019
// Art. 19–26), with the metadata box real 政府信息公开 columns show (regulation.md §3.3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace gongkai {

// 公开渠道: the channels the 2008-era table counts (A2.1–A2.5).
enum class PublicationChannel {
  kGazette,     // 政府公报
  kWebsite,     // 政府网站
  kWeibo,       // 政务微博
  kWechat,      // 政务微信
  kOther,       // 其他方式
};

// 有效性 of a normative document (规范性文件).
enum class Validity { kValid, kExpired, kRepealed };  // 有效 / 失效 / 废止

struct ChannelPublication {
  PublicationChannel channel = PublicationChannel::kWebsite;
  Date published_on;

  friend bool operator==(const ChannelPublication&, const ChannelPublication&) = default;
};

// The normative-document facts of an item (规章 or 行政规范性文件).
struct NormativeDocument {
  bool is_rule = false;          // 规章 (only governments with rule-making power) vs 规范性文件
  std::string issuing_body;      // 制发机关
  Date issued_on;                // 制发/印发日期 (counts as 制发 in its year)
  std::optional<Date> effective_on;
  std::optional<Date> expired_on;   // 失效 (period ended)
  std::optional<Date> repealed_on;  // 废止 (repealed)

  // 有效性 as of `day`: repealed wins over expired.
  Validity ValidityOn(Date day) const {
    if (repealed_on && *repealed_on <= day) return Validity::kRepealed;
    if (expired_on && *expired_on <= day) return Validity::kExpired;
    return Validity::kValid;
  }

  friend bool operator==(const NormativeDocument&, const NormativeDocument&) = default;
};

struct CatalogItem {
  int64_t id = 0;
  int64_t agency_id = 0;
  std::string index_no;       // 索引号, e.g. "000014349/2018-00012"
  std::string title;          // 名称
  std::string doc_no;         // 文号, e.g. "昌商发〔2018〕3号"; may be empty
  std::string publisher;      // 发布机构
  Date created_on;            // 生成日期
  std::optional<Date> published_on;  // 公开日期; empty while a draft
  std::optional<Date> withdrawn_on;  // 撤回 (never deleted; index_no never reused)
  std::string topic;          // 主题分类, e.g. "综合政务\\其他"
  std::string genre;          // 体裁, e.g. "通知"
  std::string summary;        // 内容概述
  std::string body;
  std::optional<int> article20_item;  // Reg2019 Art. 20 item 1–15 if known
  std::optional<NormativeDocument> normative;
  std::vector<ChannelPublication> channels;

  friend bool operator==(const CatalogItem&, const CatalogItem&) = default;
};

std::string_view ToCode(PublicationChannel c);   // "gazette", "website", "weibo", "wechat", "other"
std::string_view ToChinese(PublicationChannel c);  // "政府公报" …
std::optional<PublicationChannel> PublicationChannelFromCode(std::string_view code);
std::string_view ToCode(Validity v);   // "valid", "expired", "repealed"
std::string_view ToChinese(Validity v);  // "有效", "失效", "废止"
std::optional<Validity> ValidityFromCode(std::string_view code);

}  // namespace gongkai
