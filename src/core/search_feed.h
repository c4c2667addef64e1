// SearchFeed: what the search index (src/search) reads from storage — the public text of
// catalog items (目录条目) and the search outbox. Implemented by store/ on SQLite and PostgreSQL
// with the same results (store/search_feed.cc). Only public catalog data crosses this door:
// never an applicant, a case or an account.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace gongkai {

// The searchable view of one published, not withdrawn catalog item.
struct SearchDocument {
  int64_t catalog_item_id = 0;
  int64_t agency_id = 0;
  std::string index_no;   // 索引号
  std::string title;      // 名称
  std::string doc_no;     // 文号, e.g. "昌商发〔2018〕3号"; may be empty
  std::string publisher;  // 发布机构
  std::string topic;      // 主题分类, e.g. "综合政务\\政务公开"
  std::string genre;      // 体裁, e.g. "通知"
  std::string summary;    // 内容概述
  std::string body;
  std::string attachments_text;  // text extracted from the item's attachments; empty if none
  Date published_on;             // 公开日期

  friend bool operator==(const SearchDocument&, const SearchDocument&) = default;
};

// One change recorded in `search_outbox` in the same transaction as the change itself.
struct SearchOutboxEntry {
  enum class Op { kUpsert, kDelete };
  // Ascending in commit order on SQLite. On PostgreSQL ids are drawn before commit, so a slow
  // transaction can commit a smaller id after a larger one is visible (search/outbox.h).
  int64_t id = 0;
  int64_t agency_id = 0;
  std::string entity;  // "catalog_item"
  int64_t entity_id = 0;
  Op op = Op::kUpsert;
  std::string created_at;  // ISO 8601, as written by the use case

  friend bool operator==(const SearchOutboxEntry&, const SearchOutboxEntry&) = default;
};

class SearchFeed {
 public:
  virtual ~SearchFeed() = default;

  // Up to `limit` documents of published (published_on set), not withdrawn items with
  // id > `after_id`, in ascending id order (a page of a reindex). Errors: kStorage.
  virtual Result<std::vector<SearchDocument>> ListDocuments(int64_t after_id, int limit) = 0;

  // The number of items ListDocuments pages through (for progress). Errors: kStorage.
  virtual Result<int64_t> CountDocuments() = 0;

  // The document of item `catalog_item_id` if it exists, is published and is not withdrawn;
  // std::nullopt otherwise (so an upsert of a withdrawn item removes it). Errors: kStorage.
  virtual Result<std::optional<SearchDocument>> FindDocument(int64_t catalog_item_id) = 0;

  // Up to `limit` outbox entries with id > `after_id`, ascending id. A database without the
  // outbox table (schema before migration 3) has no entries. Errors: kStorage; kInvalidInput
  // naming the row for an unknown op.
  virtual Result<std::vector<SearchOutboxEntry>> ListOutbox(int64_t after_id, int limit) = 0;

  // The largest outbox id, 0 if the outbox is empty or absent. Errors: kStorage.
  virtual Result<int64_t> LastOutboxId() = 0;
};

// Opens a feed on the database named by `url` (the forms OpenRepository accepts), applying
// pending migrations. Errors: as OpenRepository.
Result<std::unique_ptr<SearchFeed>> OpenSearchFeed(const std::string& url);

}  // namespace gongkai
