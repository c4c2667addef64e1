// Rendered annual reports kept in memory for a while: building a report reads a whole
// agency-year, so the portal computes each (agency, year, type, day) once per `ttl` and serves
// the bytes from here. Least recently used entries go first beyond `max_entries`. Thread-safe;
// time is passed in (seconds on a monotonic clock). Published report snapshots will replace
// this for finished years.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gongkai::http {

class ReportCache {
 public:
  // max_entries 0 or ttl 0 disables caching.
  ReportCache(size_t max_entries, double ttl_seconds);

  // The bytes stored under `key` if they are younger than the ttl at `now`, else nullptr.
  std::shared_ptr<const std::string> Get(const std::string& key, double now);
  void Put(const std::string& key, std::shared_ptr<const std::string> bytes, double now);

  size_t size() const;

 private:
  struct Entry {
    std::shared_ptr<const std::string> bytes;
    double stored = 0;
    std::list<std::string>::iterator lru;  // position in lru_ (front = most recent)
  };
  const size_t max_entries_;
  const double ttl_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;
};

}  // namespace gongkai::http
