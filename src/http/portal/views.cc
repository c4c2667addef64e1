#include "http/portal/views.h"

#include "http/page.h"

namespace gongkai::http::portal {
namespace {

size_t CountChars(std::string_view utf8) {
  size_t n = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

std::string ItemUrl(const Agency& agency, const CatalogItem& item) {
  const std::string key = item.index_no.empty() ? std::to_string(item.id)
                                                : EncodePath(item.index_no, /*keep_slash=*/true);
  return AgencyUrl(agency) + "items/" + key;
}

View ItemRow(const Agency& agency, const CatalogItem& item) {
  View v;
  v.set("title", item.title);
  v.set("url", ItemUrl(agency, item));
  v.set("index_no", item.index_no);
  v.set("doc_no", item.doc_no);
  v.set("published", item.published_on ? item.published_on->ToString() : std::string());
  v.set("topic", item.topic);
  v.set("genre", item.genre);
  v.set("agency_name", ShortName(agency));
  v.set("agency_url", AgencyUrl(agency));
  return v;
}

View AgencyRow(const Agency& agency) {
  View v;
  v.set("name", agency.name);
  v.set("short_name", ShortName(agency));
  v.set("region", agency.region);
  v.set("url", AgencyUrl(agency));
  return v;
}

const std::string& ShortName(const Agency& agency) {
  return agency.short_name.empty() ? agency.name : agency.short_name;
}

ViewList Paragraphs(const std::string& text) {
  ViewList out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(View(line));
    start = nl + 1;
  }
  return out;
}

Result<Agency> RouteAgency(Call& call) {
  const std::string& slug = call.request().Route("slug");
  Result<Repository*> repo = call.Repo();
  if (!repo.ok()) return repo.status();
  return (*repo)->FindAgency(slug);
}

Result<std::optional<int>> IntParam(const Request& request, std::string_view name, int min, int max,
                                    std::string_view label) {
  std::optional<std::string_view> text = request.Query(name);
  if (!text || text->empty()) return std::optional<int>();
  long long v = 0;
  bool ok = text->size() <= 9;
  for (char c : *text) {
    if (c < '0' || c > '9') ok = false;
    if (ok) v = v * 10 + (c - '0');
  }
  if (!ok || v < min || v > max) {
    std::string shown(text->substr(0, 40));
    return InvalidInput(std::string(label) + " \"" + shown + "\" 无效：应为 " +
                        std::to_string(min) + " 到 " + std::to_string(max) + " 之间的整数");
  }
  return std::optional<int>(static_cast<int>(v));
}

Result<std::string> TextParam(const Request& request, std::string_view name, size_t max_chars,
                              std::string_view label) {
  std::optional<std::string_view> text = request.Query(name);
  if (!text) return std::string();
  if (CountChars(*text) > max_chars) {
    return InvalidInput(std::string(label) + "过长：最多 " + std::to_string(max_chars) + " 个字");
  }
  return std::string(*text);
}

}  // namespace gongkai::http::portal
