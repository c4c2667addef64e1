// The access log: one line per request — local time, client, "METHOD target", status, bytes
// sent, duration — written with a single write(2) to a file opened for appending (or to standard
// error). The server's threads share no lock for it, and a line is in the file before the client
// has the response it describes.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai::http {

class AccessLog {
 public:
  // `path` empty: standard error. kInvalidInput "无法打开访问日志 PATH：reason".
  static Result<std::unique_ptr<AccessLog>> Open(const std::string& path);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // 2026-11-29T12:00:00+0800 127.0.0.1 "GET /agencies/x/catalog" 200 11088 0.3ms
  // A '"' in the target is written as '\''; control characters as '?' (the target is raw
  // bytes from the request line).
  void Write(std::string_view client, std::string_view method, std::string_view target,
             int status, size_t bytes, double milliseconds);

  // The line Write would write at `unix_seconds` (for tests), with its '\n'.
  static std::string Format(long long unix_seconds, std::string_view client,
                            std::string_view method, std::string_view target, int status,
                            size_t bytes, double milliseconds);

 private:
  AccessLog(int fd, bool owned) : fd_(fd), owned_(owned) {}
  int fd_;
  bool owned_;
};

}  // namespace gongkai::http
