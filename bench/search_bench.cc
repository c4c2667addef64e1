// Search on generated Chinese catalog items (issue 3 target: p95 ≤ 20 ms for ranked 1-, 2-, 3-
// and 4+-character queries on 1,000,000 items), with the index build rate and size.
//
//   search_bench [--docs N] [--db-docs M] [--dir DIR] [--runs R] [--flush F] [--no-compact]
//                [--reuse]   (--reuse: keep and reuse the index already built in DIR/index)
//                [--db PATH] (build the index from a SQLite database of the N generated items)
//
// With --db PATH, step 1 first writes the N generated items (ids 1..N, published, in 192
// agencies "d<district>-<department>") into the SQLite database PATH (created with the
// current schema; an existing PATH that already holds N items is reused) and then builds the
// index from that database through store/search_feed.cc — the path `gongkai search reindex`
// takes. The database and DIR are kept, so `gongkai serve` can run on both
// (bench/http/rss_1m.sh does).
//
// 1. Builds an index of N generated items (default 1,000,000) through the real Reindex path
//    (search/indexer.h) from a generating SearchFeed — no database, so the figure is the
//    indexer's own rate — and prints documents/s and the size on disk.
// 2. Runs each query of the four length classes (common and rare terms) R times (after one
//    warm-up pass) ranked by relevance, 20 hits with highlighting as the portal asks, and prints
//    p50/p95/p99 per class; then the same for 4+-character queries as AND of trigrams instead
//    of phrases, and for sorting by date.
// 3. Loads M generated items (default 20,000) into a SQLite database and measures reindex from
//    the database (store/search_feed.cc + indexer).
// On this machine (2 cores) the default run takes about 5 minutes; see docs/search.md.
#include <sqlite3.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/repository.h"
#include "core/search_feed.h"
#include "search/indexer.h"
#include "search/query_builder.h"
#include "search/search_index.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// --- Vocabulary in the style of src/dataset/demo.cc's catalog generator ---------------------

const std::vector<const char*> kDistricts = {"东湖区", "西山区", "南湖区", "北园区",
                                             "青山区", "白河区", "江城市", "临江县",
                                             "松原县", "河口镇", "新城区", "高新区"};
const std::vector<const char*> kDepartments = {
    "人民政府办公室",       "自然资源局", "市场监督管理局", "住房和城乡建设局",
    "人力资源和社会保障局", "教育局",     "卫生健康委员会", "生态环境局",
    "交通运输局",           "农业农村局", "民政局",         "财政局",
    "应急管理局",           "商务局",     "文化旅游局",     "水利局"};
const std::vector<const char*> kDocWords = {
    "政办发", "自然资发", "市监发", "住建发", "人社发", "教发", "卫健发", "环发",
    "交发",   "农发",     "民发",   "财发",   "应急发", "商发", "文旅发", "水发"};
const std::vector<const char*> kSubjects = {"政务公开工作要点",
                                            "重点民生实事项目",
                                            "突发事件总体应急预案",
                                            "行政规范性文件管理",
                                            "优化营商环境",
                                            "防汛抗旱工作",
                                            "安全生产月活动",
                                            "国有建设用地使用权出让",
                                            "不动产登记",
                                            "土地征收成片开发方案",
                                            "国土空间总体规划",
                                            "耕地保护",
                                            "地质灾害防治",
                                            "农村宅基地审批",
                                            "食品安全抽检",
                                            "特种设备安全监察",
                                            "企业年度报告公示",
                                            "价格监督检查",
                                            "产品质量监督抽查",
                                            "老旧小区改造",
                                            "保障性住房",
                                            "建筑工地扬尘治理",
                                            "物业服务管理",
                                            "城市更新项目",
                                            "燃气安全",
                                            "就业创业补贴",
                                            "城乡居民养老保险",
                                            "职业技能培训",
                                            "义务教育招生",
                                            "学前教育资助",
                                            "基本公共卫生服务",
                                            "疫苗接种",
                                            "医疗机构监管",
                                            "大气污染防治",
                                            "河长制工作",
                                            "道路运输安全",
                                            "农村公路建设",
                                            "高标准农田建设",
                                            "动物防疫",
                                            "最低生活保障",
                                            "养老服务",
                                            "政府采购",
                                            "预算绩效管理",
                                            "专项债券",
                                            "消防安全检查",
                                            "外贸稳增长",
                                            "文物保护",
                                            "水土保持",
                                            "饮用水水源保护",
                                            "乡村振兴"};
