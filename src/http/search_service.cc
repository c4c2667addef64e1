#include "http/search_service.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace gongkai::http {
namespace {

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

search::ReindexOptions LoggedBuild(const std::string& dir) {
  search::ReindexOptions options;
  options.progress = [dir](const search::ReindexProgress& p) {
    if (p.done == p.total) {
      spdlog::info("搜索索引 {}：已建立 {} 条", dir, p.done);
    }
  };
  return options;
}

}  // namespace

SearchService::SearchService(std::string dir, FeedOpener open_feed, int apply_seconds)
    : dir_(std::move(dir)),
      open_feed_(std::move(open_feed)),
      period_(std::chrono::milliseconds(std::max(1, apply_seconds) * 1000)) {}

SearchService::~SearchService() { Stop(); }

Result<std::unique_ptr<SearchService>> SearchService::Open(const std::string& dir,
                                                           FeedOpener open_feed,
                                                           int apply_seconds) {
  std::unique_ptr<SearchService> service(new SearchService(dir, std::move(open_feed), apply_seconds));
  Result<std::unique_ptr<SearchFeed>> feed = service->open_feed_();
  if (!feed.ok()) return feed.status();
  service->feed_ = std::move(feed).value();
  Result<std::unique_ptr<search::SearchIndex>> existing = search::SearchIndex::Open(dir);
  if (!existing.ok()) {
    spdlog::warn("搜索索引 {} 无法打开（{}），正在从数据库重建", dir, existing.status().message());
  }
  Result<std::unique_ptr<search::SearchIndex>> index =
      search::EnsureIndex(*service->feed_, dir, LoggedBuild(dir));
  if (!index.ok()) return index.status();
  service->index_ = std::shared_ptr<search::SearchIndex>(std::move(index).value());
  service->last_apply_ms_ = SteadyMs();
  return service;
}

std::shared_ptr<search::SearchIndex> SearchService::index() {
  std::lock_guard<std::mutex> lock(index_mu_);
  return index_;
}

void SearchService::Start() {
  std::lock_guard<std::mutex> lock(stop_mu_);
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] { Loop(); });
}

void SearchService::Stop() {
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SearchService::Loop() {
  std::unique_lock<std::mutex> lock(stop_mu_);
  while (!stopping_) {
    stop_cv_.wait_for(lock, period_, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    if (SteadyMs() - last_apply_ms_ >= period_.count() / 2) {
      Result<search::OutboxApplied> applied = ApplyNow();
      if (!applied.ok() && applied.status().code() != ErrorCode::kConflict) {
        spdlog::warn("搜索索引 {}：应用变更队列失败：{}", dir_, applied.status().message());
      }
    }
    lock.lock();
  }
}

Result<search::OutboxApplied> SearchService::ApplyNow() {
  std::lock_guard<std::mutex> lock(apply_mu_);
  return ApplyLocked();
}

Result<search::OutboxApplied> SearchService::ApplyLocked() {
  if (!feed_) {
    Result<std::unique_ptr<SearchFeed>> feed = open_feed_();
    if (!feed.ok()) return feed.status();
    feed_ = std::move(feed).value();
  }
  Result<search::OutboxApplied> applied = index()->ApplyOutbox(*feed_);
  if (applied.ok()) {
    last_apply_ms_ = SteadyMs();
    if (applied->entries > 0) {
      if (on_change_) on_change_();
      spdlog::debug("搜索索引 {}：应用 {} 条变更（更新 {}，删除 {}）", dir_, applied->entries,
                    applied->upserted, applied->deleted);
    }
  } else if (applied.status().code() == ErrorCode::kStorage) {
    feed_.reset();  // a broken connection is reopened next time
  }
  return applied;
}

Status SearchService::RebuildLocked() {
  if (!feed_) {
    Result<std::unique_ptr<SearchFeed>> feed = open_feed_();
    if (!feed.ok()) return feed.status();
    feed_ = std::move(feed).value();
  }
  spdlog::warn("搜索索引 {} 不可读，正在从数据库重建", dir_);
  Result<std::unique_ptr<search::SearchIndex>> rebuilt =
      search::EnsureIndex(*feed_, dir_, LoggedBuild(dir_));
  if (!rebuilt.ok()) {
    feed_.reset();
    return rebuilt.status();
  }
  {
    std::lock_guard<std::mutex> lock(index_mu_);
    index_ = std::shared_ptr<search::SearchIndex>(std::move(rebuilt).value());
  }
  last_apply_ms_ = SteadyMs();
  return Status::Ok();
}

Result<search::SearchResults> SearchService::Search(std::string_view query,
                                                    const search::SearchFilters& filters,
                                                    search::SearchSort sort, int offset,
                                                    int limit) {
  if (SteadyMs() - last_apply_ms_ >= period_.count()) {
    // Not current enough: apply first (or wait for the apply in progress). A failure is
    // logged and the search answers from the index as it is.
    std::lock_guard<std::mutex> lock(apply_mu_);
    if (SteadyMs() - last_apply_ms_ >= period_.count()) {
      Result<search::OutboxApplied> applied = ApplyLocked();
      if (!applied.ok() && applied.status().code() != ErrorCode::kConflict) {
        spdlog::warn("搜索索引 {}：应用变更队列失败：{}", dir_, applied.status().message());
      }
    }
  }
  Result<search::SearchResults> results = index()->Search(query, filters, sort, offset, limit);
  if (results.ok() || (results.status().code() != ErrorCode::kStorage &&
                       results.status().code() != ErrorCode::kNotFound)) {
    return results;
  }
  // The index became unreadable (deleted or damaged on disk): rebuild it and try once more.
  spdlog::error("搜索索引 {} 检索失败：{}", dir_, results.status().message());
  {
    std::lock_guard<std::mutex> lock(apply_mu_);
    Status rebuilt = RebuildLocked();
    if (!rebuilt.ok()) return rebuilt;
  }
  return index()->Search(query, filters, sort, offset, limit);
}

}  // namespace gongkai::http
