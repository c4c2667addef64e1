// gongkai serve [--listen HOST:PORT] [--config FILE] [--threads N]: the web front door (public
// portal) on the database of --db, until SIGTERM or SIGINT.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "app/attachment_store.h"
#include "app/clock.h"
#include "app/notice_templates.h"
#include "app/pii.h"
#include "check/check.h"
#include "cli/context.h"
#include "http/app.h"
#include "http/config.h"
#include "http/search_service.h"
#include "http/server.h"

namespace gongkai::cli {
namespace {

struct ServeArgs {
  std::string listen;
  std::string config;
  int threads = -1;
};

bool EnvSet(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

int Run(CLI::App& root, Context& ctx, const ServeArgs& args) {
  http::ServerConfig config;
  if (!args.config.empty()) {
    Result<std::string> text = ReadFile(args.config);
    if (!text.ok()) return Fail(text.status());
    Result<http::ServerConfig> parsed = http::ParseServerConfig(*text, args.config);
    if (!parsed.ok()) return Fail(parsed.status());
    config = std::move(parsed).value();
  }
  if (!args.listen.empty()) config.listen = args.listen;
  if (args.threads >= 0) config.threads = args.threads;
  if (Result<http::ListenAddress> l = http::ParseListen(config.listen); !l.ok()) {
    return Fail(l.status().WithContext("--listen"));
  }

  // The command line and the environment win over the configuration file.
  GlobalOptions options = ctx.options();
  if (root.get_option("--db")->count() == 0 && !EnvSet("GONGKAI_DB") && !config.db.empty()) {
    options.db_url = config.db;
  }
  if (options.data_dir.empty() && !EnvSet("GONGKAI_DATA") && !config.data_dir.empty()) {
    options.data_dir = config.data_dir;
  }
  Context serve_ctx(options);

  Result<const WorkCalendar*> cal = serve_ctx.Calendar();
  if (!cal.ok()) return Fail(cal.status());
  http::Site site;
  site.calendar = *cal;
  for (const char* id : {"2008", "2019", "2021"}) {
    Result<const Format*> fmt = serve_ctx.FormatById(id);
    if (!fmt.ok()) return Fail(fmt.status());
    site.formats[id] = *fmt;
  }
  {  // The report check's miswritten-word list, as `gongkai check` loads it.
    const std::string path = serve_ctx.DataDir() + "/check/miswritten.tsv";
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) return Fail(text.status());
    Result<std::vector<check::MiswrittenWord>> words = check::ParseMiswrittenList(*text, path);
    if (!words.ok()) return Fail(words.status());
    site.miswritten =
        std::make_shared<const std::vector<check::MiswrittenWord>>(std::move(words).value());
  }
  Result<Date> fixed_today = serve_ctx.Today();
  if (!fixed_today.ok()) return Fail(fixed_today.status());
  if (!options.today.empty()) {
    const Date day = *fixed_today;
    site.today = [day] { return day; };
  } else {
    site.today = [] {
      const std::time_t now = std::time(nullptr);
      std::tm local{};
      localtime_r(&now, &local);
      return Date::FromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
    };
  }

  // "Now": the system clock, or with --today that day at 09:00 China time plus the seconds
  // since start (so sessions still expire).
  if (!options.today.empty()) {
    const int64_t base = static_cast<int64_t>(fixed_today->days()) * 86400 + 3600;  // 09:00 CST
    const int64_t started = app::SystemNow().unix_seconds;
    site.now = [base, started] {
      return Timestamp::FromUnix(base + (app::SystemNow().unix_seconds - started));
    };
  } else {
    site.now = [] { return app::SystemNow(); };
  }

  // The console's and the public forms' services: the applicant-data key, the attachment
  // files, the notice wording.
  Result<app::PiiCipher> pii = app::PiiCipher::OpenKeyFile(config.pii_key_file);
  if (!pii.ok()) return Fail(pii.status().WithContext("pii_key_file"));
  site.pii = std::make_shared<const app::PiiCipher>(std::move(pii).value());
  site.files = std::make_shared<const app::AttachmentStore>(config.attachments_dir);
  const std::string notices_dir =
      config.notices_dir.empty() ? serve_ctx.DataDir() + "/notices" : config.notices_dir;
  Result<app::NoticeTemplates> notices = app::NoticeTemplates::LoadDir(notices_dir);
  if (!notices.ok()) return Fail(notices.status());
  site.notices = std::make_shared<const app::NoticeTemplates>(std::move(notices).value());
  site.policy.session_idle_seconds = int64_t{config.session_timeout_minutes} * 60;
  site.policy.max_attachment_bytes = config.max_upload_bytes;
  site.secure_cookies = config.public_url.rfind("https://", 0) == 0;

  const std::string web = GONGKAI_SOURCE_WEB_DIR;
  Result<std::shared_ptr<const http::Templates>> templates = http::Templates::Load(
      config.templates_dir.empty() ? web + "/templates" : config.templates_dir);
  if (!templates.ok()) return Fail(templates.status());
  Result<std::shared_ptr<const http::StaticFiles>> statics =
      http::StaticFiles::Load(config.static_dir.empty() ? web + "/static" : config.static_dir);
  if (!statics.ok()) return Fail(statics.status());
  site.templates = *templates;
  site.static_files = *statics;

  // Open the database once now, so a wrong URL or a newer schema fails at start, not on the
  // first request; migrations are applied here too.
  const std::string db_url = options.db_url;
  // One SQLite connection per worker thread (and one for the search outbox): a small page cache
  // each and no memory map, so the resident set stays bounded however large the database is
  // (issue 3: ≤ 150 MB with 1,000,000 items; bench/http/rss_1m.sh).
  SetSqliteMemory({.cache_kib = 4096, .mmap_bytes = 0});
  {
    Result<std::unique_ptr<Repository>> probe = OpenRepository(db_url);
    if (!probe.ok()) return Fail(probe.status());
  }
  site.public_url = config.public_url.empty() ? "http://" + config.listen : config.public_url;
  while (!site.public_url.empty() && site.public_url.back() == '/') site.public_url.pop_back();

  Result<std::unique_ptr<http::AccessLog>> access = http::AccessLog::Open(config.access_log);
  if (!access.ok()) return Fail(access.status());
  // The server's own log (start, stop, errors with their detail) goes to standard error.
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "gongkai", std::make_shared<spdlog::sinks::stderr_sink_mt>()));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S%z [%l] %v");

