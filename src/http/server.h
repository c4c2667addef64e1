// The HTTP server: RESTinio on a pool of worker threads, routing through the table of routes.cc.
// This is the only part of gongkai that includes RESTinio (it compiles slowly).
//
// Every request passes, in order: the rate limiter (429), the size limits (414 URL, 413 body;
// beyond twice the limits RESTinio drops the connection), the check that the path and query
// are well-formed percent-encoded UTF-8 (400), then the router (404 for an unknown path, 405 for
// a known path with another method). Every response gets the security headers and one access-log
// line: time, client, method, target, status, bytes, duration.
//
// Handlers run synchronously on the worker threads; each borrows a Repository from the App's
// pool for its duration (SOCI sessions are not thread-safe).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "http/app.h"

namespace spdlog {
class logger;
}

namespace gongkai::http {

// Serves `app` on app.site().config.listen until the process receives SIGTERM or SIGINT, then
// stops gracefully: stops accepting connections, lets the requests in flight finish (for at most
// shutdown_timeout_seconds), and returns OK. `on_listening` is called with the site's URL
// ("http://127.0.0.1:8080/") once the socket listens. `access_log` receives one line per
// request. Errors: kInvalidInput "无法监听 …：…" if the address cannot be bound.
// REQUIRES: called from the main thread before other threads exist that might take the signals
// (SIGTERM and SIGINT are blocked in the calling thread and every thread it starts).
Status Serve(App& app, std::shared_ptr<spdlog::logger> access_log,
             const std::function<void(const std::string& url)>& on_listening);

}  // namespace gongkai::http
