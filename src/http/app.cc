#include "http/app.h"

namespace gongkai::http {

App::App(Site site, RepositoryPool::Opener open, size_t pool_size)
    : site_(std::move(site)),
      pool_(std::move(open), pool_size),
      reports_(static_cast<size_t>(site_.config.report_cache_entries),
               site_.config.report_cache_seconds),
      facets_(site_.config.listing_cache_seconds, 4096),
      latest_(site_.config.listing_cache_seconds, 4),
      pages_(site_.config.listing_cache_seconds, 2048) {
  const RateLimitConfig& rl = site_.config.rate_limit;
  if (rl.enabled) {
    limiter_.emplace(rl.requests_per_second, rl.burst, rl.max_clients);
    submissions_.emplace(1.0 / kSubmissionSeconds, kSubmissionBurst, rl.max_clients);
  }
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
    : app_(app),
      request_(request),
      today_(app.site().today()),
      now_(app.site().now ? app.site().now() : Timestamp{}) {}

Result<app::Services> Call::Services() {
  const Site& site = app_.site();
  if (!site.pii || !site.files || !site.notices || site.calendar == nullptr) {
    return Status(ErrorCode::kInternal, "服务未配置（缺少密钥、附件目录或文书模板）");
  }
  Result<Repository*> repo = Repo();
  if (!repo.ok()) return repo.status();
  app::Services s;
  s.repo = *repo;
  s.calendar = site.calendar;
  s.pii = site.pii.get();
  s.files = site.files.get();
  s.notices = site.notices.get();
  s.policy = site.policy;
  return s;
}

Result<app::Authenticated> Call::Staff() {
  if (!staff_) {
    std::optional<std::string_view> token = request_.Cookie(kSessionCookie);
    if (!token || token->empty()) {
      staff_ = Result<app::Authenticated>(
          Status(ErrorCode::kForbidden, "请先登录"));
    } else {
      Result<app::Services> s = Services();
      if (!s.ok()) {
        staff_ = Result<app::Authenticated>(s.status());
      } else {
        staff_ = app::Authenticate(*s, *token, request_.client, now_);
      }
    }
  }
  return *staff_;
}

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
