#include "http/server.h"

#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <future>
#include <mutex>
#include <restinio/all.hpp>
#include <thread>

#include "http/page.h"
#include "http/router.h"
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

// Each event loop is one thread with its own io_context: no strands, no hand-over between
// threads (see Server::Run).
using Traits = restinio::single_thread_traits_t<restinio::asio_timer_manager_t, SpdlogLogger>;
using HttpServer = restinio::http_server_t<Traits>;

// "Sun, 29 Nov 2026 04:40:00 GMT" for the Date header, formatted once per second per thread.
std::string_view HttpDate() {
  thread_local std::time_t cached = -1;
  thread_local char text[40];
  thread_local size_t length = 0;
  const std::time_t now = std::time(nullptr);
  if (now != cached) {
    struct tm tm {};
    gmtime_r(&now, &tm);
    length = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached = now;
  }
  return {text, length};
}

// The peer's address as text; IPv4 without inet_ntop's sprintf (this runs on every request).
std::string ClientAddress(const restinio::asio_ns::ip::address& address) {
  if (!address.is_v4()) return address.to_string();
  const auto bytes = address.to_v4().to_bytes();
  std::string out;
  out.reserve(15);
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i > 0) out += '.';
    const unsigned v = bytes[i];
    if (v >= 100) out += static_cast<char>('0' + v / 100);
    if (v >= 10) out += static_cast<char>('0' + v / 10 % 10);
    out += static_cast<char>('0' + v % 10);
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
  r.client = ClientAddress(req->remote_endpoint().address());
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
  Server(App& app, AccessLog* access_log)
      : app_(app),
        config_(app.site().config),
        access_log_(access_log),
        router_(Routes()) {}

  Status Run(const std::function<void(const std::string&)>& on_listening);

 private:
  restinio::request_handling_status_t Admit(const restinio::request_handle_t& req);
  Response Handle(Call& call, Request& r, Handler handler);
  restinio::request_handling_status_t Send(const restinio::request_handle_t& req, const Request& r,
                                           Response response, Clock::time_point started);
  void Finished();
  bool WaitIdle(std::chrono::seconds timeout);

  App& app_;
  const ServerConfig& config_;
  AccessLog* const access_log_;
  const Router router_;
  std::atomic<bool> draining_{false};
  std::atomic<int> in_flight_{0};  // requests admitted whose response is not yet written
  std::mutex mu_;                  // for idle_, which WaitIdle waits on once draining
  std::condition_variable idle_;
  // Runs the slow routes' handlers (Route::slow, every POST) off the event loops.
  std::unique_ptr<restinio::asio_ns::thread_pool> blocking_;
};

restinio::request_handling_status_t Server::Admit(const restinio::request_handle_t& req) {
  const Clock::time_point started = Clock::now();
  in_flight_.fetch_add(1, std::memory_order_relaxed);
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
      return Send(req, r, std::move(resp), started);
    }
  }
  if (r.target.size() > config_.limits.max_url_bytes) {
    return Send(
        req, r,
        ErrorPage(call, 414,
                  "网址过长：最多 " + std::to_string(config_.limits.max_url_bytes) + " 字节"),
        started);
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
                          "请求内容过大：最多 " + std::to_string(body_limit / 1024) + " KB"),
                started);
  }
  if (!filled.ok()) return Send(req, r, ErrorPage(call, 400, filled.message()), started);

  Router::Match match = router_.Find(r.method, req->header().path());
  switch (match.kind) {
    case Router::Match::Kind::kNotFound:
      return Send(req, r, ErrorPage(call, 404, "本站没有这个网址：" + r.path), started);
    case Router::Match::Kind::kWrongMethod: {
      Response resp = ErrorPage(call, 405, "此地址不支持 " + r.method + " 请求");
      resp.AddHeader("Allow", match.allow);
      return Send(req, r, std::move(resp), started);
    }
    case Router::Match::Kind::kFound:
      break;
  }
  for (auto& [name, raw] : match.params) {
    Result<std::string> value = PercentDecode(raw, false, "网址中的“" + name + "”");
    if (!value.ok()) {
      return Send(req, r, ErrorPage(call, 400, value.status().message()), started);
    }
    r.route.emplace(name, std::move(value).value());
  }
  const Route& route = *match.route;
  if (route.slow || r.method == "POST") {
    auto request = std::make_shared<Request>(std::move(r));
    restinio::asio_ns::post(*blocking_, [this, req, request, handler = route.handler, started] {
      try {
        Call slow_call(app_, *request);
        Response resp = Handle(slow_call, *request, handler);
        Send(req, *request, std::move(resp), started);
      } catch (const std::exception& e) {  // never out of a pool thread (that would terminate)
        spdlog::error("{} {} 的响应未能发出：{}", request->method, request->target, e.what());
        Finished();
      }
    });
    return restinio::request_accepted();
  }
  Response resp = Handle(call, r, route.handler);
  return Send(req, r, std::move(resp), started);
}

