#include "http/static_files.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gongkai::http {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxTotalBytes = 16u << 20;

}  // namespace

std::string HashHex(std::string_view data) {
  uint64_t h = 1469598103934665603ull;
  for (char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string ContentTypeFor(std::string_view file_name) {
  const size_t dot = file_name.rfind('.');
  const std::string_view ext = dot == std::string_view::npos ? "" : file_name.substr(dot + 1);
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js") return "text/javascript; charset=utf-8";
  if (ext == "html" || ext == "htm") return "text/html; charset=utf-8";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "json") return "application/json";
  if (ext == "xml") return "application/xml";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "webp") return "image/webp";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "pdf") return "application/pdf";
  return "application/octet-stream";
}

Result<std::shared_ptr<const StaticFiles>> StaticFiles::Load(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound("静态文件目录 " + dir + " 不存在");
  auto out = std::make_shared<StaticFiles>();
  uintmax_t total = 0;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (!file.empty() && file[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    total += it->file_size();
    if (total > kMaxTotalBytes) {
      return InvalidInput("静态文件目录 " + dir +
                          " 中的文件超过 16 MiB：大文件请交给前置的 Web 服务器");
    }
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) return NotFound("无法读取静态文件 " + it->path().string());
    StaticFile f;
    f.content_type = ContentTypeFor(file);
    f.body = body.str();
    f.etag = "\"" + HashHex(f.body) + "\"";
    out->files_.emplace(fs::relative(it->path(), dir).generic_string(), std::move(f));
  }
  if (ec) return NotFound("无法读取静态文件目录 " + dir + "：" + ec.message());
  return std::shared_ptr<const StaticFiles>(std::move(out));
}

const StaticFile* StaticFiles::Find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace gongkai::http