const std::vector<const char*> kTitlePatterns = {
    "关于做好%s工作的通知", "关于开展%s专项检查的通知",   "关于进一步加强%s工作的意见",
    "关于%s有关事项的公告", "关于%s工作情况的通报",       "关于印发《%s实施方案》的通知",
    "%s资金分配情况公示",   "%s服务采购项目成交结果公告", "%s统计信息",
    "关于%s的批复"};
const std::vector<const char*> kSentences = {
    "各有关单位要高度重视%s，切实加强组织领导，明确责任分工。",
    "按照上级部署，结合本地实际，现就%s有关事项通知如下。",
    "%s是保障和改善民生的重要举措，各部门要密切配合，形成工作合力。",
    "请于每季度末将%s进展情况报送办公室，联系电话见附件。",
    "本次%s共涉及项目若干个，资金已按规定拨付到位。",
    "对%s中发现的问题，要建立台账，限期整改，确保整改到位。",
    "%s工作纳入年度绩效考核，考核结果向社会公开。",
    "申请人对%s有异议的，可以在公示期内向本机关书面反映。",
    "本通知自印发之日起施行，此前规定与本通知不一致的，以本通知为准。",
    "各乡镇人民政府、街道办事处要做好%s的宣传解读工作。",
    "全年累计完成%s任务，群众满意度明显提升。",
    "下一步，我们将继续推进%s，不断提高工作质量和效率。"};
// Rare words: each in about 1 item of 10,000 (place names, specific objects).
const std::vector<const char*> kRare = {"青年路小区",   "渔政执法",   "鹤鸣湖湿地", "石榴籽工程",
                                        "猕猴桃产业园", "磷化工园区", "翡翠湾码头", "蓝莓种植"};

class Rng {
 public:
  explicit Rng(uint64_t seed) : gen_(seed) {}
  int Int(int lo, int hi) {
    return lo + static_cast<int>(gen_() % static_cast<uint64_t>(hi - lo + 1));
  }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[gen_() % v.size()];
  }
  bool Chance(double p) { return static_cast<double>(gen_() >> 11) * 0x1.0p-53 < p; }

 private:
  std::mt19937_64 gen_;
};

std::string Format(const char* pattern, const std::string& arg) {
  char buf[512];
  std::snprintf(buf, sizeof buf, pattern, arg.c_str());
  return buf;
}

// Item `id`, the same on every run.
SearchDocument Generate(int64_t id) {
  Rng r(static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ull + 7);
  SearchDocument d;
  d.catalog_item_id = id;
  const int dept = r.Int(0, static_cast<int>(kDepartments.size()) - 1);
  d.agency_id = 1 + dept + 100 * r.Int(0, static_cast<int>(kDistricts.size()) - 1);
  const std::string district = r.Pick(kDistricts);
  std::string subject = r.Pick(kSubjects);
  const bool rare = r.Chance(0.0001);
  if (rare) subject = std::string(r.Pick(kRare)) + subject;
  const int year = r.Int(2015, 2025);
  d.title = Format(r.Pick(kTitlePatterns), subject);
  if (r.Chance(0.5)) d.title = district + kDepartments[dept] + d.title;
  if (r.Chance(0.6)) {
    d.doc_no = std::string(district).substr(0, 3) + kDocWords[dept] + "〔" + std::to_string(year) +
               "〕" + std::to_string(r.Int(1, 120)) + "号";
  }
  d.index_no = "11" + std::to_string(100000 + dept) + "/" + std::to_string(year) + "-" +
               std::to_string(10000 + id % 90000);
  d.publisher = district + kDepartments[dept];
  d.topic = "综合政务\\政务公开";
  d.genre = d.title.find("通知") != std::string::npos ? "通知" : "公告";
  d.summary = "部署" + subject + "相关工作。";
  const int sentences = r.Int(4, 12);
  for (int i = 0; i < sentences; ++i) {
    d.body += Format(r.Pick(kSentences), r.Chance(0.7) ? subject : std::string(r.Pick(kSubjects)));
  }
  d.published_on = Date::FromYmd(year, r.Int(1, 12), r.Int(1, 28));
  return d;
}