// Runs the route's handler; an exception or a storage failure is answered 500 and logged.
Response Server::Handle(Call& call, Request& r, Handler handler) {
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
  return resp;
}

restinio::request_handling_status_t Server::Send(const restinio::request_handle_t& req,
                                                 const Request& r, Response resp,
                                                 Clock::time_point started) {
  const bool head = req->header().method() == restinio::http_method_head();
  const size_t bytes = resp.shared_body ? resp.shared_body->size() : resp.body.size();
  restinio::http_status_line_t status_line{
      restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)},
      ReasonPhrase(resp.status)};
  auto fill = [&](auto& builder) {
    builder.append_header(restinio::http_field::date, std::string(HttpDate()));
    builder.append_header(restinio::http_field::content_type, resp.content_type);
    for (auto& [name, value] : SecurityHeaders(resp.csp)) {
      builder.append_header(std::string(name), std::string(value));
    }
    for (auto& [name, value] : resp.headers) builder.append_header(name, value);
    if (draining_) builder.connection_close();
  };
  // Logged before the response is handed over, so the line is there when the client has it.
  if (access_log_) {
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    access_log_->Write(r.client, r.method,
                       r.target.empty() ? req->header().request_target() : r.target, resp.status,
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
    if (resp.shared_body) {
      builder.set_body(std::move(resp.shared_body));
    } else {
      builder.set_body(std::move(resp.body));
    }
    builder.done(done);
  }
  return restinio::request_accepted();
}

void Server::Finished() {
  if (in_flight_.fetch_sub(1, std::memory_order_acq_rel) == 1 && draining_) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.notify_all();
  }
}

bool Server::WaitIdle(std::chrono::seconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return idle_.wait_for(lock, timeout, [&] { return in_flight_.load() <= 0; });
}

