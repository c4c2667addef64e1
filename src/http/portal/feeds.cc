// Machine-readable views of the portal: each agency's Atom 1.0 feed of new catalog items
// (RFC 4287) and the site's sitemap (sitemaps.org 0.9). Absolute URLs start with the configured
// public_url, never with the request's Host header.
#include "http/handlers.h"
#include "http/page.h"
#include "http/portal/views.h"

namespace gongkai::http::portal {
namespace {

constexpr int kFeedEntries = 50;
// The sitemap protocol's limit per file.
constexpr int kSitemapMaxUrls = 50'000;

// Text for XML 1.0 content and attributes: escapes markup characters and drops the control
// characters XML cannot carry.
std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// RFC 3339 at the start of the day in China Standard Time (dates carry no time).
std::string Rfc3339(Date d) { return d.ToString() + "T00:00:00+08:00"; }

}  // namespace

Response AgencyFeed(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  CatalogFilter filter;
  filter.as_of = call.today();
  Result<CatalogPage> latest =
      (*call.Repo())->ListCatalogItems(agency->id, filter, {1, kFeedEntries});
  if (!latest.ok()) return StatusPage(call, latest.status());

  const std::string& site = call.site().public_url;
  const std::string home = site + AgencyUrl(*agency);
  Date updated = call.today();
  if (!latest->items.empty() && latest->items.front().published_on) {
    updated = *latest->items.front().published_on;
  }
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n";
  xml += "  <id>" + EscapeXml(home + "feed.atom") + "</id>\n";
  xml += "  <title>" + EscapeXml(agency->name + " 法定主动公开内容") + "</title>\n";
  xml += "  <subtitle>" + EscapeXml(call.site().config.site_name) + "</subtitle>\n";
  xml += "  <updated>" + Rfc3339(updated) + "</updated>\n";
  xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         EscapeXml(home + "feed.atom") + "\"/>\n";
  xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeXml(home + "catalog") +
         "\"/>\n";
  xml += "  <author><name>" + EscapeXml(agency->name) + "</name></author>\n";
  for (const CatalogItem& item : latest->items) {
    const std::string url = site + ItemUrl(*agency, item);
    const Date published = item.published_on.value_or(item.created_on);
    xml += "  <entry>\n";
    xml += "    <id>" + EscapeXml(url) + "</id>\n";
    xml += "    <title>" + EscapeXml(item.title) + "</title>\n";
    xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeXml(url) + "\"/>\n";
    xml += "    <published>" + Rfc3339(published) + "</published>\n";
    xml += "    <updated>" + Rfc3339(published) + "</updated>\n";
    std::string summary = item.summary;
    if (!item.doc_no.empty()) summary = item.doc_no + (summary.empty() ? "" : "　") + summary;
    if (!summary.empty()) xml += "    <summary>" + EscapeXml(summary) + "</summary>\n";
    if (!item.topic.empty()) xml += "    <category term=\"" + EscapeXml(item.topic) + "\"/>\n";
    xml += "  </entry>\n";
  }
  xml += "</feed>\n";
  return Response::Text(200, "application/atom+xml; charset=utf-8", std::move(xml));
}

Response Sitemap(Call& call) {
  Result<Repository*> repo = call.Repo();
  if (!repo.ok()) return StatusPage(call, repo.status());
  Result<std::vector<Agency>> agencies = (*repo)->ListAgencies();
  if (!agencies.ok()) return StatusPage(call, agencies.status());
  const std::string& site = call.site().public_url;
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  int count = 0;
  auto add = [&](const std::string& path, const std::optional<Date>& lastmod) {
    xml += "  <url><loc>" + EscapeXml(site + path) + "</loc>";
    if (lastmod) xml += "<lastmod>" + lastmod->ToString() + "</lastmod>";
    xml += "</url>\n";
    ++count;
  };
  add("/", std::nullopt);
  for (const Agency& a : *agencies) {
    for (const char* page : {"", "guide", "rules", "catalog", "reports/"}) {
      add(AgencyUrl(a) + page, std::nullopt);
    }
  }
  // Items, newest first per agency, until the protocol's limit (a larger deployment needs a
  // sitemap index; docs/http.md).
  for (const Agency& a : *agencies) {
    if (count >= kSitemapMaxUrls) break;
    CatalogFilter filter;
    filter.as_of = call.today();
    Result<CatalogPage> items =
        (*repo)->ListCatalogItems(a.id, filter, {1, kSitemapMaxUrls - count});
    if (!items.ok()) return StatusPage(call, items.status());
    for (const CatalogItem& item : items->items) add(ItemUrl(a, item), item.published_on);
  }
  xml += "</urlset>\n";
  return Response::Text(200, "application/xml; charset=utf-8", std::move(xml));
}

}  // namespace gongkai::http::portal
