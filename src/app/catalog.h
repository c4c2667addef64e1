// Catalog publishing (目录发布) by editors: drafts, edits, publishing with a 索引号 and the
// Art. 26 timeliness warning, withdrawal, attachments; and attachment downloads for the portal.
// Every change writes a search_outbox row in its transaction (the store does).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/portal.h"
#include "app/services.h"
#include "core/catalog_item.h"

namespace gongkai::app {

// The fields an editor fills.
struct ItemInput {
  std::string title;      // required, ≤ 300 characters
  std::string doc_no;     // 文号, optional
  std::string publisher;  // 发布机构; empty = the agency's name
  Date created_on;        // 生成日期, not after today
  std::string topic;      // 主题分类, required
  std::string genre;      // 体裁, optional
  std::string summary;    // 内容概述, ≤ 1000 characters
  std::string body;
  std::optional<int> article20_item;  // 1–15
  std::optional<NormativeDocument> normative;
};

// Editors (and admins) of the agency. kForbidden otherwise; kInvalidInput naming the field.
Result<int64_t> CreateItem(const Services& s, const Actor& actor, int64_t agency_id,
                           const ItemInput& input, Timestamp now);
// kNotFound for an item of another agency; kConflict for a withdrawn item.
Status EditItem(const Services& s, const Actor& actor, int64_t agency_id, int64_t item_id,
                const ItemInput& input, Timestamp now);

struct PublishResult {
  CatalogItem item;                   // with its 索引号
  std::vector<std::string> warnings;  // e.g. published more than 20 working days after 生成日期
};

// Publishes on `on` (default today; not after today, not before the 生成日期) through
// `channels` (default 政府网站). Warns when more than 20 working days passed since the item's
// 生成日期 (Reg2019 Art. 26). kConflict if already published or withdrawn.
Result<PublishResult> PublishItem(const Services& s, const Actor& actor, int64_t agency_id,
                                  int64_t item_id, std::vector<PublicationChannel> channels,
                                  std::optional<Date> on, Timestamp now);
// Withdraws on `on` (default today); the 索引号 is never reused.
Status WithdrawItem(const Services& s, const Actor& actor, int64_t agency_id, int64_t item_id,
                    std::optional<Date> on, Timestamp now);

// Adds a file to an item: type by content (PDF, DOC/DOCX, XLS/XLSX, PNG, JPEG, GIF), at most
// policy.max_attachment_bytes, bytes stored by hash before the metadata row.
Result<Attachment> AttachToItem(const Services& s, const Actor& actor, int64_t agency_id,
                                int64_t item_id, const std::string& file_name,
                                std::string_view bytes, Timestamp now);

// An attachment for download: the public only gets files of items public today; staff get
// their agency's. kNotFound otherwise (the same as for a missing id); kStorage if the file on
// disk is corrupt; kNotFound if it is missing.
Result<FileDownload> DownloadAttachment(const Services& s, const Actor& actor, int64_t agency_id,
                                        int64_t attachment_id, Date today);

}  // namespace gongkai::app
