// Database access from request handlers. A Repository wraps one SOCI session, which is not
// thread-safe, so each request borrows one from this pool for its duration and gives it back.
// The pool opens repositories lazily, up to `max_size` (the number of threads that run
// handlers — event loops and blocking pool — so none waits); a borrower beyond that waits until
// one is returned. A repository that reported a storage error (e.g. PostgreSQL restarted) is
// discarded rather than returned, so the next request opens a fresh connection.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/repository.h"
#include "core/status.h"

namespace gongkai::http {

class RepositoryPool {
 public:
  using Opener = std::function<Result<std::unique_ptr<Repository>>()>;

  // REQUIRES: max_size >= 1.
  RepositoryPool(Opener open, size_t max_size);

  // A borrowed repository; returned to the pool when destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), repo_(std::move(other.repo_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Repository* operator->() const { return repo_.get(); }
    Repository& operator*() const { return *repo_; }
    // Drops the repository instead of returning it (its connection may be broken).
    void Discard() { discard_ = true; }

   private:
    friend class RepositoryPool;
    Lease(RepositoryPool* pool, std::unique_ptr<Repository> repo)
        : pool_(pool), repo_(std::move(repo)) {}
    RepositoryPool* pool_;
    std::unique_ptr<Repository> repo_;
    bool discard_ = false;
  };

  // An idle repository, or a newly opened one; the opener's error (kStorage) if opening fails.
  Result<Lease> Acquire();

  size_t idle() const;

 private:
  void Return(std::unique_ptr<Repository> repo, bool discard);

  Opener open_;
  const size_t max_size_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Repository>> idle_;
  size_t open_count_ = 0;  // idle + lent
};

}  // namespace gongkai::http