// A feed that generates items 1..n on demand (no outbox).
class GeneratedFeed : public SearchFeed {
 public:
  explicit GeneratedFeed(int64_t n) : n_(n) {}
  Result<std::vector<SearchDocument>> ListDocuments(int64_t after_id, int limit) override {
    std::vector<SearchDocument> out;
    for (int64_t id = after_id + 1; id <= n_ && static_cast<int>(out.size()) < limit; ++id) {
      out.push_back(Generate(id));
    }
    return out;
  }
  Result<int64_t> CountDocuments() override { return n_; }
  Result<std::optional<SearchDocument>> FindDocument(int64_t id) override {
    if (id < 1 || id > n_) return std::optional<SearchDocument>();
    return std::optional<SearchDocument>(Generate(id));
  }
  Result<std::vector<SearchOutboxEntry>> ListOutbox(int64_t, int) override {
    return std::vector<SearchOutboxEntry>();
  }
  Result<int64_t> LastOutboxId() override { return 0; }

 private:
  int64_t n_;
};

int64_t DirBytes(const std::string& path) {
  int64_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(path)) {
    if (e.is_regular_file()) bytes += static_cast<int64_t>(e.file_size());
  }
  return bytes;
}

std::string Thousands(int64_t v) {
  std::string s = std::to_string(v), out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}

// --- A SQLite database of the generated items (--db) -----------------------------------------

// The generated agency ids are 1 + department + 100 × district; the database gets one agency
// per pair with exactly that id, slug "d<district>-<department>".
int ExecOrDie(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "SQLite 语句失败：%s\n  %s\n", err ? err : "?", sql.c_str());
    std::exit(1);
  }
  return 0;
}

int64_t CountItems(const std::string& path) {
  sqlite3* db = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM catalog_items", -1, &st, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return n;
}

// Writes items 1..n into a new database at `path` (schema through OpenRepository).
void LoadDatabase(const std::string& path, int64_t n) {
  if (CountItems(path) == n) {
    std::printf("沿用数据库 %s（%s 条目录条目）\n", path.c_str(), Thousands(n).c_str());
    return;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  {
    Result<std::unique_ptr<Repository>> repo = OpenRepository(path);  // creates the schema
    if (!repo.ok()) {
      std::fprintf(stderr, "%s\n", repo.status().message().c_str());
      std::exit(1);
    }
  }
  const auto t0 = Clock::now();
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::fprintf(stderr, "无法打开数据库 %s\n", path.c_str());
    std::exit(1);
  }
  ExecOrDie(db, "PRAGMA synchronous = OFF");
  ExecOrDie(db, "BEGIN");
  for (size_t district = 0; district < kDistricts.size(); ++district) {
    for (size_t dept = 0; dept < kDepartments.size(); ++dept) {
      const int64_t id = 1 + static_cast<int64_t>(dept) + 100 * static_cast<int64_t>(district);
      const std::string name = std::string(kDistricts[district]) + kDepartments[dept];
      char code[16];
      std::snprintf(code, sizeof code, "11%07lld", static_cast<long long>(id));
      ExecOrDie(db, "INSERT INTO agencies (id, slug, name, short_name, org_code, region) VALUES (" +
                        std::to_string(id) + ", 'd" + std::to_string(district) + "-" +
                        std::to_string(dept) + "', '" + name + "', '" + kDepartments[dept] +
                        "', '" + code + "', '江北省江城市')");
    }
  }
  sqlite3_stmt* st = nullptr;
  const char* kInsert =
      "INSERT INTO catalog_items (id, agency_id, index_no, title, doc_no, publisher, created_on, "
      "published_on, topic, genre, summary, body, is_normative) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
  if (sqlite3_prepare_v2(db, kInsert, -1, &st, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "%s\n", sqlite3_errmsg(db));
    std::exit(1);
  }
  for (int64_t id = 1; id <= n; ++id) {
    const SearchDocument d = Generate(id);
    const std::string index_no = d.index_no + "-" + std::to_string(id);  // unique per agency
    const std::string date = d.published_on.ToString();
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, d.agency_id);
    int col = 3;
    for (const std::string* text : {&index_no, &d.title, &d.doc_no, &d.publisher, &date, &date,
                                    &d.topic, &d.genre, &d.summary, &d.body}) {
      sqlite3_bind_text(st, col++, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
    }
    if (sqlite3_step(st) != SQLITE_DONE) {
      std::fprintf(stderr, "插入第 %lld 条失败：%s\n", static_cast<long long>(id),
                   sqlite3_errmsg(db));
      std::exit(1);
    }
    sqlite3_reset(st);
    if (id % 100000 == 0) std::fprintf(stderr, "  已写入 %s 条\n", Thousands(id).c_str());
  }
  sqlite3_finalize(st);
  ExecOrDie(db, "COMMIT");
  ExecOrDie(db, "ANALYZE");
  sqlite3_close(db);
  const double s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("数据库：%s 条写入 %s，%.1f 秒（%s 条/秒），%.1f MB\n", Thousands(n).c_str(),
              path.c_str(), s, Thousands(static_cast<int64_t>(n / s)).c_str(),
              static_cast<double>(fs::file_size(path)) / 1e6);
}

