// The server's one search index (search/search_index.h) and what keeps it current: a background
// thread applies the search outbox every `apply_seconds`, and a search applies it first when the
// last apply is older than that, so an item published on any node shows up within about
// `apply_seconds`. A search that finds the index unreadable rebuilds it (EnsureIndex) and tries
// once more. Thread-safe: searches run side by side (SearchIndex gives each call a reader of its
// own); this class serializes applies and rebuilds.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "core/search_feed.h"
#include "core/status.h"
#include "search/search_index.h"

namespace gongkai::http {

class SearchService {
 public:
  // Opens a feed on the deployment's database (one is kept and reopened after a failure).
  using FeedOpener = std::function<Result<std::unique_ptr<SearchFeed>>()>;

  // Opens the index of `dir` with search::EnsureIndex (building it if missing or damaged, with
  // a log line) and applies the outbox. Errors: those of the feed and of EnsureIndex.
  static Result<std::unique_ptr<SearchService>> Open(const std::string& dir, FeedOpener open_feed,
                                                     int apply_seconds);
  ~SearchService();  // stops the thread

  // Called (on the applying thread) after an apply that took in at least one change, so that
  // caches of pages built from the catalog can drop what they hold. Set before Start().
  void OnChange(std::function<void()> callback) { on_change_ = std::move(callback); }

  // Starts the background thread (once).
  void Start();
  // Stops it and waits for it (idempotent).
  void Stop();

  // search::SearchIndex::Search, after applying the outbox if the last apply is older than
  // `apply_seconds`. kStorage if the index stays unreadable after a rebuild.
  Result<search::SearchResults> Search(std::string_view query,
                                       const search::SearchFilters& filters,
                                       search::SearchSort sort, int offset, int limit);

  // Applies the outbox now. Errors: those of SearchIndex::ApplyOutbox (kConflict: another
  // process is applying it).
  Result<search::OutboxApplied> ApplyNow();

  const std::string& dir() const { return dir_; }

 private:
  SearchService(std::string dir, FeedOpener open_feed, int apply_seconds);
  Result<search::OutboxApplied> ApplyLocked();
  Status RebuildLocked();
  std::shared_ptr<search::SearchIndex> index();
  void Loop();

  const std::string dir_;
  const FeedOpener open_feed_;
  const std::chrono::milliseconds period_;
  std::function<void()> on_change_;

  std::mutex index_mu_;  // guards index_ (the pointer, not the index)
  std::shared_ptr<search::SearchIndex> index_;

  std::mutex apply_mu_;  // one apply or rebuild at a time; guards feed_
  std::unique_ptr<SearchFeed> feed_;
  std::atomic<int64_t> last_apply_ms_{0};  // steady clock, when the last apply succeeded

  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace gongkai::http
