// The HTTP server: RESTinio event loops, routing through the table of routes.cc (router.h).
// This is the only part of gongkai that includes RESTinio (it compiles slowly).
//
// Every request passes, in order: the rate limiter (429), the size limits (414 URL, 413 body;
// beyond twice the limits RESTinio drops the connection), the check that the path and query
// are well-formed percent-encoded UTF-8 (400), then the router (404 for an unknown path, 405 for
// a known path with another method). Every response gets the security headers and one access-log
// line: time, client, method, target, status, bytes, duration.
//
// `threads` event loops (ServerConfig::threads), each a thread with its own io_context and its
// own listening socket on the same port (SO_REUSEPORT), take the connections, parse requests
// and write responses; the handlers of fast routes (pages, mostly from caches) run on the loop
// itself. Slow routes (Route::slow) and every POST run on a pool of as many threads, so that a
// PDF, a search or a password hash never holds up the loop's other connections. A handler
// borrows a Repository from the App's pool for its duration (SOCI sessions are not
// thread-safe).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "http/access_log.h"
#include "http/app.h"

namespace gongkai::http {

// Serves `app` on app.site().config.listen until the process receives SIGTERM or SIGINT, then
// stops gracefully: stops accepting connections, lets the requests in flight finish (for at most
// shutdown_timeout_seconds), and returns OK. `on_listening` is called with the site's URL
// ("http://127.0.0.1:8080/") once the socket listens. `access_log` (if not null) receives one line
// per request. Errors: kInvalidInput "无法监听 …：…" if the address cannot be bound.
// REQUIRES: called from the main thread before other threads exist that might take the signals
// (SIGTERM and SIGINT are blocked in the calling thread and every thread it starts).
Status Serve(App& app, AccessLog* access_log,
             const std::function<void(const std::string& url)>& on_listening);

}  // namespace gongkai::http
