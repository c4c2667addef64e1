// 法定主动公开内容: the catalog with its filters and paging, and each item's page.
#include <cmath>

#include "core/catalog_query.h"
#include "http/handlers.h"
#include "http/page.h"
#include "http/portal/views.h"

namespace gongkai::http::portal {
namespace {

constexpr int kPageSize = 20;
constexpr int kMaxPage = 100'000;
constexpr int kPageWindow = 3;  // page links shown on each side of the current one

struct CatalogQuery {
  CatalogFilter filter;
  int page = 1;
  std::string validity_code;
};

Result<CatalogQuery> ParseCatalogQuery(const Request& req, Date today) {
  CatalogQuery q;
  q.filter.as_of = today;
  Result<std::optional<int>> page = IntParam(req, "page", 1, kMaxPage, "页码");
  if (!page.ok()) return page.status();
  q.page = page->value_or(1);
  Result<std::optional<int>> year = IntParam(req, "year", 1900, 2100, "年份");
  if (!year.ok()) return year.status();
  q.filter.year = *year;
  Result<std::string> validity = TextParam(req, "validity", 20, "有效性");
  if (!validity.ok()) return validity.status();
  if (!validity->empty()) {
    std::optional<Validity> v = ValidityFromCode(*validity);
    if (!v) {
      return InvalidInput("有效性 \"" + *validity +
                          "\" 无效：应为 valid（有效）、expired（失效）或 repealed（废止）");
    }
    q.filter.validity = v;
    q.validity_code = *validity;
  }
  Result<std::string> topic = TextParam(req, "topic", 100, "主题分类");
  if (!topic.ok()) return topic.status();
  q.filter.topic = *topic;
  Result<std::string> genre = TextParam(req, "genre", 50, "体裁");
  if (!genre.ok()) return genre.status();
  q.filter.genre = *genre;
  return q;
}

// The catalog URL with the query's filters and `page` (page 1 is left out).
std::string CatalogUrl(const Agency& agency, const CatalogQuery& q, int page) {
  return AgencyUrl(agency) + "catalog" +
         QueryString({{"topic", q.filter.topic},
                      {"genre", q.filter.genre},
                      {"year", q.filter.year ? std::to_string(*q.filter.year) : ""},
                      {"validity", q.validity_code},
                      {"page", page > 1 ? std::to_string(page) : ""}});
}

ViewList Options(const std::vector<FacetCount>& facets, const std::string& selected) {
  ViewList out;
  out.reserve(facets.size() + 1);  // mustache::data's move is not noexcept: growing copies
  bool found = selected.empty();
  for (const FacetCount& f : facets) {
    View o;
    o.set("value", f.value);
    o.set("label", f.value + "（" + std::to_string(f.count) + "）");
    o.set("selected", f.value == selected);
    found = found || f.value == selected;
    out.push_back(o);
  }
  if (!found) {  // a filter value with no public item still shows as chosen
    View o;
    o.set("value", selected);
    o.set("label", selected + "（0）");
    o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

View Pagination(const Agency& agency, const CatalogQuery& q, int64_t total) {
  const int pages = static_cast<int>((total + kPageSize - 1) / kPageSize);
  View p;
  p.set("has_pages", pages > 1);
  p.set("page", std::to_string(q.page));
  p.set("pages", std::to_string(pages));
  p.set("has_prev", q.page > 1);
  p.set("has_next", q.page < pages);
  p.set("first_url", CatalogUrl(agency, q, 1));
  p.set("prev_url", CatalogUrl(agency, q, q.page - 1));
  p.set("next_url", CatalogUrl(agency, q, q.page + 1));
  p.set("last_url", CatalogUrl(agency, q, pages));
  ViewList links;
  links.reserve(2 * kPageWindow + 1);
  for (int n = std::max(1, q.page - kPageWindow); n <= std::min(pages, q.page + kPageWindow); ++n) {
    View l;
    l.set("number", std::to_string(n));
    l.set("url", CatalogUrl(agency, q, n));
    l.set("current", n == q.page);
    links.push_back(l);
  }
  p.set("links", links);
  return p;
}

std::string DateOrDash(const std::optional<Date>& d) { return d ? d->ToChinese() : "—"; }

std::string OrDash(const std::string& s) { return s.empty() ? "—" : s; }

bool AllDigits(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Response RenderCatalog(Call& call);

}  // namespace

Response Catalog(Call& call) {
  // A page rendered at the current catalog version is served again as it is (App::pages).
  App& app = call.app();
  const std::string cache_key = call.request().Route("slug") + '\x1f' + call.request().target +
                                '\x1f' + (call.large_text() ? "L" : "N") + '\x1f' +
                                std::to_string(call.today().days());
  const uint64_t version = app.catalog_version();
  if (std::optional<App::RenderedPage> hit = app.pages().Get(cache_key, app.Now());
      hit && hit->version == version) {
    Response cached = Response::Html(200, "");
    cached.shared_body = std::move(hit->body);
    return cached;
  }
  Response rendered = RenderCatalog(call);
  if (rendered.status == 200 && rendered.headers.empty()) {
    app.pages().Put(cache_key,
                    App::RenderedPage{version, std::make_shared<const std::string>(rendered.body)},
                    app.Now());
  }
  return rendered;
}

namespace {

// The catalog page from the database (Catalog caches what this returns).
Response RenderCatalog(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  Result<CatalogQuery> q = ParseCatalogQuery(call.request(), call.today());
  if (!q.ok()) return StatusPage(call, q.status());
  Repository& repo = **call.Repo();
  Result<CatalogPage> found = repo.ListCatalogItems(agency->id, q->filter, {q->page, kPageSize});
  if (!found.ok()) return StatusPage(call, found.status());
  const int pages = static_cast<int>((found->total + kPageSize - 1) / kPageSize);
  if (found->total > 0 && q->page > pages) {
    return ErrorPage(call, 404,
                     "没有第 " + std::to_string(q->page) + " 页：符合条件的条目共 " +
                         std::to_string(pages) + " 页");
  }
  const std::pair<int64_t, int32_t> facet_key{agency->id, call.today().days()};
  std::optional<CatalogFacets> facets = call.app().facets().Get(facet_key, call.app().Now());
  if (!facets) {
    Result<CatalogFacets> read = repo.ListCatalogFacets(agency->id, call.today());
    if (!read.ok()) return StatusPage(call, read.status());
    facets = std::move(read).value();
    call.app().facets().Put(facet_key, *facets, call.app().Now());
  }

  View page;
  page.set("agency", AgencyRow(*agency));
  page.set("action", AgencyUrl(*agency) + "catalog");
  page.set("topics", Options(facets->topics, q->filter.topic));
  page.set("genres", Options(facets->genres, q->filter.genre));
  page.set("years", Options(facets->years, q->filter.year ? std::to_string(*q->filter.year) : ""));
  ViewList validity;
  validity.reserve(3);
  for (Validity v : {Validity::kValid, Validity::kExpired, Validity::kRepealed}) {
    View o;
    o.set("value", std::string(ToCode(v)));
    o.set("label", std::string(ToChinese(v)));
    o.set("selected", q->validity_code == ToCode(v));
    validity.push_back(o);
  }
  page.set("validity", validity);
  const bool filtered =
      !q->filter.topic.empty() || !q->filter.genre.empty() || q->filter.year || q->filter.validity;
  page.set("filtered", filtered);
  page.set("total", std::to_string(found->total));
  ViewList rows;
  rows.reserve(found->items.size());
  for (const CatalogItem& item : found->items) rows.push_back(ItemRow(*agency, item));
  page.set("items", rows);
  page.set("caption", "法定主动公开内容目录");
  page.set("has_items", !found->items.empty());
  page.set("pagination", Pagination(*agency, *q, found->total));

  PageMeta meta;
  meta.title = "法定主动公开内容" +
               (q->page > 1 ? "（第 " + std::to_string(q->page) + " 页）" : std::string()) + " - " +
               agency->name;
  meta.agency = &*agency;
  meta.section = "catalog";
  meta.crumbs = {{agency->name, AgencyUrl(*agency)}, {"法定主动公开内容", ""}};
  return RenderPage(call, 200, "portal/catalog", page, meta);
}

}  // namespace

Response Item(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  const std::string& key = call.request().Route("key");
  Repository& repo = **call.Repo();
  Result<CatalogItem> item = repo.FindCatalogItemByIndexNo(agency->id, key);
  if (!item.ok() && item.status().code() == ErrorCode::kNotFound && AllDigits(key)) {
    item = repo.FindCatalogItem(agency->id, std::stoll(key));
  }
  const std::string missing =
      agency->name + " 的目录中没有 “" + key + "” 这一条目（或它尚未公开、已撤回）";
  if (!item.ok()) {
    if (item.status().code() == ErrorCode::kNotFound) return ErrorPage(call, 404, missing);
    return StatusPage(call, item.status());
  }
  if (!IsPublicOn(*item, call.today())) return ErrorPage(call, 404, missing);

  View page;
  page.set("title", item->title);
  page.set("index_no", OrDash(item->index_no));
  page.set("publisher", OrDash(item->publisher));
  page.set("created", item->created_on.ToChinese());
  page.set("doc_no", OrDash(item->doc_no));
  page.set("topic", OrDash(item->topic));
  page.set("genre", OrDash(item->genre));
  page.set("published", DateOrDash(item->published_on));
  page.set("validity", item->normative
                           ? std::string(ToChinese(item->normative->ValidityOn(call.today())))
                           : std::string("—"));
  page.set("summary", item->summary);
  page.set("has_summary", !item->summary.empty());
  ViewList body = Paragraphs(item->body);
  page.set("has_body", !body.empty());
  page.set("body", body);
  if (item->normative) {
    const NormativeDocument& n = *item->normative;
    View norm;
    norm.set("kind", n.is_rule ? "规章" : "行政规范性文件");
    norm.set("issuing_body", OrDash(n.issuing_body));
    norm.set("issued", n.issued_on.ToChinese());
    norm.set("effective", DateOrDash(n.effective_on));
    norm.set("has_expired", n.expired_on.has_value());
    norm.set("expired", DateOrDash(n.expired_on));
    norm.set("has_repealed", n.repealed_on.has_value());
    norm.set("repealed", DateOrDash(n.repealed_on));
    page.set("normative", norm);
  }
  ViewList channels;
  for (const ChannelPublication& c : item->channels) {
    View v;
    v.set("channel", std::string(ToChinese(c.channel)));
    v.set("date", c.published_on.ToChinese());
    channels.push_back(v);
  }
  page.set("channels", channels);
  page.set("has_channels", !item->channels.empty());
  page.set("catalog_url", AgencyUrl(*agency) + "catalog");
  // Attachments (附件), downloaded through files.cc.
  Result<std::vector<Attachment>> files =
      repo.ListAttachments(agency->id, AttachmentOwner::kCatalogItem, item->id);
  if (!files.ok() && files.status().code() != ErrorCode::kUnsupported) {
    return StatusPage(call, files.status());
  }
  ViewList attachments;
  if (files.ok()) {
    for (const Attachment& a : *files) {
      View v;
      v.set("name", a.file_name);
      v.set("url", AgencyUrl(*agency) + "attachments/" + std::to_string(a.id));
      v.set("size", a.size < 1024 * 1024 ? std::to_string((a.size + 1023) / 1024) + " KB"
                                         : std::to_string((a.size + 524288) / 1048576) + " MB");
      attachments.push_back(v);
    }
  }
  page.set("has_attachments", !attachments.empty());
  page.set("attachments", attachments);

  PageMeta meta;
  meta.title = item->title + " - " + agency->name;
  meta.agency = &*agency;
  meta.section = "catalog";
  meta.crumbs = {{agency->name, AgencyUrl(*agency)},
                 {"法定主动公开内容", AgencyUrl(*agency) + "catalog"},
                 {item->title, ""}};
  return RenderPage(call, 200, "portal/item", page, meta);
}

}  // namespace gongkai::http::portal
