#include "http/report_cache.h"

namespace gongkai::http {

ReportCache::ReportCache(size_t max_entries, double ttl_seconds)
    : max_entries_(max_entries), ttl_(ttl_seconds) {}

std::shared_ptr<const std::string> ReportCache::Get(const std::string& key, double now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  if (now - it->second.stored >= ttl_) {
    lru_.erase(it->second.lru);
    entries_.erase(it);
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.bytes;
}

void ReportCache::Put(const std::string& key, std::shared_ptr<const std::string> bytes,
                      double now) {
  if (max_entries_ == 0 || ttl_ <= 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    it->second.bytes = std::move(bytes);
    it->second.stored = now;
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return;
  }
  while (entries_.size() >= max_entries_) {
    entries_.erase(lru_.back());
    lru_.pop_back();
  }
  lru_.push_front(key);
  entries_.emplace(key, Entry{std::move(bytes), now, lru_.begin()});
}

size_t ReportCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

}  // namespace gongkai::http
