// ReadDocument and ReadDocumentFile: size limit, kind detection, dispatch to the readers.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "check/read/decode.h"
#include "check/reader.h"

namespace gongkai::check {
namespace {

Status TooLarge(std::string_view source_name, double size, size_t max_bytes) {
  return FileError(source_name, TooLargeMessage(size, max_bytes));
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// True if `s` at `i` starts with `word` (lower case ASCII), case-insensitively.
bool StartsWithNoCase(std::string_view s, size_t i, std::string_view word) {
  if (s.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (Lower(s[i + k]) != word[k]) return false;
  }
  return true;
}

bool IsTagEnd(std::string_view s, size_t i) {
  return i >= s.size() || s[i] == '>' || s[i] == ' ' || s[i] == '/' || s[i] == '\t' ||
         s[i] == '\n' || s[i] == '\r';
}

bool LooksLikePdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

bool LooksLikeHtml(std::string_view bytes) {
  static constexpr std::string_view kStartTags[] = {
      "html",  "head", "body",   "meta", "title", "div", "table", "p", "span", "link", "script",
      "style", "font", "center", "h1",   "h2",    "h3",  "br",    "b", "form", "base", "section"};
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' ||
                              bytes[i] == '\r' || bytes[i] == '\f')) {
    ++i;
  }
  if (i < bytes.size() && bytes[i] == '<') {
    if (StartsWithNoCase(bytes, i + 1, "!doctype") || StartsWithNoCase(bytes, i + 1, "!--") ||
        StartsWithNoCase(bytes, i + 1, "?xml")) {
      return true;
    }
    for (const std::string_view tag : kStartTags) {
      if (StartsWithNoCase(bytes, i + 1, tag) && IsTagEnd(bytes, i + 1 + tag.size())) return true;
    }
  }
  static constexpr std::string_view kMarkers[] = {"<html", "<body",  "<table", "<tr",
                                                  "<td",   "<div",   "<p",     "<br",
                                                  "</p>",  "</div>", "</td>",  "</tr>"};
  const std::string_view head = bytes.substr(0, 64 * 1024);
  bool seen[std::size(kMarkers)] = {};
  int distinct = 0;
  for (size_t k = 0; k < head.size() && distinct < 2; ++k) {
    if (head[k] != '<') continue;
    for (size_t m = 0; m < std::size(kMarkers); ++m) {
      const std::string_view marker = kMarkers[m];
      if (seen[m] || !StartsWithNoCase(head, k, marker)) continue;
      if (marker.back() != '>' && !IsTagEnd(head, k + marker.size())) continue;
      seen[m] = true;
      ++distinct;
    }
  }
  return distinct >= 2;
}

std::string ErrnoReason(int err) {
  switch (err) {
    case ENOENT:
      return "文件不存在";
    case EACCES:
    case EPERM:
      return "没有读取权限";
    case EISDIR:
      return "这是一个目录，不是文件";
    case ENOTDIR:
      return "路径中有一段不是目录";
    case ENAMETOOLONG:
      return "路径过长";
    case ELOOP:
      return "符号链接循环";
    default:
      return std::strerror(err);
  }
}

Status CannotRead(const std::string& path, const std::string& reason) {
  return NotFound("无法读取文件 " + path + "：" + reason);
}

}  // namespace

Result<Document> ReadDocument(std::string_view bytes, std::string_view source_name,
                              const ReadLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return TooLarge(source_name, static_cast<double>(bytes.size()), limits.max_bytes);
  }
  if (bytes.empty()) return FileError(source_name, "文件为空");
  switch (DetectKind(bytes)) {
    case SourceKind::kPdf:
      return ReadPdf(bytes, source_name, limits);
    case SourceKind::kHtml:
      return ReadHtml(bytes, source_name, limits);
    case SourceKind::kText:
      break;
  }
  return ReadText(bytes, source_name);
}

SourceKind DetectKind(std::string_view bytes) {
  if (LooksLikePdf(bytes)) return SourceKind::kPdf;
  if (LooksLikeHtml(bytes)) return SourceKind::kHtml;
  return SourceKind::kText;
}

Result<Document> ReadDocumentFile(const std::string& path, const ReadLimits& limits) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return CannotRead(path, ErrnoReason(errno));
  if (S_ISDIR(st.st_mode)) return CannotRead(path, ErrnoReason(EISDIR));
  if (S_ISREG(st.st_mode) && static_cast<unsigned long long>(st.st_size) > limits.max_bytes) {
    return TooLarge(path, static_cast<double>(st.st_size), limits.max_bytes);
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return CannotRead(path, ErrnoReason(errno));
  // Read at most one byte more than allowed: files whose size stat cannot tell (pipes, /proc)
  // are refused as soon as they exceed the limit.
  std::string bytes;
  const size_t cap = limits.max_bytes == SIZE_MAX ? SIZE_MAX : limits.max_bytes + 1;
  if (S_ISREG(st.st_mode)) bytes.reserve(std::min<size_t>(st.st_size, cap));
  char buf[1 << 16];
  while (bytes.size() < cap) {
    const ssize_t n = ::read(fd, buf, std::min(sizeof buf, cap - bytes.size()));
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return CannotRead(path, ErrnoReason(err));
    }
    if (n == 0) break;
    bytes.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  if (bytes.size() > limits.max_bytes) {
    return FileError(path, "文件过大（超过 " + FormatSize(static_cast<double>(limits.max_bytes)) +
                               "），上限 " + FormatSize(static_cast<double>(limits.max_bytes)));
  }
  return ReadDocument(bytes, path, limits);
}

}  // namespace gongkai::check