  // The node's search index: opened (rebuilt from the database if missing or damaged) and kept
  // current from the search outbox by its own thread until the server stops.
  {
    Result<std::unique_ptr<http::SearchService>> search = http::SearchService::Open(
        config.search_index_dir, [db_url] { return OpenSearchFeed(db_url); },
        config.search_apply_seconds);
    if (search.ok()) {
      site.search = std::shared_ptr<http::SearchService>(std::move(search).value());
    } else {
      spdlog::error("搜索索引 {} 无法打开或重建，检索页暂不可用：{}", config.search_index_dir,
                    search.status().message());
    }
  }

  const size_t threads = config.EventLoops();
  site.config = config;
  std::shared_ptr<http::SearchService> search = site.search;
  // Handlers run on the `threads` event loops and on as many blocking-pool threads (server.h):
  // one database session each at most, so none waits for another.
  http::App app(
      std::move(site), [db_url] { return OpenRepository(db_url); }, 2 * threads);
  if (search) {
    // Catalog changes made on any node reach this one through the outbox: cached pages go.
    search->OnChange([&app] { app.CatalogChanged(); });
    search->Start();
  }
  Status st = http::Serve(app, access->get(), [&](const std::string& url) {
    std::cout << "gongkai serve：正在监听 " << url << "（数据库 " << db_url << "，" << threads
              << " 个事件循环线程，另有 " << threads << " 个线程处理较慢的请求；按 Ctrl-C 停止）" << std::endl;
  });
  if (search) search->Stop();
  if (!st.ok()) return Fail(st);
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& ctx, int* exit_code) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "启动网站（公众门户：机关、政府信息公开指南、目录、年报、订阅），直到收到 SIGTERM 或 Ctrl-C");
  cmd->add_option("--listen", args->listen,
                  "监听地址 HOST:PORT，默认 127.0.0.1:8080（或配置文件的 listen）");
  cmd->add_option("--config", args->config,
                  "JSON 配置文件（所有键见 config/gongkai.example.json）");
  cmd->add_option("--threads", args->threads, "工作线程数，0 表示按 CPU 核数")
      ->check(CLI::Range(0, 1024));
  cmd->callback([&app, &ctx, args, exit_code] { *exit_code = Run(app, ctx, *args); });
}

}  // namespace gongkai::cli
