#include "http/server.h"

#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <restinio/all.hpp>
#include <thread>

#include "http/page.h"
#include "http/routes.h"

namespace gongkai::http {
namespace {

using Clock = std::chrono::steady_clock;

// RESTinio's own diagnostics (accept failures, parse errors, timeouts) go to the server log.
class SpdlogLogger {
 public:
  template <typename Builder>
  void trace(Builder&&) const noexcept {}
  template <typename Builder>
  void info(Builder&&) const noexcept {}
  template <typename Builder>
  void warn(Builder&& message) const noexcept {
    Log(spdlog::level::debug, std::forward<Builder>(message));
  }
  template <typename Builder>
  void error(Builder&& message) const noexcept {
    Log(spdlog::level::warn, std::forward<Builder>(message));
  }

 private:
  template <typename Builder>
  static void Log(spdlog::level::level_enum level, Builder&& message) noexcept {
    try {
      spdlog::log(level, "RESTinio：{}", message());
    } catch (...) {
    }
  }
};

using Traits = restinio::traits_t<restinio::asio_timer_manager_t, SpdlogLogger>;
using Router = restinio::router::express_router_t<>;
using HttpServer = restinio::http_server_t<Traits>;

// The names of the ":name" parameters of an express pattern.
std::vector<std::string> ParamNames(std::string_view pattern) {
  std::vector<std::string> out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != ':') continue;
    size_t j = i + 1;
    while (j < pattern.size() &&
           (std::isalnum(static_cast<unsigned char>(pattern[j])) || pattern[j] == '_')) {
      ++j;
    }
    if (j > i + 1) out.emplace_back(pattern.substr(i + 1, j - i - 1));
    i = j - 1;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The request as handlers see it, without route parameters; path and query decoded (an error
// if they are malformed, with the rest of the request still filled in for the error page).
Status FillRequest(const restinio::request_handle_t& req, bool trust_xff, Request& r) {
  const auto& h = req->header();
  r.method = h.method().c_str();
  r.target = std::string(h.request_target());
  h.for_each_field([&](const restinio::http_header_field_t& f) {
    r.headers.emplace_back(Lower(f.name()), f.value());
  });
  if (std::optional<std::string_view> cookie = r.Header("cookie"))
    r.cookies = ParseCookies(*cookie);
  r.client = req->remote_endpoint().address().to_string();
  if (trust_xff) {
    if (std::optional<std::string_view> xff = r.Header("x-forwarded-for")) {
      std::string_view last = xff->substr(std::min(xff->size(), xff->rfind(',') + 1));
      while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
      while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
      if (!last.empty() && last.size() <= 64) r.client = std::string(last);
    }
  }
  r.body = req->body();
  Result<std::string> path = PercentDecode(h.path(), false, "网址路径");
  if (!path.ok()) return path.status();
  r.path = std::move(path).value();
  Result<std::vector<std::pair<std::string, std::string>>> query = ParseQuery(h.query());
  if (!query.ok()) return query.status();
  r.query = std::move(query).value();
  return Status::Ok();
}

class Server {
 public:
  Server(App& app, std::shared_ptr<spdlog::logger> access_log)
      : app_(app), config_(app.site().config), access_log_(std::move(access_log)) {
    BuildRouter();
  }

  Status Run(const std::function<void(const std::string&)>& on_listening);

 private:
  void BuildRouter();
  restinio::request_handling_status_t Admit(const restinio::request_handle_t& req);
  restinio::request_handling_status_t Handle(const restinio::request_handle_t& req,
                                             const restinio::router::route_params_t* params,
                                             const std::vector<std::string>& names,
                                             Handler handler);
  restinio::request_handling_status_t Send(const restinio::request_handle_t& req, const Request& r,
                                           Response response);
  void Finished();
  bool WaitIdle(std::chrono::seconds timeout);

  App& app_;
  const ServerConfig& config_;
  std::shared_ptr<spdlog::logger> access_log_;
  std::unique_ptr<Router> router_ = std::make_unique<Router>();
  std::atomic<bool> draining_{false};
  std::mutex mu_;
  std::condition_variable idle_;
  int in_flight_ = 0;  // requests admitted whose response is not yet written
  // When the current request arrived (handlers run synchronously on the worker's thread).
  static thread_local Clock::time_point started_;
};

thread_local Clock::time_point Server::started_;

void Server::BuildRouter() {
  using restinio::http_method_get;
  using restinio::http_method_head;
  using restinio::http_method_post;
  std::map<std::string, std::vector<std::string>> methods;  // pattern → methods, in order
  std::vector<std::string> patterns;
  for (const Route& route : Routes()) {
    const std::vector<std::string> names = ParamNames(route.pattern);
    const Handler handler = route.handler;
    auto h = [this, names, handler](restinio::request_handle_t req,
                                    restinio::router::route_params_t params) {
      return Handle(req, &params, names, handler);
    };
    const std::string method = route.method;
    if (method == "GET") {
      router_->add_handler(restinio::router::any_of_methods(http_method_get(), http_method_head()),
                           route.pattern, std::move(h));
    } else if (method == "POST") {
      router_->add_handler(http_method_post(), route.pattern, std::move(h));
    }
    if (methods.find(route.pattern) == methods.end()) patterns.push_back(route.pattern);
    methods[route.pattern].push_back(method);
  }
  // A known path asked with another method: 405 with the methods it has.
  for (const std::string& pattern : patterns) {
    std::string allow;
    restinio::router::dynamic_none_of_methods_matcher_t others;
    for (const std::string& m : methods[pattern]) {
      allow += (allow.empty() ? "" : ", ") + m;
      if (m == "GET") {
        others.add(http_method_get());
        others.add(http_method_head());
        allow += ", HEAD";
      } else if (m == "POST") {
        others.add(http_method_post());
      }
    }
    router_->add_handler(
        std::move(others), pattern, [this, allow](restinio::request_handle_t req, auto) {
          Request r;
          (void)FillRequest(req, config_.trust_x_forwarded_for, r);
          Call call(app_, r);
          Response resp = ErrorPage(call, 405, "此地址不支持 " + r.method + " 请求");
          resp.AddHeader("Allow", allow);
          return Send(req, r, std::move(resp));
        });
  }
  router_->non_matched_request_handler(
      [this](restinio::request_handle_t req) { return Handle(req, nullptr, {}, nullptr); });
}

restinio::request_handling_status_t Server::Admit(const restinio::request_handle_t& req) {
  started_ = Clock::now();
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++in_flight_;
  }
  Request r;
  const Status filled = FillRequest(req, config_.trust_x_forwarded_for, r);
  Call call(app_, r);
  if (RateLimiter* limiter = app_.rate_limiter()) {
    const RateLimiter::Decision d = limiter->Take(r.client, app_.Now());
    if (!d.allowed) {
      Response resp = ErrorPage(call, 429,
                                "来自您的地址的请求过于频繁，请在 " +
                                    std::to_string(d.retry_after_seconds) + " 秒后再试");
      resp.AddHeader("Retry-After", std::to_string(d.retry_after_seconds));
      return Send(req, r, std::move(resp));
    }
  }
  if (r.target.size() > config_.limits.max_url_bytes) {
    return Send(
        req, r,
        ErrorPage(call, 414,
                  "网址过长：最多 " + std::to_string(config_.limits.max_url_bytes) + " 字节"));
  }
  // Console uploads (multipart posts under /console/) may carry one attachment of up to
  // max_upload_bytes; every other request keeps the general body limit.
  size_t body_limit = config_.limits.max_body_bytes;
  if (r.path.rfind("/console/", 0) == 0) {
    if (std::optional<std::string_view> ct = r.Header("content-type");
        ct && ct->rfind("multipart/form-data", 0) == 0) {
      body_limit = std::max(body_limit, static_cast<size_t>(config_.max_upload_bytes) + 64 * 1024);
    }
  }
  if (r.body.size() > body_limit) {
    return Send(req, r,
                ErrorPage(call, 413,
                          "请求内容过大：最多 " + std::to_string(body_limit / 1024) + " KB"));
  }
  if (!filled.ok()) return Send(req, r, ErrorPage(call, 400, filled.message()));
  try {
    const restinio::request_handling_status_t status = (*router_)(req);
    if (status == restinio::request_not_handled()) Finished();
    return status;
  } catch (const std::exception& e) {
    // The router rejects what the checks above let through only on a bug; answer anyway.
    spdlog::error("路由 {} 失败：{}", r.target, e.what());
    return Send(req, r, ErrorPage(call, 400, "无法解析请求的网址"));
  }
}

restinio::request_handling_status_t Server::Handle(const restinio::request_handle_t& req,
                                                   const restinio::router::route_params_t* params,
                                                   const std::vector<std::string>& names,
                                                   Handler handler) {
  Request r;
  Status st = FillRequest(req, config_.trust_x_forwarded_for, r);
  if (st.ok() && params != nullptr) {
    for (const std::string& name : names) {
      if (!params->has(name)) continue;
      Result<std::string> value = PercentDecode((*params)[name], false, "网址中的“" + name + "”");
      if (!value.ok()) {
        st = value.status();
        break;
      }
      r.route.emplace(name, std::move(value).value());
    }
  }
  Call call(app_, r);
  if (!st.ok()) return Send(req, r, ErrorPage(call, 400, st.message()));
  if (handler == nullptr) {
    return Send(req, r, ErrorPage(call, 404, "本站没有这个网址：" + r.path));
  }
  Response resp;
  try {
    resp = handler(call);
    if (resp.status >= 500) call.DiscardRepo();
    // A console change that went through may change public pages: cached ones are dropped.
    if (r.method == "POST" && resp.status < 400 && r.path.rfind("/console/", 0) == 0) {
      app_.CatalogChanged();
    }
  } catch (const std::exception& e) {
    spdlog::error("{} {} 处理失败：{}", r.method, r.target, e.what());
    call.DiscardRepo();
    resp = ErrorPage(call, 500, "处理请求时出错，已记录在服务器日志中。请稍后再试。");
  }
  return Send(req, r, std::move(resp));
}

restinio::request_handling_status_t Server::Send(const restinio::request_handle_t& req,
                                                 const Request& r, Response resp) {
  const bool head = req->header().method() == restinio::http_method_head();
  const size_t bytes = resp.body.size();
  restinio::http_status_line_t status_line{
      restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)},
      ReasonPhrase(resp.status)};
  auto fill = [&](auto& builder) {
    builder.append_header_date_field();
    builder.append_header(restinio::http_field::content_type, resp.content_type);
    for (auto& [name, value] : SecurityHeaders(resp.csp)) builder.append_header(name, value);
    for (auto& [name, value] : resp.headers) builder.append_header(name, value);
    if (draining_) builder.connection_close();
  };
  // Logged before the response is handed over, so the line is there when the client has it.
  if (access_log_) {
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
    std::string target = r.target.empty() ? std::string(req->header().request_target()) : r.target;
    std::replace(target.begin(), target.end(), '"', '\'');
    access_log_->info("{} \"{} {}\" {} {} {:.1f}ms", r.client, r.method, target, resp.status,
                      head ? 0 : bytes, ms);
  }
  auto done = [this](const restinio::asio_ns::error_code&) { Finished(); };
  if (head || resp.status == 304) {
    auto builder = req->create_response<restinio::user_controlled_output_t>(status_line);
    fill(builder);
    if (head) builder.set_content_length(bytes);
    builder.done(done);
  } else {
    auto builder = req->create_response(status_line);
    fill(builder);
    builder.set_body(std::move(resp.body));
    builder.done(done);
  }
  return restinio::request_accepted();
}

