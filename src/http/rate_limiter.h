// A per-client rate limiter: one token bucket per client address. Thread-safe. Time is passed
// in (seconds on a monotonic clock), so tests drive it without sleeping.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gongkai::http {

class RateLimiter {
 public:
  // Each client may make `burst` requests at once and `rate` per second on average.
  // REQUIRES: rate > 0, burst >= 1, max_clients >= 1.
  RateLimiter(double rate, double burst, size_t max_clients);

  struct Decision {
    bool allowed = true;
    int retry_after_seconds = 0;  // when refused: seconds until a token is back (≥ 1)
  };

  // Takes a token from `client`'s bucket at time `now`.
  Decision Take(std::string_view client, double now);

  // Clients currently tracked (for tests and metrics).
  size_t tracked() const;

 private:
  struct Bucket {
    double tokens;
    double updated;
  };
  // Forgets clients whose bucket has refilled (idle ones); if all are busy, forgets all — a
  // flood of distinct addresses must not grow memory without bound.
  void Evict(double now);

  const double rate_, burst_;
  const size_t max_clients_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace gongkai::http