struct Percentiles {
  double p50, p95, p99, max;
};

Percentiles Of(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))];
  };
  return {at(0.50), at(0.95), at(0.99), ms.back()};
}

const std::map<std::string, std::vector<std::string>>& QueryClasses() {
  static const std::map<std::string, std::vector<std::string>> kClasses = {
      {"1 字", {"局", "公", "通", "防", "农", "渔", "鹤", "磷", "榴", "翡"}},
      {"2 字", {"通知", "工作", "公开", "安全", "预算", "政府", "渔政", "鹤鸣", "湿地", "码头"}},
      {"3 字",
       {"合格率", "政务公", "通知书", "应急预", "养老服", "绩效考", "猕猴桃", "青年路", "翡翠湾",
        "磷化工"}},
      {"4+ 字",
       {"政务公开工作要点", "防汛抗旱", "国有建设用地使用权出让", "老旧小区改造", "关于做好",
        "资金分配情况公示", "青年路小区", "鹤鸣湖湿地", "石榴籽工程", "商发 2020"}},
  };
  return kClasses;
}

// Runs every query of each class `runs` times; prints the percentiles.
void MeasureQueries(search::SearchIndex& index, int runs, search::SearchSort sort,
                    const char* label) {
  std::printf("\n%s（每类 10 个查询 × %d 次，取前 20 条并高亮）\n", label, runs);
  std::printf("  %-8s %9s %9s %9s %9s   %s\n", "查询", "p50 ms", "p95 ms", "p99 ms", "max ms",
              "命中数（估计，最少–最多）");
  for (const auto& [name, queries] : QueryClasses()) {
    std::vector<double> ms;
    int64_t fewest = INT64_MAX, most = 0;
    for (int run = -1; run < runs; ++run) {  // run -1 warms the cache
      for (const std::string& q : queries) {
        const auto t0 = Clock::now();
        Result<search::SearchResults> r = index.Search(q, {}, sort, 0, 20);
        const double t = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (!r.ok()) {
          std::fprintf(stderr, "查询 %s 失败：%s\n", q.c_str(), r.status().message().c_str());
          std::exit(1);
        }
        if (run < 0) continue;
        ms.push_back(t);
        fewest = std::min(fewest, r->total_estimate);
        most = std::max(most, r->total_estimate);
      }
    }
    const Percentiles p = Of(ms);
    std::printf("  %-8s %9.2f %9.2f %9.2f %9.2f   %s–%s\n", name.c_str(), p.p50, p.p95, p.p99,
                p.max, Thousands(fewest).c_str(), Thousands(most).c_str());
  }
}

