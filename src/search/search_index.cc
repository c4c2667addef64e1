#include "search/search_index.h"

#include <xapian.h>

#include <chrono>
#include <utility>

#include "search/document_builder.h"
#include "search/highlighter.h"
#include "search/index_dir.h"
#include "search/outbox.h"
#include "search/query_builder.h"
#include "search/tokenizer.h"

namespace gongkai::search {
namespace {

Status Damaged(const std::string& dir, const std::string& why) {
  return StorageError("搜索索引 " + dir + " 已损坏或不完整（" + why + "），需要重建");
}

// How often a read that finds its revision overwritten reopens and starts again (an outbox
// apply commits a page at a time, so a read may see a few commits go by).
constexpr int kModifiedRetries = 10;

Status BusyWriting(const std::string& dir) {
  return Conflict("搜索索引 " + dir + " 正在更新，请稍后再试");
}

// Runs read(db) -> Result<T>, reopening `db` and starting again when a writer committed past
// the revision it holds (that is not damage: the index is being written). Other Xapian errors
// are damage (kStorage); after kModifiedRetries overwritten revisions, kConflict.
template <typename Read>
auto ReadConsistently(const std::string& dir, Xapian::Database& db, Read read)
    -> decltype(read(db)) {
  for (int attempt = 0;; ++attempt) {
    try {
      return read(db);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt + 1 >= kModifiedRetries) return BusyWriting(dir);
      try {
        db.reopen();
      } catch (const Xapian::DatabaseModifiedError&) {
        // Overwritten again while reopening: the next attempt reopens once more.
      } catch (const Xapian::Error& e) {
        return Damaged(dir, e.get_description());
      }
    } catch (const Xapian::Error& e) {
      return Damaged(dir, e.get_description());
    }
  }
}

// Opens the glass database at `path` and checks that it is a complete index of our format.
Result<std::unique_ptr<Xapian::Database>> OpenChecked(const std::string& dir,
                                                      const std::string& path) {
  std::unique_ptr<Xapian::Database> db;
  for (int attempt = 0; db == nullptr; ++attempt) {
    try {
      db = std::make_unique<Xapian::Database>(path, Xapian::DB_BACKEND_GLASS);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt + 1 >= kModifiedRetries) return BusyWriting(dir);
    } catch (const Xapian::Error& e) {
      return Damaged(dir, e.get_description());
    }
  }
  Status checked = ReadConsistently(dir, *db, [&](Xapian::Database& d) -> Status {
    const std::string format = d.get_metadata(kMetaFormat);
    if (format.empty()) return Damaged(dir, "缺少格式标记");
    if (format != kIndexFormat) {
      return StorageError("搜索索引 " + dir + " 由另一版本的程序建立（" + format + "），需要重建");
    }
    Result<OutboxState> state = ReadOutboxState(d, dir);
    if (!state.ok()) return state.status();
    // Touch the posting and document tables, so damage there shows now rather than mid-search.
    if (d.get_doccount() > 0) {
      Xapian::Document first = d.get_document(*d.postlist_begin(""));
      StoredFields fields;
      if (!StoredFields::Decode(first.get_data(), &fields)) return Damaged(dir, "文档数据无效");
    }
    return Status::Ok();
  });
  if (!checked.ok()) return checked;
  return db;
}

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += Utf8CharLength(s, i)) ++n;
  return n;
}

int64_t NowUnix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

SearchIndex::SearchIndex(std::string dir, std::unique_ptr<Reader> first) : dir_(std::move(dir)) {
  idle_.push_back(std::move(first));
}

SearchIndex::~SearchIndex() = default;

Result<std::unique_ptr<SearchIndex>> SearchIndex::Open(const std::string& dir) {
  Result<std::string> path = CurrentDatabase(dir);
  if (!path.ok()) return path.status();
  Result<std::unique_ptr<Xapian::Database>> db = OpenChecked(dir, *path);
  if (!db.ok()) return db.status();
  auto first = std::make_unique<Reader>(Reader{*path, std::move(db).value()});
  return std::unique_ptr<SearchIndex>(new SearchIndex(dir, std::move(first)));
}

Status SearchIndex::Refresh(Reader& reader) const {
  Result<std::string> path = CurrentDatabase(dir_);
  if (!path.ok()) return path.status();
  if (*path != reader.path || reader.db == nullptr) {
    Result<std::unique_ptr<Xapian::Database>> db = OpenChecked(dir_, *path);
    if (!db.ok()) return db.status();
    reader.db = std::move(db).value();
    reader.path = *path;
    return Status::Ok();
  }
  return ReadConsistently(dir_, *reader.db, [](Xapian::Database& db) -> Status {
    db.reopen();
    return Status::Ok();
  });
}