void Server::Finished() {
  std::lock_guard<std::mutex> lock(mu_);
  if (--in_flight_ == 0) idle_.notify_all();
}

bool Server::WaitIdle(std::chrono::seconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return idle_.wait_for(lock, timeout, [&] { return in_flight_ <= 0; });
}

Status Server::Run(const std::function<void(const std::string&)>& on_listening) {
  Result<ListenAddress> addr = ParseListen(config_.listen);
  if (!addr.ok()) return addr.status();
  const size_t threads = config_.threads > 0
                             ? static_cast<size_t>(config_.threads)
                             : std::max<size_t>(2, std::thread::hardware_concurrency());

  // The signals are taken by sigwait below, never delivered to a worker thread.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const LimitsConfig& limits = config_.limits;
  HttpServer server{
      restinio::own_io_context(),
      restinio::server_settings_t<Traits>{}
          .port(addr->port)
          .address(addr->host)
          .request_handler([this](restinio::request_handle_t req) { return Admit(req); })
          .read_next_http_message_timelimit(std::chrono::seconds(30))
          .write_http_response_timelimit(std::chrono::seconds(60))
          .handle_request_timeout(std::chrono::seconds(120))
          .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                        .max_url_size(2 * limits.max_url_bytes)
                                        .max_field_value_size(limits.max_header_bytes)
                                        .max_field_name_size(1024)
                                        .max_field_count(limits.max_header_count)
                                        .max_body_size(
                                            2 * std::max(limits.max_body_bytes,
                                                         static_cast<size_t>(
                                                             config_.max_upload_bytes) +
                                                             64 * 1024) +
                                            1024))};

  restinio::on_pool_runner_t<HttpServer> runner{threads, server};
  std::promise<void> started;
  std::future<void> started_future = started.get_future();
  runner.start([&started]() noexcept { started.set_value(); },
               [&started](std::exception_ptr ex) noexcept { started.set_exception(ex); });
  try {
    started_future.get();
  } catch (const std::exception& e) {
    runner.stop();
    runner.wait();
    return InvalidInput("无法监听 " + config_.listen + "：" + e.what());
  }
  const bool v6 = addr->host.find(':') != std::string::npos;
  on_listening("http://" + (v6 ? "[" + addr->host + "]" : addr->host) + ":" +
               std::to_string(addr->port) + "/");

  int sig = 0;
  while (sigwait(&signals, &sig) != 0 || (sig != SIGTERM && sig != SIGINT)) {
  }
  spdlog::info("收到 {}，停止接受新连接，等待处理中的请求完成",
               sig == SIGTERM ? "SIGTERM" : "SIGINT");
  draining_ = true;
  std::promise<void> closed;
  std::future<void> closed_future = closed.get_future();
  server.close_async([&closed]() noexcept { closed.set_value(); },
                     [&closed](std::exception_ptr) noexcept { closed.set_value(); });
  closed_future.wait();
  if (!WaitIdle(std::chrono::seconds(config_.shutdown_timeout_seconds))) {
    spdlog::warn("等待 {} 秒后仍有请求未完成，强制停止", config_.shutdown_timeout_seconds);
  }
  runner.stop();
  runner.wait();
  spdlog::info("已停止");
  return Status::Ok();
}

}  // namespace

Status Serve(App& app, std::shared_ptr<spdlog::logger> access_log,
             const std::function<void(const std::string& url)>& on_listening) {
  Server server(app, std::move(access_log));
  return server.Run(on_listening);
}

}  // namespace gongkai::http
