// Chinese search over published catalog items (目录检索): the API the portal, the API and the
// CLI use. The index is a Xapian database derived from the database (search/indexer.h builds
// it, ApplyOutbox keeps it current); it holds only public catalog data.
//
//   Result<std::unique_ptr<SearchIndex>> index = EnsureIndex(feed, "var/search");
//   Result<SearchResults> r = (*index)->Search("政务公开", {.agency_id = 3}, SearchSort::kDate);
//   for (const SearchHit& h : r->hits) page.Add(h.title_highlighted, h.snippet_highlighted);
//
// Queries are cut by the tokenizer (search/tokenizer.h) and every segment must match (AND):
// a word by its term, a 1-, 2- or 3-character CJK segment by its unigram, bigram or trigram,
// a longer one as the phrase of its trigrams (the characters in that order, adjacent).
// Relevance is BM25 with title matches weighted above 文号, summary and body matches
// (search/document_builder.h).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/search_feed.h"
#include "core/status.h"
#include "search/indexer.h"

namespace Xapian {
class Database;
}

namespace gongkai::search {

struct SearchFilters {
  std::optional<int64_t> agency_id;
  std::string topic;  // 主题分类 or one of its parents ("综合政务"); empty = any
  std::string genre;  // 体裁, exact; empty = any
};

enum class SearchSort {
  kRelevance,  // BM25 score, best first
  kDate,       // 公开日期, newest first; equal dates by relevance
};

struct SearchHit {
  int64_t catalog_item_id = 0;
  int64_t agency_id = 0;
  double score = 0;                 // BM25 weight (also computed when sorting by date)
  std::string title_highlighted;    // HTML: escaped, matches in <mark>
  std::string doc_no_highlighted;   // HTML, "" if the item has no 文号
  std::string snippet_highlighted;  // HTML: a window of the summary/body/attachment text
  std::string index_no;             // 索引号 (plain text)
  Date published_on;
};

struct SearchResults {
  int64_t total_estimate = 0;  // Xapian's estimate of all matches (exact when small)
  std::vector<SearchHit> hits;
};

// What one ApplyOutbox did.
struct OutboxApplied {
  int64_t entries = 0;       // outbox entries read
  int64_t upserted = 0;      // documents replaced (the item is published and not withdrawn)
  int64_t deleted = 0;       // documents removed (deleted, withdrawn, or no longer published)
  int64_t position = 0;      // the outbox id now stored in the index
  int64_t pending_gaps = 0;  // smaller ids still awaited (see search/outbox.h)
};

// Limits of one search request.
inline constexpr int kMaxLimit = 100;
inline constexpr int kMaxOffset = 10000;
inline constexpr size_t kMaxQueryChars = 100;

class SearchIndex {
 public:
  // Opens the current index of `dir` for searching. Errors — each means "rebuild"
  // (EnsureIndex does): kNotFound when `dir` has no index; kStorage when it is damaged or
  // incomplete (unreadable stub, missing or corrupt database, missing metadata) or was built
  // by another index format.
  static Result<std::unique_ptr<SearchIndex>> Open(const std::string& dir);
  ~SearchIndex();

  // Up to `limit` hits from `offset` on. Sees the index as last committed: a reindex swapped
  // in by another process or outbox entries applied by another one are picked up by the next
  // call. Errors: kInvalidInput for a query without a word or CJK character, longer than
  // kMaxQueryChars characters, or a limit outside 1..kMaxLimit / an offset outside
  // 0..kMaxOffset; kStorage if the index became unreadable (rebuild); kConflict in the rare
  // case that writers kept committing while it read, 10 times over (try again). Thread-safe:
  // concurrent calls run side by side, each on a reader of its own (readers are kept).
  Result<SearchResults> Search(std::string_view query, const SearchFilters& filters = {},
                               SearchSort sort = SearchSort::kRelevance, int offset = 0,
                               int limit = 20);

  // Applies the outbox entries after the index's stored position (search/outbox.h): each
  // entry's item is re-read from `feed` and its document replaced or removed; then stores the
  // new position, in one commit. Idempotent; every app node runs it for its own index.
  // `now_unix` (seconds) ages the gaps; std::nullopt reads the clock. Entries are applied a
  // page (1,000) at a time, each page with its position: on a failure the pages completed
  // before it are kept, the failed one is not, and the next call goes on from there. Errors:
  // kConflict when another process is writing this index (try again later); kStorage for the
  // feed's or the index's failures.
  Result<OutboxApplied> ApplyOutbox(SearchFeed& feed,
                                    std::optional<int64_t> now_unix = std::nullopt);

  // The outbox id stored in the index, and its number of documents (as last opened).
  Result<int64_t> OutboxPosition();
  Result<int64_t> DocumentCount();
  const std::string& dir() const { return dir_; }

 private:
  // One open Xapian database (not thread-safe itself): used by one call at a time.
  struct Reader {
    std::string path;  // the glass database it has open
    std::unique_ptr<Xapian::Database> db;
  };

  SearchIndex(std::string dir, std::unique_ptr<Reader> first);
  // An idle reader brought up to date (reopened on the database the stub names now, or to its
  // latest revision), or a new one when none is idle. kStorage if the index is unreadable;
  // kConflict if it was being written all along (see Search).
  Result<std::unique_ptr<Reader>> TakeReader();
  // Keeps `reader` for the next call (up to kMaxIdleReaders are kept).
  void ReturnReader(std::unique_ptr<Reader> reader);
  // Opens `reader` on the database the stub names now (checked, OpenChecked) or reopens it at
  // its latest revision.
  Status Refresh(Reader& reader) const;
  // read(db) on a reader of this call's own (TakeReader), through the retries of a revision
  // overwritten by a writer; the reader is then kept for the next call unless it met damage.
  template <typename Read>
  auto WithReader(Read read) -> decltype(read(std::declval<Xapian::Database&>()));

  static constexpr size_t kMaxIdleReaders = 16;

  std::string dir_;
  std::mutex readers_mu_;  // guards idle_
  std::vector<std::unique_ptr<Reader>> idle_;
  std::mutex write_mu_;  // one ApplyOutbox of this object at a time
};

// Opens the index of `dir`; if it is missing or damaged (Open's errors), rebuilds it from
// `feed` (Reindex, with `options`) and opens that. Then applies the outbox. Errors: those of
// Reindex and ApplyOutbox.
Result<std::unique_ptr<SearchIndex>> EnsureIndex(SearchFeed& feed, const std::string& dir,
                                                 const ReindexOptions& options = {});

}  // namespace gongkai::search
