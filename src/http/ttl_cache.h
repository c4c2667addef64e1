// A small thread-safe cache of values that may be a little stale: the catalog's facets (three
// GROUP BY queries over an agency's items) and the home page's latest items (a sort across all
// agencies) are read on every page view but change only when something is published. Entries
// live `ttl` seconds; at most `max_entries` are kept (the oldest stored goes first). Time is
// passed in (seconds on a monotonic clock).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <utility>

namespace gongkai::http {

template <typename Key, typename Value>
class TtlCache {
 public:
  // ttl <= 0 or max_entries == 0 disables the cache.
  TtlCache(double ttl_seconds, size_t max_entries) : ttl_(ttl_seconds), max_(max_entries) {}

  std::optional<Value> Get(const Key& key, double now) const {
    std::shared_lock<std::shared_mutex> lock(mu_);  // readers (every page view) share it
    auto it = entries_.find(key);
    if (it == entries_.end() || now - it->second.first >= ttl_) return std::nullopt;
    return it->second.second;
  }

  void Put(const Key& key, Value value, double now) {
    if (ttl_ <= 0 || max_ == 0) return;
    std::lock_guard<std::shared_mutex> lock(mu_);
    while (entries_.size() >= max_ && entries_.find(key) == entries_.end()) {
      auto oldest = entries_.begin();
      for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (it->second.first < oldest->second.first) oldest = it;
      }
      entries_.erase(oldest);
    }
    entries_[key] = {now, std::move(value)};
  }

 private:
  const double ttl_;
  const size_t max_;
  mutable std::shared_mutex mu_;
  std::map<Key, std::pair<double, Value>> entries_;  // key → (stored at, value)
};

}  // namespace gongkai::http
