#include "http/app.h"

namespace gongkai::http {

App::App(Site site, RepositoryPool::Opener open, size_t pool_size)
    : site_(std::move(site)),
      pool_(std::move(open), pool_size),
      reports_(static_cast<size_t>(site_.config.report_cache_entries),
               site_.config.report_cache_seconds),
      facets_(site_.config.listing_cache_seconds, 4096),
      latest_(site_.config.listing_cache_seconds, 4) {
  const RateLimitConfig& rl = site_.config.rate_limit;
  if (rl.enabled) limiter_.emplace(rl.requests_per_second, rl.burst, rl.max_clients);
  if (site_.static_files) {
    if (const StaticFile* css = site_.static_files->Find("css/site.css")) {
      css_version_ = css->etag.substr(1, 8);
    }
  }
}

double App::Now() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

Call::Call(App& app, const Request& request)
    : app_(app), request_(request), today_(app.site().today()) {}

Result<Repository*> Call::Repo() {
  if (!lease_) {
    Result<RepositoryPool::Lease> lease = app_.repositories().Acquire();
    if (!lease.ok()) return lease.status();
    lease_.emplace(std::move(lease).value());
  }
  return &**lease_;
}

void Call::DiscardRepo() {
  if (lease_) lease_->Discard();
}

bool Call::large_text() const {
  std::optional<std::string_view> v = request_.Cookie(kTextSizeCookie);
  return v && *v == "large";
}

}  // namespace gongkai::http
