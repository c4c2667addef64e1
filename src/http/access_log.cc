#include "http/access_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fmt/format.h>

namespace gongkai::http {
namespace {

// "2026-11-29T12:00:00+0800" for `seconds`, formatted once per second per thread.
std::string_view LocalTime(long long seconds) {
  thread_local long long cached_second = -1;
  thread_local char text[40];
  thread_local size_t length = 0;
  if (seconds != cached_second) {
    const time_t t = static_cast<time_t>(seconds);
    struct tm tm {};
    localtime_r(&t, &tm);
    length = strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S%z", &tm);
    cached_second = seconds;
  }
  return {text, length};
}

void AppendLine(fmt::memory_buffer& out, long long unix_seconds, std::string_view client,
                std::string_view method, std::string_view target, int status, size_t bytes,
                double milliseconds) {
  const std::string_view time = LocalTime(unix_seconds);
  out.append(time.data(), time.data() + time.size());
  fmt::format_to(std::back_inserter(out), " {} \"{} ", client, method);
  for (const char c : target) {
    const auto u = static_cast<unsigned char>(c);
    out.push_back(c == '"' ? '\'' : (u < 0x20 || u == 0x7f) ? '?' : c);
  }
  fmt::format_to(std::back_inserter(out), "\" {} {} {:.1f}ms\n", status, bytes, milliseconds);
}

}  // namespace

Result<std::unique_ptr<AccessLog>> AccessLog::Open(const std::string& path) {
  if (path.empty()) return std::unique_ptr<AccessLog>(new AccessLog(STDERR_FILENO, false));
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) return InvalidInput("无法打开访问日志 " + path + "：" + std::strerror(errno));
  return std::unique_ptr<AccessLog>(new AccessLog(fd, true));
}

AccessLog::~AccessLog() {
  if (owned_) ::close(fd_);
}

void AccessLog::Write(std::string_view client, std::string_view method, std::string_view target,
                      int status, size_t bytes, double milliseconds) {
  thread_local fmt::memory_buffer line;
  line.clear();
  AppendLine(line, static_cast<long long>(std::time(nullptr)), client, method, target, status,
             bytes, milliseconds);
  const char* p = line.data();
  size_t left = line.size();
  while (left > 0) {  // a regular file takes the whole line at once; a pipe may not
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // a full disk loses log lines, never requests
    p += n;
    left -= static_cast<size_t>(n);
  }
}

std::string AccessLog::Format(long long unix_seconds, std::string_view client,
                              std::string_view method, std::string_view target, int status,
                              size_t bytes, double milliseconds) {
  fmt::memory_buffer line;
  AppendLine(line, unix_seconds, client, method, target, status, bytes, milliseconds);
  return fmt::to_string(line);
}

}  // namespace gongkai::http
