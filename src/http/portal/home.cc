// The portal's home, each agency's page, its 政府信息公开指南 and 政府信息公开制度.
#include <algorithm>
#include <set>

#include "core/guide.h"
#include "http/handlers.h"
#include "http/page.h"
#include "http/portal/views.h"

namespace gongkai::http::portal {
namespace {

constexpr int kLatestOnHome = 10;
constexpr int kLatestOnAgency = 10;
constexpr int kMaxRules = 200;

ViewList LatestList(const std::vector<CatalogItem>& items,
                    const std::map<int64_t, Agency>& agencies) {
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
  std::optional<std::vector<CatalogItem>> latest =
      call.app().latest().Get(call.today().days(), call.app().Now());
  if (!latest) {
    Result<std::vector<CatalogItem>> read =
        (*repo)->LatestCatalogItems(call.today(), kLatestOnHome);
    if (!read.ok()) return StatusPage(call, read.status());
    latest = std::move(read).value();
    call.app().latest().Put(call.today().days(), *latest, call.app().Now());
  }

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

// 政府信息公开指南: the agency's published guide (the newest version public today, or the one
// ?version=N asks for), with the channels it accepts and their rules, and the list of versions.
// Before the agency publishes one, the facts the platform holds about the agency — never
// invented text.
Response Guide(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  Result<std::optional<int>> wanted = IntParam(call.request(), "version", 1, 100'000, "版本");
  if (!wanted.ok()) return StatusPage(call, wanted.status());
  Repository& repo = **call.Repo();
  std::vector<gongkai::Guide> versions;
  Result<std::vector<gongkai::Guide>> guides = repo.ListGuides(agency->id);
  if (guides.ok()) {
    for (gongkai::Guide& g : *guides) {
      if (g.published_on <= call.today()) versions.push_back(std::move(g));
    }
  } else if (guides.status().code() != ErrorCode::kUnsupported) {
    return StatusPage(call, guides.status());
  }
  const gongkai::Guide* shown = versions.empty() ? nullptr : &versions.front();  // newest first
  if (*wanted) {
    shown = nullptr;
    for (const gongkai::Guide& g : versions) {
      if (g.version == **wanted) shown = &g;
    }
    if (shown == nullptr) {
      return ErrorPage(
          call, 404, agency->name + " 没有第 " + std::to_string(**wanted) + " 版政府信息公开指南");
    }
  }

  View page;
  page.set("agency", AgencyRow(*agency));
  page.set("org_code", agency->org_code);
  page.set("has_org_code", !agency->org_code.empty());
  page.set("has_region", !agency->region.empty());
  if (!agency->parent_slug.empty()) {
    Result<Agency> parent = repo.FindAgency(agency->parent_slug);
    if (parent.ok()) page.set("parent", AgencyRow(*parent));
  }
  if (shown != nullptr) {
    View g;
    g.set("version", std::to_string(shown->version));
    g.set("published", shown->published_on.ToChinese());
    g.set("is_latest", shown == &versions.front());
    g.set("latest_url", AgencyUrl(*agency) + "guide");
    ViewList facts;
    for (const auto& [label, value] :
         std::vector<std::pair<const char*, const std::string*>>{{"工作机构", &shown->office_name},
                                                                 {"办公地址", &shown->address},
                                                                 {"邮政编码", &shown->postal_code},
                                                                 {"办公时间", &shown->hours},
                                                                 {"联系电话", &shown->phone},
                                                                 {"传真", &shown->fax},
                                                                 {"电子邮箱", &shown->email},
                                                                 {"网站", &shown->website}}) {
      if (value->empty()) continue;
      View f;
      f.set("label", label);
      f.set("value", *value);
      facts.push_back(f);
    }
    g.set("facts", facts);
    g.set("intro", Paragraphs(shown->intro));
    g.set("has_intro", !shown->intro.empty());
    g.set("fees", Paragraphs(shown->fees));
    g.set("has_fees", !shown->fees.empty());
    ViewList channels;
    for (const GuideChannel& c : shown->channels) {
      View v;
      v.set("channel", std::string(ToChinese(c.channel)));
      v.set("accepted", c.accepted ? "受理" : "不受理");
      v.set("rules", c.rules);
      channels.push_back(v);
    }
    g.set("channels", channels);
    g.set("has_channels", !shown->channels.empty());
    page.set("guide", g);
    ViewList list;
    for (const gongkai::Guide& v : versions) {
      View item;
      item.set("version", std::to_string(v.version));
      item.set("published", v.published_on.ToChinese());
      item.set("url", AgencyUrl(*agency) + "guide?version=" + std::to_string(v.version));
      item.set("current", &v == shown);
      list.push_back(item);
    }
    page.set("versions", list);
    page.set("has_versions", versions.size() > 1);
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