// The 4+-character class as AND of trigrams (no phrase check), ranked, bare Xapian: the
// alternative DESIGN.md asks to measure.
void MeasureAndVariant(const std::string& dir, int runs) {
  Xapian::Database db(dir + "/XAPIANDB");
  std::printf("\n4+ 字查询：三元组 AND 与短语（仅 Xapian 检索，不含高亮）\n");
  std::printf("  %-8s %-6s %9s %9s %9s   %s\n", "查询", "方式", "p50 ms", "p95 ms", "p99 ms",
              "命中数合计");
  for (const auto& [name, queries] : QueryClasses()) {
    if (name != "4+ 字") continue;  // up to 3 characters are one term
    for (auto [mode, mode_name] :
         {std::pair{search::CjkMatch::kPhrase, "短语"}, std::pair{search::CjkMatch::kAnd, "AND"}}) {
      std::vector<double> ms;
      int64_t total = 0;
      for (int run = -1; run < runs; ++run) {
        for (const std::string& q : queries) {
          const auto t0 = Clock::now();
          Xapian::Enquire enquire(db);
          enquire.set_query(search::BuildQuery(q, mode));
          Xapian::MSet m = enquire.get_mset(0, 20);
          const double t = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
          if (run < 0) continue;
          ms.push_back(t);
          if (run == 0) total += m.get_matches_estimated();
        }
      }
      const Percentiles p = Of(ms);
      std::printf("  %-8s %-6s %9.2f %9.2f %9.2f   %s\n", name.c_str(), mode_name, p.p50, p.p95,
                  p.p99, Thousands(total).c_str());
    }
  }
}

void MeasureReindexFromDb(const std::string& work, int64_t n) {
  const std::string db_path = work + "/bench.db";
  fs::remove(db_path);
  fs::remove(db_path + "-wal");
  fs::remove(db_path + "-shm");
  Result<std::unique_ptr<Repository>> repo = OpenRepository(db_path);
  if (!repo.ok()) {
    std::fprintf(stderr, "%s\n", repo.status().message().c_str());
    std::exit(1);
  }
  Dataset ds;
  Agency a;
  a.slug = "bench";
  a.name = a.short_name = "基准测试局";
  a.org_code = "000000001";
  a.region = "江北省江城市";
  ds.agencies.push_back(a);
  for (int64_t id = 1; id <= n; ++id) {
    SearchDocument d = Generate(id);
    CatalogItem c;
    c.index_no = "000000001/" + std::to_string(d.published_on.year()) + "-" + std::to_string(id);
    c.title = d.title;
    c.doc_no = d.doc_no;
    c.publisher = d.publisher;
    c.created_on = d.published_on;
    c.published_on = d.published_on;
    c.topic = d.topic;
    c.genre = d.genre;
    c.summary = d.summary;
    c.body = d.body;
    ds.catalog_items.push_back({"bench", std::move(c)});
  }
  Result<ImportSummary> imported = (*repo)->Import(ds);
  if (!imported.ok()) {
    std::fprintf(stderr, "%s\n", imported.status().message().c_str());
    std::exit(1);
  }
  repo->reset();
  Result<std::unique_ptr<SearchFeed>> feed = OpenSearchFeed(db_path);
  if (!feed.ok()) {
    std::fprintf(stderr, "%s\n", feed.status().message().c_str());
    std::exit(1);
  }
  Result<search::ReindexStats> stats = search::Reindex(**feed, work + "/db-index");
  if (!stats.ok()) {
    std::fprintf(stderr, "%s\n", stats.status().message().c_str());
    std::exit(1);
  }
  std::printf("\n从 SQLite 数据库重建索引：%s 条，%.1f 秒，%s 条/秒，索引 %.1f MB\n",
              Thousands(stats->documents).c_str(), stats->seconds,
              Thousands(static_cast<int64_t>(stats->documents / stats->seconds)).c_str(),
              static_cast<double>(stats->bytes) / 1e6);
}

