// The portal's home, each agency's page, its 政府信息公开指南 and 政府信息公开制度.
#include <algorithm>
#include <set>

#include "http/handlers.h"
#include "http/page.h"
#include "http/portal/views.h"

namespace gongkai::http::portal {
namespace {

constexpr int kLatestOnHome = 10;
constexpr int kLatestOnAgency = 10;
constexpr int kMaxRules = 200;

ViewList LatestList(const std::vector<CatalogItem>& items, const std::map<int64_t, Agency>& agencies) {
  ViewList rows;
  for (const CatalogItem& item : items) {
    auto it = agencies.find(item.agency_id);
    if (it == agencies.end()) continue;
    rows.push_back(ItemRow(it->second, item));
  }
  return rows;
}

}  // namespace

Response Home(Call& call) {
  Result<Repository*> repo = call.Repo();
  if (!repo.ok()) return StatusPage(call, repo.status());
  Result<std::vector<Agency>> agencies = (*repo)->ListAgencies();
  if (!agencies.ok()) return StatusPage(call, agencies.status());
  Result<std::vector<CatalogItem>> latest = (*repo)->LatestCatalogItems(call.today(), kLatestOnHome);
  if (!latest.ok()) return StatusPage(call, latest.status());

  std::map<int64_t, Agency> by_id;
  ViewList agency_rows;
  for (const Agency& a : *agencies) {
    by_id.emplace(a.id, a);
    agency_rows.push_back(AgencyRow(a));
  }
  View page;
  page.set("site_name", call.site().config.site_name);
  page.set("agencies", agency_rows);
  page.set("has_agencies", !agencies->empty());
  page.set("agency_count", std::to_string(agencies->size()));
  page.set("latest", LatestList(*latest, by_id));
  page.set("has_latest", !latest->empty());
  PageMeta meta;
  return RenderPage(call, 200, "portal/home", page, meta);
}

Response AgencyHome(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  Repository& repo = **call.Repo();
  CatalogFilter filter;
  filter.as_of = call.today();
  Result<CatalogPage> latest = repo.ListCatalogItems(agency->id, filter, {1, kLatestOnAgency});
  if (!latest.ok()) return StatusPage(call, latest.status());

  View page;
  page.set("agency", AgencyRow(*agency));
  page.set("base", AgencyUrl(*agency));
  page.set("total", std::to_string(latest->total));
  ViewList rows;
  for (const CatalogItem& item : latest->items) rows.push_back(ItemRow(*agency, item));
  page.set("items", rows);
  page.set("caption", "最新公开的政府信息");
  page.set("has_latest", !latest->items.empty());
  if (!agency->parent_slug.empty()) {
    Result<Agency> parent = repo.FindAgency(agency->parent_slug);
    if (parent.ok()) page.set("parent", AgencyRow(*parent));
  }
  PageMeta meta;
  meta.title = agency->name;
  meta.agency = &*agency;
  meta.section = "home";
  meta.crumbs = {{agency->name, ""}};
  return RenderPage(call, 200, "portal/agency", page, meta);
}

Response Guide(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  Repository& repo = **call.Repo();
  View page;
  page.set("agency", AgencyRow(*agency));
  page.set("org_code", agency->org_code);
  page.set("has_org_code", !agency->org_code.empty());
  page.set("has_region", !agency->region.empty());
  if (!agency->parent_slug.empty()) {
    Result<Agency> parent = repo.FindAgency(agency->parent_slug);
    if (parent.ok()) page.set("parent", AgencyRow(*parent));
  }
  page.set("catalog_url", AgencyUrl(*agency) + "catalog");
  page.set("reports_url", AgencyUrl(*agency) + "reports/");
  PageMeta meta;
  meta.title = "政府信息公开指南 - " + agency->name;
  meta.agency = &*agency;
  meta.section = "guide";
  meta.crumbs = {{agency->name, AgencyUrl(*agency)}, {"政府信息公开指南", ""}};
  return RenderPage(call, 200, "portal/guide", page, meta);
}

// 政府信息公开制度: the agency's own published documents on its disclosure work (titles naming
// 政府信息公开 or 政务公开), except its annual reports, which have their own column.
Response Rules(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  Repository& repo = **call.Repo();
  std::vector<CatalogItem> items;
  std::set<int64_t> seen;
  for (const char* words : {"政府信息公开", "政务公开"}) {
    CatalogFilter filter;
    filter.as_of = call.today();
    filter.title_contains = words;
    Result<CatalogPage> found = repo.ListCatalogItems(agency->id, filter, {1, kMaxRules});
    if (!found.ok()) return StatusPage(call, found.status());
    for (CatalogItem& item : found->items) {
      if (item.title.find("年度报告") != std::string::npos) continue;
      if (seen.insert(item.id).second) items.push_back(std::move(item));
    }
  }
  std::sort(items.begin(), items.end(), [](const CatalogItem& a, const CatalogItem& b) {
    return a.published_on != b.published_on ? a.published_on > b.published_on : a.id > b.id;
  });
  ViewList rows;
  for (const CatalogItem& item : items) rows.push_back(ItemRow(*agency, item));
  View page;
  page.set("agency", AgencyRow(*agency));
  page.set("items", rows);
  page.set("caption", "政府信息公开制度文件");
  page.set("has_items", !items.empty());
  page.set("catalog_url", AgencyUrl(*agency) + "catalog");
  PageMeta meta;
  meta.title = "政府信息公开制度 - " + agency->name;
  meta.agency = &*agency;
  meta.section = "rules";
  meta.crumbs = {{agency->name, AgencyUrl(*agency)}, {"政府信息公开制度", ""}};
  return RenderPage(call, 200, "portal/rules", page, meta);
}

}  // namespace gongkai::http::portal