Result<std::unique_ptr<SearchIndex::Reader>> SearchIndex::TakeReader() {
  std::unique_ptr<Reader> reader;
  {
    std::lock_guard<std::mutex> lock(readers_mu_);
    if (!idle_.empty()) {
      reader = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (reader == nullptr) reader = std::make_unique<Reader>();
  GONGKAI_RETURN_IF_ERROR(Refresh(*reader));
  return reader;
}

void SearchIndex::ReturnReader(std::unique_ptr<Reader> reader) {
  std::lock_guard<std::mutex> lock(readers_mu_);
  if (idle_.size() < kMaxIdleReaders) idle_.push_back(std::move(reader));
}

template <typename Read>
auto SearchIndex::WithReader(Read read) -> decltype(read(std::declval<Xapian::Database&>())) {
  Result<std::unique_ptr<Reader>> reader = TakeReader();
  if (!reader.ok()) return reader.status();
  auto result = ReadConsistently(dir_, *(*reader)->db, read);
  // A reader that met damage is dropped (the next call opens a fresh one); a busy or a good
  // one is kept.
  if (result.ok() || result.status().code() != ErrorCode::kStorage) {
    ReturnReader(std::move(reader).value());
  }
  return result;
}

Result<SearchResults> SearchIndex::Search(std::string_view query, const SearchFilters& filters,
                                          SearchSort sort, int offset, int limit) {
  if (limit < 1 || limit > kMaxLimit) {
    return InvalidInput("每页条数应在 1 到 " + std::to_string(kMaxLimit) + " 之间（收到 " +
                        std::to_string(limit) + "）");
  }
  if (offset < 0 || offset > kMaxOffset) {
    return InvalidInput("结果起点应在 0 到 " + std::to_string(kMaxOffset) + " 之间（收到 " +
                        std::to_string(offset) + "）");
  }
  if (CountChars(query) > kMaxQueryChars) {
    return InvalidInput("搜索词过长（最多 " + std::to_string(kMaxQueryChars) + " 个字）");
  }
  Xapian::Query q = BuildQuery(query);
  if (q.empty()) return InvalidInput("搜索词中没有可检索的汉字、字母或数字");

  std::vector<Xapian::Query> filter;
  if (filters.agency_id) filter.emplace_back(AgencyTerm(*filters.agency_id));
  for (const auto& [value, term] : {std::pair{&filters.topic, TopicTerm(filters.topic)},
                                    std::pair{&filters.genre, GenreTerm(filters.genre)}}) {
    if (value->empty()) continue;
    filter.push_back(term.empty() ? Xapian::Query::MatchNothing : Xapian::Query(term));
  }
  if (!filter.empty()) {
    q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                      Xapian::Query(Xapian::Query::OP_AND, filter.begin(), filter.end()));
  }

  const Highlighter highlighter(query);
  return WithReader([&](Xapian::Database& db) -> Result<SearchResults> {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    if (sort == SearchSort::kDate) enquire.set_sort_by_value_then_relevance(kDateSlot, true);
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(offset),
                                               static_cast<Xapian::doccount>(limit));
    SearchResults results;
    results.total_estimate = mset.get_matches_estimated();
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
      StoredFields f;
      if (!StoredFields::Decode(it.get_document().get_data(), &f)) {
        return Damaged(dir_, "文档 " + std::to_string(*it) + " 的数据无效");
      }
      SearchHit hit;
      hit.catalog_item_id = f.catalog_item_id;
      hit.agency_id = f.agency_id;
      hit.score = it.get_weight();
      hit.title_highlighted = highlighter.Highlight(f.title);
      if (!f.doc_no.empty()) hit.doc_no_highlighted = highlighter.Highlight(f.doc_no);
      hit.snippet_highlighted = highlighter.Snippet(f.text);
      hit.index_no = std::move(f.index_no);
      hit.published_on = f.published_on;
      results.hits.push_back(std::move(hit));
    }
    return results;
  });
}

Result<OutboxApplied> SearchIndex::ApplyOutbox(SearchFeed& feed, std::optional<int64_t> now_unix) {
  std::lock_guard<std::mutex> lock(write_mu_);
  Result<std::string> path = CurrentDatabase(dir_);
  if (!path.ok()) return path.status();
  Result<OutboxApplied> applied = Internal("outbox not applied");
  try {
    Xapian::WritableDatabase db(*path, Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
    Result<OutboxState> state = ReadOutboxState(db, dir_);
    if (!state.ok()) return state.status();
    applied = ApplyOutboxEntries(db, feed, &*state, now_unix ? *now_unix : NowUnix());
    // Pages completed before a failure are consistent with their stored position: keep them.
    db.commit();
    if (!applied.ok()) return applied.status();
  } catch (const Xapian::DatabaseLockError&) {
    return Conflict("搜索索引 " + dir_ + " 正被另一进程更新，请稍后再试");
  } catch (const Xapian::Error& e) {
    return StorageError("无法更新搜索索引 " + dir_ + "：" + e.get_description());
  }
  // Readers see the commit at their next use (TakeReader reopens them).
  return applied;
}

Result<int64_t> SearchIndex::OutboxPosition() {
  return WithReader([&](Xapian::Database& db) -> Result<int64_t> {
    Result<OutboxState> state = ReadOutboxState(db, dir_);
    if (!state.ok()) return state.status();
    return state->position;
  });
}

Result<int64_t> SearchIndex::DocumentCount() {
  return WithReader([](Xapian::Database& db) -> Result<int64_t> {
    return static_cast<int64_t>(db.get_doccount());
  });
}

Result<std::unique_ptr<SearchIndex>> EnsureIndex(SearchFeed& feed, const std::string& dir,
                                                 const ReindexOptions& options) {
  Result<std::unique_ptr<SearchIndex>> index = SearchIndex::Open(dir);
  if (!index.ok()) {
    const ErrorCode code = index.status().code();
    if (code != ErrorCode::kNotFound && code != ErrorCode::kStorage) return index.status();
    Result<ReindexStats> built = Reindex(feed, dir, options);
    if (!built.ok()) return built.status();
    index = SearchIndex::Open(dir);
    if (!index.ok()) return index.status();
  }
  Result<OutboxApplied> applied = (*index)->ApplyOutbox(feed);
  // Another process applying the same outbox to this index is as good as applying it here.
  if (!applied.ok() && applied.status().code() != ErrorCode::kConflict) return applied.status();
  return index;
}

}  // namespace gongkai::search
