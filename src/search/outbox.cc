#include "search/outbox.h"

#include <charconv>
#include <set>

#include "search/document_builder.h"
#include "search/index_dir.h"

namespace gongkai::search {
namespace {

constexpr int kOutboxPage = 1000;
constexpr char kCatalogItemEntity[] = "catalog_item";

bool ParseInt(std::string_view s, int64_t* v) {
  if (s.empty()) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && end == s.data() + s.size();
}

// Re-reads each catalog item `apply` names (once per item) and replaces or deletes its document.
Status ApplyPage(Xapian::WritableDatabase& db, SearchFeed& feed,
                 const std::vector<SearchOutboxEntry>& apply, OutboxApplied* applied) {
  applied->entries += static_cast<int64_t>(apply.size());
  std::set<int64_t> items;
  for (const SearchOutboxEntry& e : apply) {
    if (e.entity == kCatalogItemEntity) items.insert(e.entity_id);
  }
  for (int64_t id : items) {
    Result<std::optional<SearchDocument>> doc = feed.FindDocument(id);
    if (!doc.ok()) return doc.status();
    if (doc->has_value()) {
      db.replace_document(UniqueTerm(id), BuildDocument(**doc));
      ++applied->upserted;
    } else {
      db.delete_document(UniqueTerm(id));
      ++applied->deleted;
    }
  }
  return Status::Ok();
}

}  // namespace

std::vector<SearchOutboxEntry> OutboxState::Advance(const std::vector<SearchOutboxEntry>& read,
                                                    int64_t now) {
  std::vector<SearchOutboxEntry> apply;
  for (const SearchOutboxEntry& e : read) {
    if (e.id <= position) {
      if (gaps.erase(e.id) > 0) apply.push_back(e);
      continue;
    }
    // Ids between the position and this one have not committed (yet): remember them.
    int64_t from = position + 1;
    if (e.id - from > static_cast<int64_t>(kMaxGaps)) from = e.id - static_cast<int64_t>(kMaxGaps);
    for (int64_t id = from; id < e.id; ++id) gaps.emplace(id, now);
    position = e.id;
    apply.push_back(e);
  }
  for (auto it = gaps.begin(); it != gaps.end();) {
    it = now - it->second > kGapWaitSeconds ? gaps.erase(it) : std::next(it);
  }
  while (gaps.size() > kMaxGaps) gaps.erase(gaps.begin());
  return apply;
}

Result<OutboxState> ReadOutboxState(const Xapian::Database& db, const std::string& where) {
  OutboxState state;
  const std::string position = db.get_metadata(kMetaOutbox);
  if (!ParseInt(position, &state.position) || state.position < 0) {
    return StorageError("搜索索引 " + where + " 缺少变更队列位置（索引不完整），需要重建");
  }
  // "id:seconds,id:seconds…"
  const std::string gaps = db.get_metadata(kMetaOutboxGaps);
  std::string_view rest(gaps);
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const size_t colon = item.find(':');
    int64_t id = 0, since = 0;
    if (colon == std::string_view::npos || !ParseInt(item.substr(0, colon), &id) ||
        !ParseInt(item.substr(colon + 1), &since)) {
      return StorageError("搜索索引 " + where + " 的变更队列记录无效，需要重建");
    }
    state.gaps.emplace(id, since);
  }
  return state;
}

void WriteOutboxState(Xapian::WritableDatabase& db, const OutboxState& state) {
  db.set_metadata(kMetaOutbox, std::to_string(state.position));
  std::string gaps;
  for (const auto& [id, since] : state.gaps) {
    if (!gaps.empty()) gaps += ',';
    gaps += std::to_string(id) + ":" + std::to_string(since);
  }
  db.set_metadata(kMetaOutboxGaps, gaps);
}

Result<OutboxApplied> ApplyOutboxEntries(Xapian::WritableDatabase& db, SearchFeed& feed,
                                         OutboxState* state, int64_t now) {
  OutboxApplied applied;
  int64_t after = state->ReadFrom();
  for (;;) {
    Result<std::vector<SearchOutboxEntry>> page = feed.ListOutbox(after, kOutboxPage);
    if (!page.ok()) return page.status();
    if (!page->empty()) after = page->back().id;
    // One committed Xapian transaction per page, with the state it reaches: a failure cancels
    // that page only, so what is on disk is always consistent with its stored position.
    const OutboxState before = *state;
    const std::vector<SearchOutboxEntry> apply = state->Advance(*page, now);
    db.begin_transaction(true);  // flushed: a cancel in glass drops everything uncommitted
    Status st;
    try {
      st = ApplyPage(db, feed, apply, &applied);
      if (st.ok()) WriteOutboxState(db, *state);
    } catch (...) {
      db.cancel_transaction();
      *state = before;
      throw;
    }
    if (!st.ok()) {
      db.cancel_transaction();
      *state = before;
      return st;
    }
    db.commit_transaction();
    if (page->size() < static_cast<size_t>(kOutboxPage)) break;
  }
  applied.position = state->position;
  applied.pending_gaps = static_cast<int64_t>(state->gaps.size());
  return applied;
}

}  // namespace gongkai::search
