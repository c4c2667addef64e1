// The configuration of `gongkai serve`: one JSON file (config/gongkai.example.json lists every
// key with its type, default and meaning), overridden by command-line options.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai::http {

struct LimitsConfig {
  size_t max_url_bytes = 8 * 1024;      // request target (path + query); longer → 414
  size_t max_header_bytes = 16 * 1024;  // one header field value; longer → connection closed
  size_t max_header_count = 100;        // header fields; more → connection closed
  size_t max_body_bytes = 1024 * 1024;  // request body; longer → 413
};

// A token bucket per client address: `burst` requests at once, refilled at
// `requests_per_second`. A client over its budget gets 429 with Retry-After.
struct RateLimitConfig {
  bool enabled = true;
  double requests_per_second = 20;
  double burst = 100;
  size_t max_clients = 100'000;  // tracked addresses; idle ones are forgotten beyond this
};

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";  // host:port, [v6]:port or :port (all addresses)
  std::string db;                         // empty: the CLI's --db / $GONGKAI_DB / default
  std::string data_dir;                   // empty: the CLI's --data / $GONGKAI_DATA / default
  int threads = 0;  // event loops (and blocking-pool threads); 0: the number of cores, at least 2
  std::string access_log;                 // file to append the access log to; empty: stderr
  std::string templates_dir;              // empty: the built-in web/templates
  std::string static_dir;                 // empty: the built-in web/static
  std::string site_name = "政府信息公开平台";
  // Absolute URL the site is reached at, for the Atom feed and the sitemap (e.g.
  // "https://gk.example.gov.cn"); empty: "http://" + listen.
  std::string public_url;
  bool trust_x_forwarded_for = false;  // behind a reverse proxy: client = last X-Forwarded-For
  int static_max_age_seconds = 3600;   // Cache-Control max-age of /static/ files
  int report_cache_seconds = 600;      // how long a rendered annual report is reused
  int report_cache_entries = 64;       // rendered reports kept in memory at most
  // How long the catalog's filter counts and the home page's latest items are reused.
  int listing_cache_seconds = 30;
  int shutdown_timeout_seconds = 30;  // on SIGTERM, wait this long for in-flight requests
  int session_timeout_minutes = 30;   // staff sessions (console): idle timeout
  // Files of the platform (relative paths are taken from the working directory).
  std::string pii_key_file = "var/keys/pii.key";  // applicant-data key; created 0600 if absent
  std::string attachments_dir = "var/files";      // attachment bytes, named by SHA-256
  std::string search_index_dir = "var/search";    // this node's Xapian index (derived data)
  std::string notices_dir;                        // empty: <data_dir>/notices
  int search_apply_seconds = 2;  // how often this node applies the search outbox to its index
  int max_upload_bytes = 20 * 1024 * 1024;  // one attachment (console uploads)
  LimitsConfig limits;
  RateLimitConfig rate_limit;

  // `threads`, or its default when 0: the server runs this many event loops and as many
  // blocking-pool threads (server.h); the repository pool is sized from it too.
  size_t EventLoops() const;
};

// Parses the JSON text of a configuration file named `path` (for messages) over the defaults.
// Unknown keys and wrong types are errors (a typo must not silently keep a default):
// kInvalidInput "配置文件 PATH：…" naming the key.
Result<ServerConfig> ParseServerConfig(std::string_view json_text, const std::string& path);

struct ListenAddress {
  std::string host;  // "127.0.0.1", "::1", "0.0.0.0"
  uint16_t port = 0;
};

// "127.0.0.1:8080", "[::1]:8080", "localhost:80", ":8080" (= 0.0.0.0). kInvalidInput naming
// the text for anything else (missing port, port 0 or > 65535).
Result<ListenAddress> ParseListen(std::string_view text);

}  // namespace gongkai::http
