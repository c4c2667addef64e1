// The rate limiter, the report cache and the repository pool (no sleeping: time is passed in).
#include <gtest/gtest.h>

#include "http/rate_limiter.h"
#include "http/report_cache.h"
#include "http/repository_pool.h"
#include "http/ttl_cache.h"

namespace gongkai::http {
namespace {

TEST(RateLimiterTest, BurstThenRefusesUntilRefilled) {
  RateLimiter limiter(/*rate=*/2, /*burst=*/3, /*max_clients=*/100);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Take("10.0.0.1", 0.0).allowed) << i;
  RateLimiter::Decision refused = limiter.Take("10.0.0.1", 0.0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 1);
  EXPECT_TRUE(limiter.Take("10.0.0.2", 0.0).allowed);   // another client has its own bucket
  EXPECT_FALSE(limiter.Take("10.0.0.1", 0.2).allowed);  // 0.4 of a token
  EXPECT_TRUE(limiter.Take("10.0.0.1", 0.6).allowed);   // 1.2 tokens
  EXPECT_TRUE(limiter.Take("10.0.0.1", 100).allowed);   // refilled to the burst, not beyond
  EXPECT_TRUE(limiter.Take("10.0.0.1", 100).allowed);
  EXPECT_TRUE(limiter.Take("10.0.0.1", 100).allowed);
  EXPECT_FALSE(limiter.Take("10.0.0.1", 100).allowed);
}

TEST(RateLimiterTest, ForgetsIdleClientsBeyondTheLimit) {
  RateLimiter limiter(1, 2, /*max_clients=*/3);
  for (int i = 0; i < 3; ++i) limiter.Take("c" + std::to_string(i), 0);
  EXPECT_EQ(limiter.tracked(), 3u);
  limiter.Take("late", 10);  // the others refilled: forgotten
  EXPECT_EQ(limiter.tracked(), 1u);
  for (int i = 0; i < 10; ++i) limiter.Take("busy" + std::to_string(i), 10);
  EXPECT_LE(limiter.tracked(), 3u);
}

TEST(ReportCacheTest, ExpiresAfterTtlAndEvictsLeastRecentlyUsed) {
  ReportCache cache(2, 10);
  auto bytes = [](const char* s) { return std::make_shared<const std::string>(s); };
  cache.Put("a", bytes("A"), 0);
  cache.Put("b", bytes("B"), 1);
  ASSERT_NE(cache.Get("a", 5), nullptr);  // a is now the most recent
  cache.Put("c", bytes("C"), 6);          // evicts b
  EXPECT_EQ(cache.Get("b", 6), nullptr);
  EXPECT_EQ(*cache.Get("a", 6), "A");
  EXPECT_EQ(*cache.Get("c", 6), "C");
  EXPECT_EQ(cache.Get("a", 10), nullptr);  // stored at 0, ttl 10
  EXPECT_EQ(cache.size(), 1u);
  ReportCache off(0, 10);
  off.Put("a", bytes("A"), 0);
  EXPECT_EQ(off.Get("a", 0), nullptr);
}

TEST(TtlCacheTest, ValuesExpireAndTheOldestGoesWhenFull) {
  TtlCache<int, std::string> cache(10, 2);
  cache.Put(1, "a", 0);
  cache.Put(2, "b", 1);
  EXPECT_EQ(*cache.Get(1, 9.9), "a");
  EXPECT_FALSE(cache.Get(1, 10));  // stored at 0, ttl 10
  cache.Put(3, "c", 2);            // full: 1, the oldest stored, goes
  EXPECT_FALSE(cache.Get(1, 2));
  EXPECT_EQ(*cache.Get(2, 2), "b");
  cache.Put(2, "b2", 3);  // replacing keeps the others
  EXPECT_EQ(*cache.Get(2, 3), "b2");
  EXPECT_EQ(*cache.Get(3, 3), "c");
  TtlCache<int, std::string> off(0, 10);
  off.Put(1, "a", 0);
  EXPECT_FALSE(off.Get(1, 0));
}

// A repository that only counts how many exist.
class CountedRepository : public Repository {
 public:
  explicit CountedRepository(int* alive) : alive_(alive) { ++*alive_; }
  ~CountedRepository() override { --*alive_; }
  Result<ImportSummary> Import(const Dataset&) override { return ImportSummary{}; }
  Result<std::vector<Agency>> ListAgencies() override { return std::vector<Agency>{}; }
  Result<Agency> FindAgency(std::string_view) override { return NotFound("x"); }
  Result<YearRecords> LoadYear(int64_t, int) override { return YearRecords{}; }
  Result<std::vector<int>> YearsWithRecords(int64_t) override { return std::vector<int>{}; }

 private:
  int* alive_;
};

TEST(RepositoryPoolTest, ReusesReturnedRepositoriesAndDropsDiscardedOnes) {
  int alive = 0, opened = 0;
  RepositoryPool pool(
      [&]() -> Result<std::unique_ptr<Repository>> {
        ++opened;
        return std::unique_ptr<Repository>(new CountedRepository(&alive));
      },
      2);
  Repository* first = nullptr;
  {
    auto a = pool.Acquire();
    ASSERT_TRUE(a.ok());
    first = &**a;
    auto b = pool.Acquire();
    ASSERT_TRUE(b.ok());
    EXPECT_NE(&**b, first);
    EXPECT_EQ(opened, 2);
  }
  EXPECT_EQ(pool.idle(), 2u);
  {
    auto c = pool.Acquire();
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(opened, 2);  // reused
    c->Discard();
  }
  EXPECT_EQ(pool.idle(), 1u);
  EXPECT_EQ(alive, 1);
  {
    auto d = pool.Acquire();
    auto e = pool.Acquire();  // one idle + one new
    EXPECT_EQ(opened, 3);
  }
}

TEST(RepositoryPoolTest, OpenFailureIsReturnedAndFreesTheSlot) {
  bool fail = true;
  int alive = 0;
  RepositoryPool pool(
      [&]() -> Result<std::unique_ptr<Repository>> {
        if (fail) return StorageError("无法连接 PostgreSQL 数据库");
        return std::unique_ptr<Repository>(new CountedRepository(&alive));
      },
      1);
  auto r = pool.Acquire();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kStorage);
  fail = false;
  EXPECT_TRUE(pool.Acquire().ok());  // the failed open did not use up the only slot
}

}  // namespace
}  // namespace gongkai::http
