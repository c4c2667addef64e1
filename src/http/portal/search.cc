// 检索: GET /search?q=&agency=&topic=&sort=relevance|date&page= over the node's Xapian index
// (Site::search, http/search_service.h). Hits come highlighted as HTML from the index; the page
// turns that HTML back into text segments, marked or not, so the template escapes every
// character of the text and only its own <mark> tags are markup.
#include <algorithm>
#include <map>
#include <set>

#include "core/catalog_query.h"

#include "http/handlers.h"
#include "http/page.h"
#include "http/portal/views.h"
#include "http/search_service.h"

namespace gongkai::http::portal {
namespace {

constexpr int kPageSize = 10;
constexpr int kMaxPage = search::kMaxOffset / kPageSize + 1;

// Undoes search::HtmlEscape (&amp; &lt; &gt; &quot; &#39;); anything else is kept as it is.
std::string Unescape(std::string_view html) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  for (size_t i = 0; i < html.size();) {
    bool replaced = false;
    if (html[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += html[i++];
  }
  return out;
}

// The segments of highlighted HTML (escaped text with <mark>…</mark>): [{text, mark}], the
// text unescaped (the template escapes it again). Literal "<mark>" in the source text arrives
// escaped ("&lt;mark&gt;"), so only the highlighter's marks split segments.
ViewList HighlightSegments(std::string_view html) {
  static constexpr std::string_view kOpen = "<mark>", kClose = "</mark>";
  ViewList out;
  auto add = [&out](std::string_view piece, bool mark) {
    if (piece.empty()) return;
    View v;
    v.set("text", Unescape(piece));
    v.set("mark", mark);
    out.push_back(v);
  };
  size_t i = 0;
  while (i < html.size()) {
    const size_t open = html.find(kOpen, i);
    if (open == std::string_view::npos) {
      add(html.substr(i), false);
      break;
    }
    add(html.substr(i, open - i), false);
    const size_t start = open + kOpen.size();
    size_t close = html.find(kClose, start);
    if (close == std::string_view::npos) close = html.size();
    add(html.substr(start, close - start), true);
    i = std::min(html.size(), close + kClose.size());
  }
  return out;
}

struct SearchQuery {
  std::string q;
  std::string agency_slug;
  std::string topic;
  bool by_date = false;
  int page = 1;
};

std::string SearchUrl(const SearchQuery& q, int page, std::optional<bool> by_date = std::nullopt) {
  const bool date = by_date.value_or(q.by_date);
  return "/search" + QueryString({{"q", q.q},
                                  {"agency", q.agency_slug},
                                  {"topic", q.topic},
                                  {"sort", date ? "date" : ""},
                                  {"page", page > 1 ? std::to_string(page) : ""}});
}

View Pagination(const SearchQuery& q, int pages) {
  View p;
  p.set("has_pages", pages > 1);
  p.set("page", std::to_string(q.page));
  p.set("pages", std::to_string(pages));
  p.set("has_prev", q.page > 1);
  p.set("has_next", q.page < pages);
  p.set("first_url", SearchUrl(q, 1));
  p.set("prev_url", SearchUrl(q, q.page - 1));
  p.set("next_url", SearchUrl(q, q.page + 1));
  p.set("last_url", SearchUrl(q, pages));
  ViewList links;
  for (int n = std::max(1, q.page - 3); n <= std::min(pages, q.page + 3); ++n) {
    View l;
    l.set("number", std::to_string(n));
    l.set("url", SearchUrl(q, n));
    l.set("current", n == q.page);
    links.push_back(l);
  }
  p.set("links", links);
  return p;
}

}  // namespace

Response Search(Call& call) {
  const Request& req = call.request();
  SearchQuery q;
  std::string error;
  int status = 200;
  {
    Result<std::string> text = TextParam(req, "q", search::kMaxQueryChars, "检索词");
    if (!text.ok()) {
      error = text.status().message();
      status = 400;
      q.q = std::string(req.Query("q").value_or("")).substr(0, 300);
    } else {
      q.q = *text;
    }
  }
  Result<std::string> agency_slug = TextParam(req, "agency", 100, "机关");
  if (!agency_slug.ok()) return StatusPage(call, agency_slug.status());
  q.agency_slug = *agency_slug;
  Result<std::string> topic = TextParam(req, "topic", 100, "主题分类");
  if (!topic.ok()) return StatusPage(call, topic.status());
  q.topic = *topic;
  const std::string sort(req.Query("sort").value_or(""));
  if (!sort.empty() && sort != "relevance" && sort != "date") {
    return ErrorPage(call, 400, "排序方式 “" + sort + "” 无效：应为 relevance（相关度）或 date（日期）");
  }
  q.by_date = sort == "date";
  Result<std::optional<int>> page = IntParam(req, "page", 1, kMaxPage, "页码");
  if (!page.ok()) return StatusPage(call, page.status());
  q.page = page->value_or(1);

  Result<Repository*> repo = call.Repo();
  if (!repo.ok()) return StatusPage(call, repo.status());
  Result<std::vector<Agency>> agencies = (*repo)->ListAgencies();
  if (!agencies.ok()) return StatusPage(call, agencies.status());
  std::map<int64_t, const Agency*> by_id;
  const Agency* chosen = nullptr;
  for (const Agency& a : *agencies) {
    by_id[a.id] = &a;
    if (a.slug == q.agency_slug) chosen = &a;
  }
  if (!q.agency_slug.empty() && chosen == nullptr && error.empty()) {
    error = "未找到机关 “" + q.agency_slug + "”，请从列表中选择";
    status = 400;
  }

  // The filters' choices: every agency; the topics (and their parents) of the chosen agency's
  // public items. Without a chosen agency only a topic already asked for is offered: the topics
  // of every agency would cost one GROUP BY per agency (seconds at a million items), on a page
  // that must answer in milliseconds.
  ViewList agency_options;
  for (const Agency& a : *agencies) {
    View o;
    o.set("value", a.slug);
    o.set("label", a.name);
    o.set("selected", &a == chosen);
    agency_options.push_back(o);
  }
  std::set<std::string> topics;
  for (const Agency& a : *agencies) {
    if (chosen == nullptr || &a != chosen) continue;
    const std::pair<int64_t, int32_t> key{a.id, call.today().days()};
    std::optional<CatalogFacets> facets = call.app().facets().Get(key, call.app().Now());
    if (!facets) {
      Result<CatalogFacets> read = (*repo)->ListCatalogFacets(a.id, call.today());
      if (!read.ok()) return StatusPage(call, read.status());
      facets = std::move(read).value();
      call.app().facets().Put(key, *facets, call.app().Now());
    }
    for (const FacetCount& f : facets->topics) {
      if (f.value.empty()) continue;
      topics.insert(f.value);
      const size_t sep = f.value.find('\\');
      if (sep != std::string::npos) topics.insert(f.value.substr(0, sep));
    }
  }
  if (!q.topic.empty()) topics.insert(q.topic);
  ViewList topic_options;
  for (const std::string& t : topics) {
    View o;
    o.set("value", t);
    o.set("label", t);
    o.set("selected", t == q.topic);
    topic_options.push_back(o);
  }

  View view;
  view.set("q", q.q);
  view.set("agencies", agency_options);
  view.set("topics", topic_options);
  view.set("topics_need_agency", chosen == nullptr);
  view.set("by_date", q.by_date);
  view.set("has_error", !error.empty());
  view.set("error", error);
  view.set("searched", false);

  if (error.empty() && !q.q.empty()) {
    if (!call.site().search) {
      return ErrorPage(call, 503, "检索服务暂时不可用（搜索索引未能打开），请稍后再试。");
    }
    search::SearchFilters filters;
    if (chosen != nullptr) filters.agency_id = chosen->id;
    filters.topic = q.topic;
    Result<search::SearchResults> found = call.site().search->Search(
        q.q, filters, q.by_date ? search::SearchSort::kDate : search::SearchSort::kRelevance,
        (q.page - 1) * kPageSize, kPageSize);
    if (!found.ok()) {
      if (found.status().code() == ErrorCode::kInvalidInput) {
        view.set("has_error", true);
        view.set("error", found.status().message());
        status = 400;
      } else if (found.status().code() == ErrorCode::kStorage ||
                 found.status().code() == ErrorCode::kConflict) {
        return ErrorPage(call, 503, "检索服务暂时不可用（搜索索引正在更新、重建或无法读取），请稍后再试。");
      } else {
        return StatusPage(call, found.status());
      }
    } else {
      const int64_t total = found->total_estimate;
      const int pages = static_cast<int>(
          std::min<int64_t>((total + kPageSize - 1) / kPageSize, kMaxPage));
      if (total > 0 && q.page > pages) {
        return ErrorPage(call, 404,
                         "没有第 " + std::to_string(q.page) + " 页：检索结果共 " +
                             std::to_string(pages) + " 页");
      }
      ViewList hits;
      for (const search::SearchHit& h : found->hits) {
        View v;
        auto a = by_id.find(h.agency_id);
        if (a != by_id.end()) {
          const std::string key = h.index_no.empty() ? std::to_string(h.catalog_item_id)
                                                     : EncodePath(h.index_no, true);
          v.set("url", AgencyUrl(*a->second) + "items/" + key);
          v.set("agency_name", a->second->name);
          v.set("agency_url", AgencyUrl(*a->second));
        }
        v.set("title", HighlightSegments(h.title_highlighted));
        v.set("has_doc_no", !h.doc_no_highlighted.empty());
        v.set("doc_no", HighlightSegments(h.doc_no_highlighted));
        v.set("snippet", HighlightSegments(h.snippet_highlighted));
        v.set("has_snippet", !h.snippet_highlighted.empty());
        v.set("index_no", h.index_no);
        v.set("published", h.published_on.ToString());
        hits.push_back(v);
      }
      view.set("searched", true);
      view.set("hits", hits);
      view.set("has_hits", !found->hits.empty());
      view.set("total", std::to_string(total));
      view.set("relevance_url", SearchUrl(q, 1, false));
      view.set("date_url", SearchUrl(q, 1, true));
      view.set("pagination", Pagination(q, std::max(1, pages)));
    }
  }

  PageMeta meta;
  meta.title = q.q.empty() ? "检索" : "检索：" + q.q;
  if (q.page > 1) meta.title += "（第 " + std::to_string(q.page) + " 页）";
  meta.crumbs = {{"检索", ""}};
  Response r = RenderPage(call, status, "portal/search", view, meta);
  r.status = status;
  return r;
}

}  // namespace gongkai::http::portal