int Main(int argc, char** argv) {
  int64_t docs = 1000000, db_docs = 20000, flush = 20000;
  int runs = 20;
  bool compact = true, reuse = false;
  std::string dir, db_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--docs") {
      docs = std::atoll(next().c_str());
    } else if (arg == "--db-docs") {
      db_docs = std::atoll(next().c_str());
    } else if (arg == "--runs") {
      runs = std::atoi(next().c_str());
    } else if (arg == "--flush") {
      flush = std::atoll(next().c_str());
    } else if (arg == "--dir") {
      dir = next();
    } else if (arg == "--no-compact") {
      compact = false;
    } else if (arg == "--reuse") {
      reuse = true;
    } else if (arg == "--db") {
      db_path = next();
    } else {
      std::fprintf(stderr,
                   "用法：search_bench [--docs N] [--db-docs M] [--dir DIR] [--runs R] "
                   "[--flush F] [--no-compact] [--reuse] [--db PATH]\n");
      return 2;
    }
  }
  const bool own_dir = dir.empty();
  if (own_dir)
    dir = (fs::temp_directory_path() / ("gongkai-search-bench-" + std::to_string(::getpid())))
              .string();
  fs::create_directories(dir);
  const std::string index_dir = dir + "/index";

  if (reuse && search::SearchIndex::Open(index_dir).ok()) {
    std::printf("沿用 %s 中已建的索引（%.1f MB）\n", index_dir.c_str(),
                static_cast<double>(DirBytes(index_dir)) / 1e6);
  } else {
    std::printf("生成并索引 %s 条目录条目（写入缓冲 %s 条，%s）…\n", Thousands(docs).c_str(),
                Thousands(flush).c_str(), compact ? "建成后压缩" : "不压缩");
    std::unique_ptr<SearchFeed> feed;
    if (db_path.empty()) {
      feed = std::make_unique<GeneratedFeed>(docs);
    } else {
      LoadDatabase(db_path, docs);
      std::printf("从数据库 %s 建索引\n", db_path.c_str());
      Result<std::unique_ptr<SearchFeed>> opened = OpenSearchFeed(db_path);
      if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", opened.status().message().c_str());
        return 1;
      }
      feed = std::move(opened).value();
    }
    search::ReindexOptions options;
    options.flush_threshold = flush;
    options.compact = compact;
    options.progress_every = 100000;
    options.progress = [](const search::ReindexProgress& p) {
      std::fprintf(stderr, "  已索引 %s/%s 条（%s 条/秒）\n", Thousands(p.done).c_str(),
                   Thousands(p.total).c_str(),
                   Thousands(static_cast<int64_t>(p.done / std::max(p.seconds, 1e-9))).c_str());
    };
    Result<search::ReindexStats> stats = search::Reindex(*feed, index_dir, options);
    if (!stats.ok()) {
      std::fprintf(stderr, "%s\n", stats.status().message().c_str());
      return 1;
    }
    std::printf("索引：%s 条，%.1f 秒，%s 条/秒；磁盘占用 %.1f MB（%.0f 字节/条）\n",
                Thousands(stats->documents).c_str(), stats->seconds,
                Thousands(static_cast<int64_t>(stats->documents / stats->seconds)).c_str(),
                static_cast<double>(DirBytes(index_dir)) / 1e6,
                static_cast<double>(DirBytes(index_dir)) / static_cast<double>(stats->documents));
  }

  Result<std::unique_ptr<search::SearchIndex>> index = search::SearchIndex::Open(index_dir);
  if (!index.ok()) {
    std::fprintf(stderr, "%s\n", index.status().message().c_str());
    return 1;
  }
  MeasureQueries(**index, runs, search::SearchSort::kRelevance, "按相关度排序");
  MeasureAndVariant(index_dir, runs);
  MeasureQueries(**index, std::max(1, runs / 4), search::SearchSort::kDate, "按日期排序（参考）");
  if (db_docs > 0) MeasureReindexFromDb(dir, db_docs);
  if (own_dir && db_path.empty()) {
    fs::remove_all(dir);
  } else {
    std::printf("\n索引保留在 %s\n", index_dir.c_str());
  }
  return 0;
}

}  // namespace
}  // namespace gongkai

int main(int argc, char** argv) { return gongkai::Main(argc, argv); }