Status Server::Run(const std::function<void(const std::string&)>& on_listening) {
  Result<ListenAddress> addr = ParseListen(config_.listen);
  if (!addr.ok()) return addr.status();
  const size_t threads = config_.EventLoops();

  // The signals are taken by sigwait below, never delivered to a worker thread.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  blocking_ = std::make_unique<restinio::asio_ns::thread_pool>(threads);

  // The port is taken once without SO_REUSEPORT, so that a port in use (also by another
  // gongkai) is an error here, and port 0 becomes one port for every loop.
  uint16_t port = addr->port;
  try {
    restinio::asio_ns::io_context probe_context;
    restinio::asio_ns::ip::tcp::acceptor probe(
        probe_context,
        restinio::asio_ns::ip::tcp::endpoint(restinio::asio_ns::ip::make_address(addr->host),
                                             addr->port));
    port = probe.local_endpoint().port();
  } catch (const std::exception& e) {
    return InvalidInput("无法监听 " + config_.listen + "：" + e.what());
  }

  // One event loop per thread, each with its own listening socket on the same port
  // (SO_REUSEPORT: the kernel spreads new connections over them), as nginx's workers do.
  const LimitsConfig& limits = config_.limits;
  using ReusePort = restinio::asio_ns::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;
  std::vector<std::unique_ptr<HttpServer>> servers;
  std::vector<std::unique_ptr<restinio::on_pool_runner_t<HttpServer>>> runners;
  auto stop_all = [&] {
    for (auto& runner : runners) {
      runner->stop();
      runner->wait();
    }
    // A handler still running (only after the shutdown timeout) finishes; queued ones are
    // dropped. Its response then goes to a stopped loop and is never written.
    blocking_->stop();
    blocking_->join();
  };
  for (size_t i = 0; i < threads; ++i) {
    servers.push_back(std::make_unique<HttpServer>(
        restinio::own_io_context(),
        restinio::server_settings_t<Traits>{}
            .port(port)
            .address(addr->host)
            .acceptor_options_setter([](restinio::acceptor_options_t& options) {
              options.set_option(restinio::asio_ns::ip::tcp::acceptor::reuse_address(true));
              options.set_option(ReusePort(true));
            })
            .request_handler([this](restinio::request_handle_t req) { return Admit(req); })
            .read_next_http_message_timelimit(std::chrono::seconds(30))
            .write_http_response_timelimit(std::chrono::seconds(60))
            .handle_request_timeout(std::chrono::seconds(120))
            .incoming_http_msg_limits(
                restinio::incoming_http_msg_limits_t{}
                    .max_url_size(2 * limits.max_url_bytes)
                    .max_field_value_size(limits.max_header_bytes)
                    .max_field_name_size(1024)
                    .max_field_count(limits.max_header_count)
                    .max_body_size(2 * std::max(limits.max_body_bytes,
                                                static_cast<size_t>(config_.max_upload_bytes) +
                                                    64 * 1024) +
                                   1024))));
    runners.push_back(
        std::make_unique<restinio::on_pool_runner_t<HttpServer>>(1, *servers.back()));
    std::promise<void> started;
    std::future<void> started_future = started.get_future();
    runners.back()->start(
        [&started]() noexcept { started.set_value(); },
        [&started](std::exception_ptr ex) noexcept { started.set_exception(ex); });
    try {
      started_future.get();
    } catch (const std::exception& e) {
      stop_all();
      return InvalidInput("无法监听 " + config_.listen + "：" + e.what());
    }
  }
  const bool v6 = addr->host.find(':') != std::string::npos;
  on_listening("http://" + (v6 ? "[" + addr->host + "]" : addr->host) + ":" +
               std::to_string(port) + "/");

  int sig = 0;
  while (sigwait(&signals, &sig) != 0 || (sig != SIGTERM && sig != SIGINT)) {
  }
  spdlog::info("收到 {}，停止接受新连接，等待处理中的请求完成",
               sig == SIGTERM ? "SIGTERM" : "SIGINT");
  draining_ = true;
  for (auto& server : servers) {
    std::promise<void> closed;
    std::future<void> closed_future = closed.get_future();
    server->close_async([&closed]() noexcept { closed.set_value(); },
                        [&closed](std::exception_ptr) noexcept { closed.set_value(); });
    closed_future.wait();
  }
  if (!WaitIdle(std::chrono::seconds(config_.shutdown_timeout_seconds))) {
    spdlog::warn("等待 {} 秒后仍有请求未完成，强制停止", config_.shutdown_timeout_seconds);
  }
  stop_all();
  spdlog::info("已停止");
  return Status::Ok();
}

}  // namespace

Status Serve(App& app, AccessLog* access_log,
             const std::function<void(const std::string& url)>& on_listening) {
  Server server(app, access_log);
  return server.Run(on_listening);
}

}  // namespace gongkai::http
