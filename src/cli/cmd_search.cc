// gongkai search reindex|apply|query: the search index of the catalog (search/search_index.h)
// from the command line.
//   gongkai search reindex [--index DIR]      rebuild from the database, swap atomically
//   gongkai search apply [--index DIR]        apply the search outbox once
//   gongkai search query TEXT [--agency SLUG] [--topic T] [--genre G] [--sort date]
//                        [--offset N] [--limit N] [--json] [--index DIR]
// `query` opens the index, rebuilding it first if it is missing or damaged, and applies the
// outbox before searching.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/context.h"
#include "core/search_feed.h"
#include "search/search_index.h"

namespace gongkai::cli {
namespace {

struct SearchOptions {
  std::string index_dir = "var/search";
  std::string query;
  std::string agency;
  std::string topic;
  std::string genre;
  std::string sort = "relevance";
  int offset = 0;
  int limit = 20;
  bool json = false;
};

std::string Thousands(int64_t v) {
  std::string s = std::to_string(v), out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}

// "已索引 120000/1000000 条（8,500 条/秒）" on stderr.
search::ReindexOptions WithProgress() {
  search::ReindexOptions options;
  options.progress = [](const search::ReindexProgress& p) {
    const int64_t rate = p.seconds > 0 ? static_cast<int64_t>(p.done / p.seconds) : 0;
    std::cerr << "已索引 " << p.done << "/" << p.total << " 条（" << Thousands(rate)
              << " 条/秒）\n";
  };
  return options;
}

// Highlighted HTML → terminal text: <mark>x</mark> → 【x】, entities decoded.
std::string ForTerminal(const std::string& html) {
  std::string out;
  for (size_t i = 0; i < html.size();) {
    bool matched = false;
    for (auto [from, to] :
         std::initializer_list<std::pair<std::string_view, std::string_view>>{{"<mark>", "【"},
                                                                              {"</mark>", "】"},
                                                                              {"&lt;", "<"},
                                                                              {"&gt;", ">"},
                                                                              {"&quot;", "\""},
                                                                              {"&#39;", "'"},
                                                                              {"&amp;", "&"}}) {
      if (html.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        matched = true;
        break;
      }
    }
    if (!matched) out += html[i++];
  }
  return out;
}

Result<std::unique_ptr<SearchFeed>> Feed(Context& ctx) {
  return OpenSearchFeed(ctx.options().db_url);
}

int Reindex(Context& ctx, const SearchOptions& o) {
  Result<std::unique_ptr<SearchFeed>> feed = Feed(ctx);
  if (!feed.ok()) return Fail(feed.status());
  Result<search::ReindexStats> stats = search::Reindex(**feed, o.index_dir, WithProgress());
  if (!stats.ok()) return Fail(stats.status());
  std::cout << "已重建搜索索引 " << o.index_dir << "：" << stats->documents << " 条，用时 "
            << static_cast<int64_t>(stats->seconds * 10) / 10.0 << " 秒，占用 "
            << Thousands(stats->bytes / 1024) << " KB，变更队列位置 " << stats->outbox_position
            << "\n";
  return kExitOk;
}

int Apply(Context& ctx, const SearchOptions& o) {
  Result<std::unique_ptr<SearchFeed>> feed = Feed(ctx);
  if (!feed.ok()) return Fail(feed.status());
  Result<std::unique_ptr<search::SearchIndex>> index =
      search::EnsureIndex(**feed, o.index_dir, WithProgress());
  if (!index.ok()) return Fail(index.status());
  Result<int64_t> position = (*index)->OutboxPosition();
  if (!position.ok()) return Fail(position.status());
  Result<int64_t> count = (*index)->DocumentCount();
  if (!count.ok()) return Fail(count.status());
  std::cout << "搜索索引 " << o.index_dir << " 已更新到变更队列位置 " << *position << "，共 "
            << *count << " 条\n";
  return kExitOk;
}

int Query(Context& ctx, const SearchOptions& o) {
  search::SearchFilters filters;
  filters.topic = o.topic;
  filters.genre = o.genre;
  Result<Repository*> repo = ctx.Repo();
  if (!repo.ok()) return Fail(repo.status());
  if (!o.agency.empty()) {
    Result<Agency> agency = (*repo)->FindAgency(o.agency);
    if (!agency.ok()) return Fail(agency.status());
    filters.agency_id = agency->id;
  }
  Result<std::vector<Agency>> agencies = (*repo)->ListAgencies();
  if (!agencies.ok()) return Fail(agencies.status());
  std::map<int64_t, const Agency*> by_id;
  for (const Agency& a : *agencies) by_id[a.id] = &a;

  Result<std::unique_ptr<SearchFeed>> feed = Feed(ctx);
  if (!feed.ok()) return Fail(feed.status());
  Result<std::unique_ptr<search::SearchIndex>> index =
      search::EnsureIndex(**feed, o.index_dir, WithProgress());
  if (!index.ok()) return Fail(index.status());
  const search::SearchSort sort =
      o.sort == "date" ? search::SearchSort::kDate : search::SearchSort::kRelevance;
  Result<search::SearchResults> r = (*index)->Search(o.query, filters, sort, o.offset, o.limit);
  if (!r.ok()) return Fail(r.status());

  if (o.json) {
    nlohmann::json out;
    out["query"] = o.query;
    out["total_estimate"] = r->total_estimate;
    out["hits"] = nlohmann::json::array();
    for (const search::SearchHit& h : r->hits) {
      const auto a = by_id.find(h.agency_id);
      out["hits"].push_back({{"catalog_item_id", h.catalog_item_id},
                             {"agency_id", h.agency_id},
                             {"agency", a != by_id.end() ? a->second->slug : ""},
                             {"index_no", h.index_no},
                             {"published_on", h.published_on.ToString()},
                             {"score", h.score},
                             {"title_html", h.title_highlighted},
                             {"doc_no_html", h.doc_no_highlighted},
                             {"snippet_html", h.snippet_highlighted}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << "约 " << r->total_estimate << " 条结果";
  if (!r->hits.empty()) {
    std::cout << "，第 " << o.offset + 1 << "–" << o.offset + r->hits.size() << " 条";
  }
  std::cout << "\n";
  int n = o.offset;
  for (const search::SearchHit& h : r->hits) {
    const auto a = by_id.find(h.agency_id);
    std::cout << "\n" << ++n << ". " << ForTerminal(h.title_highlighted);
    if (!h.doc_no_highlighted.empty())
      std::cout << "（" << ForTerminal(h.doc_no_highlighted) << "）";
    std::cout << "\n   " << h.published_on.ToString() << "  "
              << (a != by_id.end() ? a->second->short_name : std::to_string(h.agency_id)) << "  "
              << h.index_no << "\n";
    if (!h.snippet_highlighted.empty()) {
      std::cout << "   " << ForTerminal(h.snippet_highlighted) << "\n";
    }
  }
  return kExitOk;
}

}  // namespace

void AddSearchCommand(CLI::App& app, Context& ctx, int* exit_code) {
  auto o = std::make_shared<SearchOptions>();
  CLI::App* cmd = app.add_subcommand("search", "目录检索：重建索引、应用变更队列、查询");
  cmd->require_subcommand(1);
  auto add_index = [o](CLI::App* sub) {
    sub->add_option("--index", o->index_dir, "搜索索引目录")->envname("GONGKAI_SEARCH_INDEX");
  };

  CLI::App* reindex = cmd->add_subcommand("reindex", "从数据库重建搜索索引（建好后原子替换）");
  add_index(reindex);
  reindex->callback([&ctx, o, exit_code] { *exit_code = Reindex(ctx, *o); });

  CLI::App* apply = cmd->add_subcommand("apply", "把搜索变更队列应用到本机的索引");
  add_index(apply);
  apply->callback([&ctx, o, exit_code] { *exit_code = Apply(ctx, *o); });

  CLI::App* query = cmd->add_subcommand("query", "检索已公开的目录条目");
  query->add_option("text", o->query, "搜索词（汉字、字母或数字；多个词之间为“且”）")->required();
  query->add_option("--agency", o->agency, "只检索该机关（机关代码 slug）");
  query->add_option("--topic", o->topic, "只检索该主题分类（含其下级分类）");
  query->add_option("--genre", o->genre, "只检索该体裁");
  query->add_option("--sort", o->sort, "排序：relevance（相关度，默认）或 date（公开日期）")
      ->check(CLI::IsMember({"relevance", "date"}));
  query->add_option("--offset", o->offset, "从第几条结果开始（0 起）");
  query->add_option("--limit", o->limit, "最多显示几条（1–100）");
  query->add_flag("--json", o->json, "以 JSON 输出（标题与摘要为已转义并带 <mark> 的 HTML）");
  add_index(query);
  query->callback([&ctx, o, exit_code] { *exit_code = Query(ctx, *o); });
}

}  // namespace gongkai::cli
