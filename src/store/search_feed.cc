// The SearchFeed of core/search_feed.h over the repository's SOCI connection: the same named
// queries on SQLite and PostgreSQL (so both feed the index identical documents, in the same
// order). Reads only catalog_items and search_outbox — never applicant data.
#include "core/search_feed.h"

#include <exception>
#include <string>
#include <utility>

#include "core/repository.h"
#include "store/connection.h"
#include "store/soci_repository.h"

namespace gongkai::store {
namespace {

// --- Named queries (STYLE.md §8) -----------------------------------------------------------

#define GONGKAI_SEARCH_DOCUMENT_COLUMNS                                                     \
  "SELECT id, agency_id, index_no, title, doc_no, publisher, topic, genre, summary, body, " \
  "published_on FROM catalog_items "
// Published and not withdrawn: what the public may find.
inline constexpr char kSelectSearchDocuments[] = GONGKAI_SEARCH_DOCUMENT_COLUMNS
    "WHERE id > :after_id AND published_on IS NOT NULL AND withdrawn_on IS NULL "
    "ORDER BY id LIMIT :limit";
inline constexpr char kSelectSearchDocument[] = GONGKAI_SEARCH_DOCUMENT_COLUMNS
    "WHERE id = :id AND published_on IS NOT NULL AND withdrawn_on IS NULL";
#undef GONGKAI_SEARCH_DOCUMENT_COLUMNS
inline constexpr char kCountSearchDocuments[] =
    "SELECT COUNT(*) FROM catalog_items WHERE published_on IS NOT NULL AND withdrawn_on IS NULL";

inline constexpr char kSqliteHasSearchOutbox[] =
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'search_outbox'";
inline constexpr char kPostgresHasSearchOutbox[] =
    "SELECT COUNT(*) FROM information_schema.tables "
    "WHERE table_schema = current_schema() AND table_name = 'search_outbox'";
#define GONGKAI_OUTBOX_COLUMNS \
  "SELECT id, agency_id, entity, entity_id, op, created_at FROM search_outbox "
inline constexpr char kSelectOutboxAfter[] =
    GONGKAI_OUTBOX_COLUMNS "WHERE id > :after_id ORDER BY id LIMIT :limit";
#undef GONGKAI_OUTBOX_COLUMNS
inline constexpr char kSelectLastOutboxId[] = "SELECT COALESCE(MAX(id), 0) FROM search_outbox";

// --- Rows ------------------------------------------------------------------------------------

struct DocumentRow {
  long long id = 0, agency_id = 0;
  std::string index_no, title, doc_no, publisher, topic, genre, summary, body, published_on;

  void Exchange(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(index_no));
    st.exchange(soci::into(title));
    st.exchange(soci::into(doc_no));
    st.exchange(soci::into(publisher));
    st.exchange(soci::into(topic));
    st.exchange(soci::into(genre));
    st.exchange(soci::into(summary));
    st.exchange(soci::into(body));
    st.exchange(soci::into(published_on));
  }

  Result<SearchDocument> ToDocument(const Connection& conn) const {
    Result<Date> published = Date::Parse(published_on);
    if (!published.ok()) {
      return StorageError(conn.display + " 中目录条目（编号 " + std::to_string(id) +
                          "）的公开日期 \"" + published_on + "\" 无效");
    }
    SearchDocument d;
    d.catalog_item_id = id;
    d.agency_id = agency_id;
    d.index_no = index_no;
    d.title = title;
    d.doc_no = doc_no;
    d.publisher = publisher;
    d.topic = topic;
    d.genre = genre;
    d.summary = summary;
    d.body = body;
    // Attachments and their extracted text are not in the schema yet (issue 3, migration 3):
    // the field stays empty until they are, and the indexer treats empty as "none".
    d.published_on = *published;
    return d;
  }
};

struct OutboxRow {
  long long id = 0, agency_id = 0, entity_id = 0;
  std::string entity, op, created_at;

  void Exchange(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(entity));
    st.exchange(soci::into(entity_id));
    st.exchange(soci::into(op));
    st.exchange(soci::into(created_at));
  }

  Result<SearchOutboxEntry> ToEntry(const Connection& conn) const {
    SearchOutboxEntry e;
    e.id = id;
    e.agency_id = agency_id;
    e.entity = entity;
    e.entity_id = entity_id;
    e.created_at = created_at;
    if (op == "upsert") {
      e.op = SearchOutboxEntry::Op::kUpsert;
    } else if (op == "delete") {
      e.op = SearchOutboxEntry::Op::kDelete;
    } else {
      return InvalidInput(conn.display + " 的搜索变更队列第 " + std::to_string(id) +
                          " 条的操作 \"" + op + "\" 无效（应为 upsert 或 delete）");
    }
    return e;
  }
};

