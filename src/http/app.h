// What request handlers share (App, built once at start) and what one request carries (Call).
// Handlers are functions `Response Handler(Call&)` listed in routes.cc; they parse, call one
// function, and render.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "app/accounts.h"
#include "app/services.h"
#include "check/check.h"
#include "core/calendar/work_calendar.h"
#include "core/timestamp.h"
#include "core/date.h"
#include "core/repository.h"
#include "http/config.h"
#include "http/rate_limiter.h"
#include "http/report_cache.h"
#include "http/repository_pool.h"
#include "http/request.h"
#include "http/response.h"
#include "http/static_files.h"
#include "http/templates.h"
#include "http/ttl_cache.h"
#include "report/format.h"

namespace gongkai::http {

// The cookie of the large-text (适老化) mode: "large" when on.
inline constexpr char kTextSizeCookie[] = "gk_text";
// The staff session cookie (console): the session token of app::Login.
inline constexpr char kSessionCookie[] = "gk_session";
// The anonymous CSRF cookie of public forms (double submit: the form carries the same value).
inline constexpr char kPublicCsrfCookie[] = "gk_form";

class SearchService;  // http/search_service.h

// The read-only parts, assembled by `gongkai serve` (cli/cmd_serve.cc).
struct Site {
  ServerConfig config;
  std::shared_ptr<const Templates> templates;
  std::shared_ptr<const StaticFiles> static_files;
  const WorkCalendar* calendar = nullptr;        // outlives the App
  std::map<std::string, const Format*> formats;  // "2008", "2019", "2021"; outlive the App
  // The miswritten-word list of the report check (data/check/miswritten.tsv, as `gongkai
  // check` uses it); nullptr skips the wording check.
  std::shared_ptr<const std::vector<check::MiswrittenWord>> miswritten;
  // "Today" for visibility and reports: the system date, or a fixed day (--today).
  std::function<Date()> today;
  std::string public_url;  // absolute, without a trailing slash (feeds, sitemap)
  // The instant of "now" for sessions, audit rows and the dates use cases record: the system
  // clock, or (with --today) that day at 09:00 China time plus the seconds since start.
  std::function<Timestamp()> now;
  // What the use cases of the console and the public forms need (app::Services without the
  // repository, which each request borrows from the pool).
  std::shared_ptr<const app::PiiCipher> pii;
  std::shared_ptr<const app::AttachmentStore> files;
  std::shared_ptr<const app::NoticeTemplates> notices;
  app::SecurityPolicy policy;
  // True when public_url is https:// (cookies are then Secure).
  bool secure_cookies = false;
  // The node's search index, kept current by its own thread (started and stopped by serve).
  // nullptr: the search page answers 503.
  std::shared_ptr<SearchService> search;
};

class App {
 public:
  // `open` opens one repository on the deployment's database; the pool holds up to
  // `pool_size` of them (one per worker thread).
  App(Site site, RepositoryPool::Opener open, size_t pool_size);

  const Site& site() const { return site_; }
  RepositoryPool& repositories() { return pool_; }
  ReportCache& reports() { return reports_; }
  // The catalog facets of (agency id, day) and the latest items of a day (ServerConfig::
  // listing_cache_seconds).
  TtlCache<std::pair<int64_t, int32_t>, CatalogFacets>& facets() { return facets_; }
  TtlCache<int32_t, std::vector<CatalogItem>>& latest() { return latest_; }
  // Catalog pages as rendered (key: agency, target, text size, day; portal/catalog.cc), reused
  // while the catalog version is the one they were rendered at, and for listing_cache_seconds
  // at most (changes that reach the database by other ways than this node's console or the
  // search outbox, such as `gongkai load`, show within that time).
  struct RenderedPage {
    uint64_t version = 0;
    std::shared_ptr<const std::string> body;
  };
  TtlCache<std::string, RenderedPage>& pages() { return pages_; }
  // The catalog version: bumped by every successful console POST on this node (server.cc) and
  // by every outbox apply that took in a change made on any node (search_service.h).
  uint64_t catalog_version() const { return catalog_version_.load(std::memory_order_acquire); }
  void CatalogChanged() { catalog_version_.fetch_add(1, std::memory_order_acq_rel); }
  // nullptr when rate limiting is disabled.
  RateLimiter* rate_limiter() { return limiter_ ? &*limiter_ : nullptr; }
  // Submissions of public forms (online applications) per client: a burst of
  // kSubmissionBurst, then one per kSubmissionSeconds. nullptr when rate limiting is disabled.
  static constexpr double kSubmissionBurst = 10;
  static constexpr double kSubmissionSeconds = 30;
  RateLimiter* submission_limiter() { return submissions_ ? &*submissions_ : nullptr; }
  // Seconds on a monotonic clock (caches, rate limiter).
  double Now() const;
  // The version suffix of the stylesheet URL (a hash of its bytes), for long-lived caching.
  const std::string& css_version() const { return css_version_; }

 private:
  Site site_;
  RepositoryPool pool_;
  ReportCache reports_;
  TtlCache<std::pair<int64_t, int32_t>, CatalogFacets> facets_;
  TtlCache<int32_t, std::vector<CatalogItem>> latest_;
  TtlCache<std::string, RenderedPage> pages_;
  std::atomic<uint64_t> catalog_version_{0};
  std::optional<RateLimiter> limiter_;
  std::optional<RateLimiter> submissions_;
  std::string css_version_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// One request being handled.
class Call {
 public:
  Call(App& app, const Request& request);

  App& app() { return app_; }
  const Site& site() const { return app_.site(); }
  const Request& request() const { return request_; }
  // "Today", read once per request.
  Date today() const { return today_; }
  // The request's repository, borrowed from the pool on first use and returned when the call
  // ends. kStorage if the database cannot be opened.
  Result<Repository*> Repo();
  // Marks the borrowed repository as broken (after a storage error), so it is not reused.
  void DiscardRepo();
  // True if the visitor chose the large-text (适老化) mode.
  bool large_text() const;
  // "Now", read once per request (Site::now).
  Timestamp now() const { return now_; }
  // The use-case services over the request's repository. kStorage if the database cannot be
  // opened, kInternal if the site was assembled without them.
  Result<app::Services> Services();
  // The signed-in staff member of the request's session cookie, checked once per request.
  // kForbidden "登录已失效，请重新登录" without a valid session (app::Authenticate).
  Result<app::Authenticated> Staff();
  // The public actor of this request (client address for the audit log).
  Actor PublicActor() const { return Actor::Public(request_.client); }

 private:
  App& app_;
  const Request& request_;
  Date today_;
  Timestamp now_;
  std::optional<RepositoryPool::Lease> lease_;
  std::optional<Result<app::Authenticated>> staff_;
};

}  // namespace gongkai::http
