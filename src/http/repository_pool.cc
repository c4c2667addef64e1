#include "http/repository_pool.h"

namespace gongkai::http {

RepositoryPool::RepositoryPool(Opener open, size_t max_size)
    : open_(std::move(open)), max_size_(max_size) {}

RepositoryPool::Lease::~Lease() {
  if (pool_ != nullptr && repo_ != nullptr) pool_->Return(std::move(repo_), discard_);
}

Result<RepositoryPool::Lease> RepositoryPool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return !idle_.empty() || open_count_ < max_size_; });
  if (!idle_.empty()) {
    std::unique_ptr<Repository> repo = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(repo));
  }
  ++open_count_;
  lock.unlock();
  // Opening (connecting, migrating) happens outside the lock: other borrowers go on.
  Result<std::unique_ptr<Repository>> repo = open_();
  if (!repo.ok()) {
    lock.lock();
    --open_count_;
    cv_.notify_one();
    return repo.status();
  }
  return Lease(this, std::move(repo).value());
}

size_t RepositoryPool::idle() const {
  std::lock_guard<std::mutex> lock(mu_);
  return idle_.size();
}

void RepositoryPool::Return(std::unique_ptr<Repository> repo, bool discard) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (discard) {
      --open_count_;
    } else {
      idle_.push_back(std::move(repo));
    }
  }
  cv_.notify_one();
  // A discarded repository closes its connection here, outside the lock.
}

}  // namespace gongkai::http