class SociSearchFeed final : public SearchFeed {
 public:
  explicit SociSearchFeed(std::unique_ptr<Repository> repo)
      : repo_(std::move(repo)), conn_(static_cast<SociRepository&>(*repo_).connection()) {}

  Result<std::vector<SearchDocument>> ListDocuments(int64_t after_id, int limit) override {
    try {
      long long after = after_id, lim = limit;
      DocumentRow row;
      soci::statement st(conn_.sql);
      row.Exchange(st);
      st.exchange(soci::use(after, "after_id"));
      st.exchange(soci::use(lim, "limit"));
      st.alloc();
      st.prepare(kSelectSearchDocuments);
      st.define_and_bind();
      std::vector<SearchDocument> out;
      if (st.execute(true)) {
        do {
          Result<SearchDocument> d = row.ToDocument(conn_);
          if (!d.ok()) return d.status();
          out.push_back(std::move(d).value());
        } while (st.fetch());
      }
      return out;
    } catch (const std::exception& e) {
      return TranslateError(conn_, e);
    }
  }

  Result<int64_t> CountDocuments() override {
    try {
      long long n = 0;
      conn_.sql << kCountSearchDocuments, soci::into(n);
      return static_cast<int64_t>(n);
    } catch (const std::exception& e) {
      return TranslateError(conn_, e);
    }
  }

  Result<std::optional<SearchDocument>> FindDocument(int64_t catalog_item_id) override {
    try {
      long long id = catalog_item_id;
      DocumentRow row;
      soci::statement st(conn_.sql);
      row.Exchange(st);
      st.exchange(soci::use(id, "id"));
      st.alloc();
      st.prepare(kSelectSearchDocument);
      st.define_and_bind();
      if (!st.execute(true)) return std::optional<SearchDocument>();
      Result<SearchDocument> d = row.ToDocument(conn_);
      if (!d.ok()) return d.status();
      return std::optional<SearchDocument>(std::move(d).value());
    } catch (const std::exception& e) {
      return TranslateError(conn_, e);
    }
  }

  Result<std::vector<SearchOutboxEntry>> ListOutbox(int64_t after_id, int limit) override {
    try {
      std::vector<SearchOutboxEntry> out;
      if (!HasOutbox()) return out;
      long long after = after_id, lim = limit;
      OutboxRow row;
      soci::statement st(conn_.sql);
      row.Exchange(st);
      st.exchange(soci::use(after, "after_id"));
      st.exchange(soci::use(lim, "limit"));
      st.alloc();
      st.prepare(kSelectOutboxAfter);
      st.define_and_bind();
      if (st.execute(true)) {
        do {
          Result<SearchOutboxEntry> e = row.ToEntry(conn_);
          if (!e.ok()) return e.status();
          out.push_back(std::move(e).value());
        } while (st.fetch());
      }
      return out;
    } catch (const std::exception& e) {
      return TranslateError(conn_, e);
    }
  }

  Result<int64_t> LastOutboxId() override {
    try {
      if (!HasOutbox()) return int64_t{0};
      long long last = 0;
      conn_.sql << kSelectLastOutboxId, soci::into(last);
      return static_cast<int64_t>(last);
    } catch (const std::exception& e) {
      return TranslateError(conn_, e);
    }
  }

 private:
  // Whether the schema has the outbox (migration 3). Checked until it is there; a table once
  // created is never dropped.
  bool HasOutbox() {
    if (has_outbox_) return true;
    long long n = 0;
    conn_.sql << (conn_.backend == Backend::kSqlite ? kSqliteHasSearchOutbox
                                                    : kPostgresHasSearchOutbox),
        soci::into(n);
    has_outbox_ = n > 0;
    return has_outbox_;
  }

  std::unique_ptr<Repository> repo_;  // owns the connection
  Connection& conn_;
  bool has_outbox_ = false;
};

}  // namespace
}  // namespace gongkai::store

namespace gongkai {

Result<std::unique_ptr<SearchFeed>> OpenSearchFeed(const std::string& url) {
  Result<std::unique_ptr<Repository>> repo = OpenRepository(url);
  if (!repo.ok()) return repo.status();
  if (dynamic_cast<store::SociRepository*>(repo->get()) == nullptr) {
    return Internal("搜索数据源需要 SOCI 存储");
  }
  return std::unique_ptr<SearchFeed>(
      std::make_unique<store::SociSearchFeed>(std::move(repo).value()));
}

}  // namespace gongkai
