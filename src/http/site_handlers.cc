// Site-wide handlers: static files, the large-text (适老化) switch, robots.txt.
#include "http/handlers.h"
#include "http/page.h"

namespace gongkai::http {
namespace {

constexpr int kPreferenceMaxAge = 365 * 24 * 3600;
constexpr size_t kMaxBackLength = 2048;

// True if the If-None-Match header lists `etag` (or is "*").
bool Matches(std::string_view if_none_match, std::string_view etag) {
  size_t start = 0;
  while (start < if_none_match.size()) {
    size_t comma = if_none_match.find(',', start);
    if (comma == std::string_view::npos) comma = if_none_match.size();
    std::string_view tag = if_none_match.substr(start, comma - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == etag || tag == "*") return true;
    start = comma + 1;
  }
  return false;
}

// `target` with bytes that may not appear raw in a header (non-ASCII, space) percent-encoded.
std::string AsciiTarget(std::string_view target) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : target) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || u == ' ') {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Response ServeStatic(Call& call) {
  const std::string& path = call.request().Route("path");
  const StaticFile* file = call.site().static_files->Find(path);
  if (file == nullptr) return ErrorPage(call, 404, "没有静态文件 “" + path + "”");
  const std::string cache =
      "public, max-age=" + std::to_string(call.site().config.static_max_age_seconds);
  std::optional<std::string_view> inm = call.request().Header("if-none-match");
  if (inm && Matches(*inm, file->etag)) {
    Response r = Response::Text(304, file->content_type, "");
    r.AddHeader("ETag", file->etag);
    r.AddHeader("Cache-Control", cache);
    return r;
  }
  Response r = Response::Text(200, file->content_type, file->body);
  r.AddHeader("ETag", file->etag);
  r.AddHeader("Cache-Control", cache);
  return r;
}

Response SetTextSize(Call& call) {
  const Request& req = call.request();
  const std::string_view size = req.Query("size").value_or("");
  if (size != "large" && size != "normal") {
    return ErrorPage(call, 400,
                     "字号设置 “" + std::string(size.substr(0, 40)) +
                         "” 无效：应为 large（大字号）或 normal（标准字号）");
  }
  std::string back(req.Query("back").value_or("/"));
  if (back.size() > kMaxBackLength || !IsLocalPath(back)) back = "/";
  Response r = Response::Redirect(AsciiTarget(back));
  SetCookie cookie;
  cookie.name = kTextSizeCookie;
  cookie.value = size == "large" ? "large" : "normal";
  cookie.max_age_seconds = size == "large" ? kPreferenceMaxAge : 0;
  cookie.secure = call.site().public_url.rfind("https://", 0) == 0;
  r.AddCookie(cookie);
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

Response Robots(Call& call) {
  return Response::Text(
      200, "text/plain; charset=utf-8",
      "User-agent: *\nAllow: /\nSitemap: " + call.site().public_url + "/sitemap.xml\n");
}

}  // namespace gongkai::http
