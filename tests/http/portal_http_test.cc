// The public portal over HTTP, against a running `gongkai serve` (the built binary), on SQLite
// and on PostgreSQL:
//   Sqlite/PortalHttpTest.*    a database file in a temporary directory;
//   Postgres/PortalHttpTest.*  a fresh database on the private cluster (tests/pg/pg_cluster.sh)
//                              whose URL is in the file named by $GONGKAI_TEST_PG_URL_FILE.
// Each test loads tests/fixtures/changyi-2018.json, `demo generate --agencies 2 --applications
// 200 --seed 5` and a small dataset whose names and titles carry markup, starts the server on a
// free port with a fixed --today, and talks to it with libcurl (or a raw socket where the test
// needs to control the reading).
#include <arpa/inet.h>
#include <curl/curl.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/guide.h"
#include "core/repository.h"
#include "tests/e2e/e2e_util.h"
#include "tests/http/http_harness.h"

namespace gongkai::http_test {
namespace {

namespace fs = std::filesystem;
using e2e::Gongkai;
using e2e::Quote;
using e2e::RunResult;
using e2e::Slurp;
using e2e::TempDir;

// ---------------------------------------------------------------------------------------------
// XML, minimally: tags balance, attributes are quoted, '&' starts an entity.
// ---------------------------------------------------------------------------------------------

// Empty if `xml` is well-formed by these rules, else what is wrong.
std::string XmlProblem(const std::string& xml) {
  std::vector<std::string> open;
  size_t i = 0;
  if (xml.rfind("<?xml", 0) == 0) i = xml.find("?>") + 2;
  int roots = 0;
  while (i < xml.size()) {
    if (xml[i] == '&') {
      static const std::regex kEntity(R"(^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)");
      if (!std::regex_search(xml.substr(i, 12), kEntity))
        return "bad entity at " + std::to_string(i);
      ++i;
      continue;
    }
    if (xml[i] != '<') {
      ++i;
      continue;
    }
    const size_t end = xml.find('>', i);
    if (end == std::string::npos) return "unclosed tag at " + std::to_string(i);
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.find('<') != std::string::npos) return "'<' inside a tag: " + tag;
    if (!tag.empty() && tag[0] == '/') {
      const std::string name = tag.substr(1);
      if (open.empty() || open.back() != name) return "mismatched </" + name + ">";
      open.pop_back();
      continue;
    }
    const bool self_closing = !tag.empty() && tag.back() == '/';
    if (self_closing) tag.pop_back();
    const std::string name = tag.substr(0, tag.find_first_of(" \t\n"));
    if (name.empty()) return "empty tag name";
    // Attributes: name="value" pairs, values without '<' or raw '&'.
    static const std::regex kAttrs(R"(^\s*([\w:.-]+="[^"<]*"\s*)*$)");
    if (!std::regex_match(tag.substr(name.size()), kAttrs))
      return "bad attributes in <" + tag + ">";
    if (open.empty()) ++roots;
    if (!self_closing) open.push_back(name);
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  if (roots != 1) return "expected one root element, found " + std::to_string(roots);
  return "";
}



// A dataset whose every display string carries markup, and an item with a large body.
std::string MarkupDataset(size_t big_body_bytes) {
  std::string big;
  while (big.size() < big_body_bytes) {
    big += "第" + std::to_string(big.size()) +
           "段：政府信息公开工作的正文，用于测试大响应在停止时仍能完整送达。\\n";  // a JSON escape
  }
  std::ostringstream j;
  j << R"({"version": 1,
  "agencies": [{"slug": "xss-test", "name": "<script>alert('机关')</script>测试局",
    "short_name": "<script>alert('简称')</script>", "org_code": "000099999",
    "region": "<b>地区</b>"}],
  "catalog_items": [
    {"agency": "xss-test", "index_no": "000099999/2019-00001",
     "title": "<script>alert(1)</script>政府信息公开工作制度", "doc_no": "<script>alert(2)</script>",
     "publisher": "<script>alert(6)</script>", "created_on": "2019-03-01",
     "published_on": "2019-03-02", "topic": "<script>alert(3)</script>", "genre": "通知",
     "summary": "<script>alert(4)</script>", "body": "<script>alert(5)</script>\n第二段 & <i>斜体</i>",
     "channels": [{"channel": "website", "published_on": "2019-03-02"}]},
    {"agency": "xss-test", "index_no": "000099999/2019-00002", "title": "大正文",
     "created_on": "2019-04-01", "published_on": "2019-04-02", "topic": "综合政务\\其他",
     "genre": "其他", "body": ")"
    << big << R"("}
  ]})";
  return j.str();
}

class PortalHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    database_.Create(GetParam(), (dir_.path() / "var" / "gongkai.db").string());
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = database_.url();
    const std::string fixture =
        std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/changyi-2018.json";
    RunResult load = Gongkai("--db " + Quote(db_) + " load " + Quote(fixture), dir_.path());
    ASSERT_EQ(load.exit_code, 0) << load.err;
    RunResult demo =
        Gongkai("--db " + Quote(db_) + " demo generate --agencies 2 --applications 200 --seed 5",
                dir_.path());
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    const fs::path markup = dir_.path() / "markup.json";
    std::ofstream(markup) << MarkupDataset(BigBodyBytes());
    RunResult extra =
        Gongkai("--db " + Quote(db_) + " load " + Quote(markup.string()), dir_.path());
    ASSERT_EQ(extra.exit_code, 0) << extra.err;
    RunResult agencies = Gongkai("--db " + Quote(db_) + " agencies --tsv", dir_.path());
    ASSERT_EQ(agencies.exit_code, 0) << agencies.err;
    std::istringstream lines(agencies.out);
    for (std::string line; std::getline(lines, line);) {
      const size_t tab = line.find('\t');
      const size_t tab2 = line.find('\t', tab + 1);
      slugs_.push_back(line.substr(0, tab));
      names_.push_back(line.substr(tab + 1, tab2 - tab - 1));
    }
  }

  void TearDown() override {
    server_.reset();
    database_.Drop();
  }

  virtual size_t BigBodyBytes() const { return 1000; }

  // Writes the configuration (JSON text with the access log path added) and starts the server.
  void StartServer(const std::string& extra_config = R"("rate_limit": {"enabled": false})") {
    const fs::path config = dir_.path() / ("config-" + std::to_string(configs_++) + ".json");
    std::ofstream(config) << "{\"access_log\": "
                          << "\"" << AccessLogPath() << "\", "
                          << "\"public_url\": \"https://gk.example.gov.cn/\", "
                          << "\"site_name\": \"测试区政府信息公开平台\", "
                          << "\"limits\": {\"max_body_bytes\": 4096, \"max_url_bytes\": 2048}, "
                          << extra_config << "}";
    server_ = std::make_unique<ServerProcess>(db_, config.string(), dir_.path());
    ASSERT_TRUE(server_->running());
  }

  std::string AccessLogPath() const { return (dir_.path() / "access.log").string(); }

  HttpResponse Get(const std::string& target, const std::vector<std::string>& headers = {}) {
    return Request(server_->base(), target, "GET", headers);
  }

  // The first demo agency (a generated 江城市 department).
  std::string DemoSlug() const {
    for (const std::string& s : slugs_) {
      if (s != "changyi-commerce" && s != "changyi-gov" && s != "xss-test") return s;
    }
    return "";
  }

  TempDir dir_;
  TestDatabase database_;
  std::string db_;
  std::vector<std::string> slugs_, names_;
  std::unique_ptr<ServerProcess> server_;
  int configs_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

TEST_P(PortalHttpTest, HomeListsAgenciesLatestDisclosuresAndASearchBox) {
  StartServer();
  EXPECT_NE(server_->banner().find(server_->base()), std::string::npos) << server_->banner();
  HttpResponse r = Get("/");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_TRUE(r.Has("<html lang=\"zh-CN\""));
  EXPECT_TRUE(r.Has("测试区政府信息公开平台"));
  for (const std::string& name :
       {std::string("吉林市昌邑区商务局"), std::string("吉林市昌邑区人民政府")}) {
    EXPECT_TRUE(r.Has(name)) << name;
  }
  ASSERT_FALSE(DemoSlug().empty());
  for (const std::string& slug : {std::string("changyi-commerce"), std::string("changyi-gov"),
                                  std::string("xss-test"), DemoSlug()}) {
    EXPECT_TRUE(r.Has("<a href=\"/agencies/" + slug + "/\">")) << slug;
  }
  EXPECT_TRUE(r.Has("机关（5 个）"));
  EXPECT_TRUE(r.Has("最新公开"));
  EXPECT_GE(CountOf(r.body, "/items/"), 10);
  EXPECT_TRUE(r.Has("action=\"/search\""));
  EXPECT_TRUE(r.Has("name=\"q\""));
  EXPECT_TRUE(r.Has("<label for=\"q\">"));
  EXPECT_TRUE(r.Has("href=\"#main\"")) << "skip link";
  EXPECT_TRUE(r.Has("<main id=\"main\""));
  // Security headers on every response.
  EXPECT_NE(r.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_NE(r.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_FALSE(r.Header("referrer-policy").empty());
  EXPECT_FALSE(r.Has("<script")) << "the portal needs no script (markup is escaped)";

  HttpResponse head = Request(server_->base(), "/", "HEAD");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.Header("content-length"), std::to_string(r.body.size()));
}

TEST_P(PortalHttpTest, AgencyPagesShowTheDisclosureColumnGuideAndRules) {
  StartServer();
  HttpResponse a = Get("/agencies/changyi-commerce/");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_TRUE(a.Has("<h1>吉林市昌邑区商务局</h1>"));
  for (const char* label :
       {"政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"}) {
    EXPECT_TRUE(a.Has(label)) << label;
  }
  EXPECT_TRUE(a.Has("上级机关：<a href=\"/agencies/changyi-gov/\">吉林市昌邑区人民政府</a>"));
  EXPECT_TRUE(a.Has("共 12 条")) << "the fixture's 12 published items";
  EXPECT_TRUE(a.Has("aria-current=\"page\">本机关首页"));
  EXPECT_EQ(Get("/agencies/changyi-commerce").status, 200) << "trailing slash optional";

  HttpResponse guide = Get("/agencies/changyi-commerce/guide");
  ASSERT_EQ(guide.status, 200);
  EXPECT_TRUE(guide.Has("<h1>政府信息公开指南</h1>"));
  EXPECT_TRUE(guide.Has("尚未在本平台发布政府信息公开指南"));
  EXPECT_TRUE(guide.Has("吉林省吉林市昌邑区"));
  EXPECT_TRUE(guide.Has("吉林市昌邑区人民政府"));

  HttpResponse rules = Get("/agencies/changyi-commerce/rules");
  ASSERT_EQ(rules.status, 200);
  EXPECT_TRUE(rules.Has("国务院令第711号"));
  EXPECT_TRUE(rules.Has("关于印发《昌邑区商务局政府信息公开工作制度》的通知"));
  EXPECT_TRUE(rules.Has("CYQSWJ/2018-00001"));

  HttpResponse missing = Get("/agencies/no-such-agency/");
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(missing.Has("未找到机关")) << missing.body;
  EXPECT_TRUE(missing.Has("no-such-agency"));
  for (const char* page : {"guide", "rules", "catalog", "reports/", "feed.atom", "items/1"}) {
    EXPECT_EQ(Get(std::string("/agencies/no-such-agency/") + page).status, 404) << page;
  }
}

// The guide is the agency's newest published version (versions dated after today stay hidden),
// with its channels and their rules; older versions stay readable.
TEST_P(PortalHttpTest, GuideShowsThePublishedVersionsWithTheirChannels) {
  {
    Result<std::unique_ptr<Repository>> repo = OpenRepository(db_);
    ASSERT_TRUE(repo.ok()) << repo.status().message();
    Result<Agency> agency = (*repo)->FindAgency("changyi-commerce");
    ASSERT_TRUE(agency.ok());
    Guide g;
    g.agency_id = agency->id;
    g.office_name = "昌邑区商务局办公室";
    g.address = "吉林市昌邑区<某>路1号";
    g.hours = "工作日 8:30–16:30";
    g.phone = "0432-1234567";
    g.intro = "本机关主动公开的政府信息见法定主动公开内容。\n按主题分类编排。";
    g.fees = "依法收取信息处理费。";
    g.channels = {{Channel::kInPerson, true, "政务服务中心三楼 12 号窗口"},
                  {Channel::kFax, false, "本机关不受理传真申请"}};
    g.actor = "admin";
    g.created_at = Timestamp::FromUnix(1'750'000'000);
    AuditRecord audit;
    audit.actor = "admin";
    audit.action = "guide.publish";
    audit.agency_id = agency->id;
    audit.recorded_at = g.created_at;
    for (const char* day : {"2025-01-02", "2026-01-05", "2027-01-01"}) {
      g.published_on = *Date::Parse(day);
      if (std::string(day) == "2026-01-05") g.office_name = "昌邑区商务局政务公开办公室";
      Result<Guide> stored = (*repo)->PublishGuide(g, audit);
      ASSERT_TRUE(stored.ok()) << stored.status().message();
    }
  }
  StartServer();
  HttpResponse now = Get("/agencies/changyi-commerce/guide");
  ASSERT_EQ(now.status, 200) << now.body;
  EXPECT_TRUE(now.Has("第 2 版，2026年1月5日发布"));
  EXPECT_TRUE(now.Has("<dd>昌邑区商务局政务公开办公室</dd>"));
  EXPECT_TRUE(now.Has("<dd>吉林市昌邑区&lt;某&gt;路1号</dd>"));
  EXPECT_TRUE(now.Has("<td>当面</td><td>受理</td><td>政务服务中心三楼 12 号窗口</td>"));
  EXPECT_TRUE(now.Has("<td>传真</td><td>不受理</td><td>本机关不受理传真申请</td>"));
  EXPECT_TRUE(now.Has("<p>按主题分类编排。</p>"));
  EXPECT_TRUE(now.Has("依法收取信息处理费"));
  EXPECT_TRUE(now.Has("href=\"/agencies/changyi-commerce/guide?version=1\""));
  EXPECT_FALSE(now.Has("第 3 版")) << "a version dated after today is not public yet";
  EXPECT_FALSE(now.Has("尚未在本平台发布"));

  HttpResponse old = Get("/agencies/changyi-commerce/guide?version=1");
  ASSERT_EQ(old.status, 200);
  EXPECT_TRUE(old.Has("第 1 版，2025年1月2日发布"));
  EXPECT_TRUE(old.Has("这是旧版本"));
  EXPECT_TRUE(old.Has("<dd>昌邑区商务局办公室</dd>"));
  EXPECT_EQ(Get("/agencies/changyi-commerce/guide?version=3").status, 404);
  EXPECT_EQ(Get("/agencies/changyi-commerce/guide?version=x").status, 400);
  EXPECT_TRUE(Get("/agencies/changyi-gov/guide").Has("尚未在本平台发布政府信息公开指南"));
}

TEST_P(PortalHttpTest, CatalogFiltersAndPagesTwentyItemsAtATime) {
  StartServer();
  const std::string base = "/agencies/" + DemoSlug() + "/catalog";
  HttpResponse all = Get(base);
  ASSERT_EQ(all.status, 200) << all.body;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(all.body, m, std::regex("共 (\\d+) 条")));
  const int total = std::stoi(m[1]);
  ASSERT_GT(total, 40) << "the demo agency publishes more than two pages";
  EXPECT_EQ(CountOf(all.body, "<td><a href=\"/agencies/"), 20);
  const int pages = (total + 19) / 20;
  EXPECT_TRUE(all.Has("第 1 页，共 " + std::to_string(pages) + " 页"));
  EXPECT_TRUE(all.Has("href=\"" + base + "?page=2\""));
  for (const char* label : {"主题分类", "体裁", "公开年份", "有效性"}) EXPECT_TRUE(all.Has(label));

  HttpResponse second = Get(base + "?page=2");
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(CountOf(second.body, "<td><a href=\"/agencies/"), 20);
  EXPECT_NE(second.body.substr(second.body.find("<tbody>")),
            all.body.substr(all.body.find("<tbody>")));
  HttpResponse last = Get(base + "?page=" + std::to_string(pages));
  EXPECT_EQ(CountOf(last.body, "<td><a href=\"/agencies/"), total - (pages - 1) * 20);
  HttpResponse beyond = Get(base + "?page=" + std::to_string(pages + 1));
  EXPECT_EQ(beyond.status, 404);
  EXPECT_TRUE(beyond.Has("没有第 " + std::to_string(pages + 1) + " 页"));

  // The year filter: every row is of that year, and the per-year counts add up to the total.
  int sum = 0;
  for (int year = 2010; year <= 2025; ++year) {
    HttpResponse y = Get(base + "?year=" + std::to_string(year));
    ASSERT_EQ(y.status, 200);
    ASSERT_TRUE(std::regex_search(y.body, m, std::regex("共 (\\d+) 条")));
    sum += std::stoi(m[1]);
    static const std::regex kDate("col-date\">(\\d{4})-");
    const std::string dates = y.body;
    for (std::sregex_iterator it(dates.begin(), dates.end(), kDate); it != std::sregex_iterator();
         ++it) {
      EXPECT_EQ(std::stoi((*it)[1]), year);
    }
  }
  EXPECT_EQ(sum, total);

  // Normative documents by validity: valid + expired + repealed ≤ total, and filters combine.
  int normative = 0;
  for (const char* v : {"valid", "expired", "repealed"}) {
    HttpResponse f = Get(base + "?validity=" + v);
    ASSERT_EQ(f.status, 200);
    ASSERT_TRUE(std::regex_search(f.body, m, std::regex("共 (\\d+) 条")));
    normative += std::stoi(m[1]);
    EXPECT_TRUE(f.Has(std::string("value=\"") + v + "\" selected"));
  }
  EXPECT_GT(normative, 0);
  EXPECT_LT(normative, total);
  HttpResponse topic = Get(base + "?genre=%E9%80%9A%E7%9F%A5");  // 通知
  ASSERT_EQ(topic.status, 200);
  EXPECT_TRUE(topic.Has("value=\"通知\" selected"));
  EXPECT_TRUE(topic.Has("清除筛选"));
}

TEST_P(PortalHttpTest, ItemPageShowsTheMetadataBoxAndBody) {
  StartServer();
  HttpResponse r = Get("/agencies/changyi-commerce/items/CYQSWJ/2018-00001");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.Has("<h1>关于印发《昌邑区商务局政府信息公开工作制度》的通知</h1>"));
  for (const char* label :
       {"索引号", "发布机构", "生成日期", "文号", "主题分类", "有效性", "公开日期"}) {
    EXPECT_TRUE(r.Has(std::string("<th scope=\"row\">") + label + "</th>")) << label;
  }
  EXPECT_TRUE(r.Has("<td>CYQSWJ/2018-00001</td>"));
  EXPECT_TRUE(r.Has("<td>吉林市昌邑区商务局</td>"));
  EXPECT_TRUE(r.Has("<td>2015年3月16日</td>"));
  EXPECT_TRUE(r.Has("<td>昌商发〔2015〕3号</td>"));
  EXPECT_TRUE(r.Has("<td>2018年1月22日</td>"));
  EXPECT_TRUE(r.Has("<td>有效</td>"));
  EXPECT_TRUE(r.Has("政府网站：2018年1月22日"));
  EXPECT_TRUE(r.Has("现将昌邑区商务局政府信息公开工作制度印发给你们"));
  // The slash of the 索引号 may come percent-encoded.
  EXPECT_EQ(Get("/agencies/changyi-commerce/items/CYQSWJ%2F2018-00001").status, 200);

  HttpResponse missing = Get("/agencies/changyi-commerce/items/CYQSWJ/2099-99999");
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(missing.Has("CYQSWJ/2099-99999"));
  EXPECT_TRUE(missing.Has("页面不存在"));
  // Another agency's 索引号 is not found under this agency.
  EXPECT_EQ(Get("/agencies/changyi-gov/items/CYQSWJ/2018-00001").status, 404);
}

TEST_P(PortalHttpTest, MalformedInputIs400NeverACrash) {
  StartServer();
  const std::string base = "/agencies/" + DemoSlug() + "/catalog";
  struct Case {
    std::string target;
    std::string message;
  } cases[] = {
      {base + "?page=-1", "页码 &quot;-1&quot; 无效"},
      {base + "?page=0", "页码 &quot;0&quot; 无效"},
      {base + "?page=abc", "页码 &quot;abc&quot; 无效"},
      {base + "?page=99999999999999999999", "页码"},
      {base + "?year=abc", "年份 &quot;abc&quot; 无效"},
      {base + "?year=20188", "年份"},
      {base + "?validity=forever", "有效性 &quot;forever&quot; 无效"},
      {base + "?topic=%FF%FE", "不是有效的 UTF-8"},
      {base + "?topic=%zz", "无效的 % 转义"},
      {base + "?topic=%E6%94", "不是有效的 UTF-8"},
      {"/agencies/%FF/", "不是有效的 UTF-8"},
      {"/agencies/%C0%AF/catalog", "不是有效的 UTF-8"},
      {"/agencies/a%00b/", "不是有效的 UTF-8"},
      {"/settings/text-size?size=huge", "字号设置"},
  };
  for (const Case& c : cases) {
    HttpResponse r = Get(c.target);
    EXPECT_EQ(r.status, 400) << c.target << "\n" << r.body;
    EXPECT_TRUE(r.Has(c.message)) << c.target << "\n" << r.body;
    EXPECT_TRUE(r.Has("请求有误")) << c.target;
    EXPECT_EQ(r.Header("content-type"), "text/html; charset=utf-8");
  }
  // Too long a URL, too large a body, an unknown path, a known path with another method.
  HttpResponse long_url = Get("/?q=" + std::string(3000, 'a'));
  EXPECT_EQ(long_url.status, 414);
  EXPECT_TRUE(long_url.Has("网址过长"));
  HttpResponse big = Request(server_->base(), "/", "POST", {}, std::string(6000, 'x'));
  EXPECT_EQ(big.status, 413);
  EXPECT_TRUE(big.Has("请求内容过大"));
  HttpResponse unknown = Get("/no/such/page");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(unknown.Has("本站没有这个网址"));
  HttpResponse post =
      Request(server_->base(), "/agencies/changyi-commerce/catalog", "POST", {}, "a=1");
  EXPECT_EQ(post.status, 405);
  EXPECT_NE(post.Header("allow").find("GET"), std::string::npos);
  // Still up and serving.
  EXPECT_EQ(Get("/").status, 200);
}

TEST_P(PortalHttpTest, MarkupInRecordsIsEscapedOnEveryPageThatShowsIt) {
  StartServer();
  const char* pages[] = {
      "/",
      "/agencies/xss-test/",
      "/agencies/xss-test/guide",
      "/agencies/xss-test/rules",
      "/agencies/xss-test/catalog",
      "/agencies/xss-test/catalog?topic=%3Cscript%3Ealert(3)%3C%2Fscript%3E",
      "/agencies/xss-test/items/000099999/2019-00001",
      "/agencies/xss-test/reports/",
      "/agencies/xss-test/reports/2019.html",
      "/agencies/xss-test/items/%3Cscript%3Ealert(9)%3C%2Fscript%3E",
      "/agencies/%3Cscript%3Ealert(9)%3C%2Fscript%3E/",
      "/agencies/xss-test/catalog?page=%3Cscript%3E",
  };
  for (const char* page : pages) {
    HttpResponse r = Get(page);
    EXPECT_TRUE(r.status == 200 || r.status == 404 || r.status == 400) << page << " " << r.status;
    EXPECT_FALSE(r.Has("<script>")) << page << "\n" << r.body;
    EXPECT_FALSE(r.Has("<b>地区</b>")) << page;
    EXPECT_TRUE(r.Has("&lt;script&gt;")) << page << "\n" << r.body;
  }
  HttpResponse item = Get("/agencies/xss-test/items/000099999/2019-00001");
  EXPECT_TRUE(item.Has("&lt;script&gt;alert(1)&lt;/script&gt;政府信息公开工作制度"));
  EXPECT_TRUE(item.Has("第二段 &amp; &lt;i&gt;斜体&lt;/i&gt;"));
  HttpResponse feed = Get("/agencies/xss-test/feed.atom");
  EXPECT_FALSE(feed.Has("<script>"));
  EXPECT_TRUE(feed.Has("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_EQ(XmlProblem(feed.body), "");
}

TEST_P(PortalHttpTest, AnnualReportsInHtmlPdfAndXlsx) {
  StartServer();
  HttpResponse list = Get("/agencies/changyi-commerce/reports/");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(list.Has("昌邑区商务局2018年政府信息公开工作年度报告"));
  EXPECT_TRUE(list.Has("/agencies/changyi-commerce/reports/2018.pdf"));
  EXPECT_TRUE(list.Has("/agencies/changyi-commerce/reports/2018.xlsx"));

  HttpResponse html = Get("/agencies/changyi-commerce/reports/2018.html");
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_EQ(html.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_TRUE(html.Has("2018年政府信息公开工作年度报告"));
  EXPECT_NE(html.Header("content-security-policy").find("default-src 'none'"), std::string::npos);
  HttpResponse pdf = Get("/agencies/changyi-commerce/reports/2018.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  HttpResponse xlsx = Get("/agencies/changyi-commerce/reports/2018.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_NE(xlsx.Header("content-disposition").find("attachment"), std::string::npos);
  // Served again from the cache: the same bytes.
  EXPECT_EQ(Get("/agencies/changyi-commerce/reports/2018.pdf").body, pdf.body);

  // A demo agency in the 2021 format.
  const std::string demo = "/agencies/" + DemoSlug() + "/reports/";
  HttpResponse y2023 = Get(demo + "2023.html");
  ASSERT_EQ(y2023.status, 200) << y2023.body;
  EXPECT_TRUE(y2023.Has("2023年政府信息公开工作年度报告"));
  EXPECT_EQ(Get(demo + "2025.pdf").body.substr(0, 5), "%PDF-");

  EXPECT_EQ(Get("/agencies/changyi-commerce/reports/2026.html").status, 404) << "year not over";
  EXPECT_EQ(Get("/agencies/changyi-commerce/reports/1999.html").status, 404);
  EXPECT_EQ(Get("/agencies/changyi-commerce/reports/2018.doc").status, 404);
  EXPECT_EQ(Get("/agencies/changyi-commerce/reports/abcd.pdf").status, 404);
  HttpResponse none = Get("/agencies/changyi-gov/reports/");
  EXPECT_EQ(none.status, 200);
  EXPECT_TRUE(none.Has("暂无可查阅的年度报告"));
}

TEST_P(PortalHttpTest, FeedAndSitemapAreWellFormedXml) {
  StartServer();
  HttpResponse feed = Get("/agencies/" + DemoSlug() + "/feed.atom");
  ASSERT_EQ(feed.status, 200);
  EXPECT_EQ(feed.Header("content-type"), "application/atom+xml; charset=utf-8");
  EXPECT_EQ(XmlProblem(feed.body), "") << feed.body.substr(0, 2000);
  EXPECT_TRUE(feed.Has("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
  EXPECT_EQ(CountOf(feed.body, "<entry>"), 50);
  EXPECT_EQ(CountOf(feed.body, "<entry>"), CountOf(feed.body, "<updated>") - 1);
  EXPECT_TRUE(feed.Has("<id>https://gk.example.gov.cn/agencies/" + DemoSlug() + "/items/"));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      feed.body, m, std::regex("<updated>(\\d{4}-\\d{2}-\\d{2})T00:00:00\\+08:00</updated>")));
  EXPECT_LE(m[1].str(), std::string(kToday));

  HttpResponse map = Get("/sitemap.xml");
  ASSERT_EQ(map.status, 200);
  EXPECT_EQ(map.Header("content-type"), "application/xml; charset=utf-8");
  EXPECT_EQ(XmlProblem(map.body), "") << map.body.substr(0, 2000);
  EXPECT_TRUE(map.Has("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
  EXPECT_TRUE(map.Has(
      "<loc>https://gk.example.gov.cn/agencies/changyi-commerce/items/CYQSWJ/2018-00001</loc>"));
  EXPECT_TRUE(map.Has("<lastmod>2018-01-22</lastmod>"));
  EXPECT_GT(CountOf(map.body, "<url>"), 100);
  HttpResponse robots = Get("/robots.txt");
  EXPECT_TRUE(robots.Has("Sitemap: https://gk.example.gov.cn/sitemap.xml"));
}

TEST_P(PortalHttpTest, StaticFilesLargeTextModeAndAccessLog) {
  StartServer();
  HttpResponse css = Get("/static/css/site.css");
  ASSERT_EQ(css.status, 200);
  EXPECT_EQ(css.Header("content-type"), "text/css; charset=utf-8");
  EXPECT_NE(css.Header("cache-control").find("max-age="), std::string::npos);
  const std::string etag = css.Header("etag");
  ASSERT_FALSE(etag.empty());
  HttpResponse again = Get("/static/css/site.css", {"If-None-Match: " + etag});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(Get("/static/css/../../CMakeLists.txt").status, 404);
  EXPECT_EQ(Get("/static/nope.css").status, 404);

  // The 适老化 switch: a link that sets a cookie and comes back.
  HttpResponse home = Get("/");
  EXPECT_TRUE(home.Has("大字号（适老化）"));
  EXPECT_FALSE(home.Has("class=\"large-text\""));
  HttpResponse set = Get("/settings/text-size?size=large&back=%2Fagencies%2Fchangyi-commerce%2F");
  EXPECT_EQ(set.status, 303);
  EXPECT_EQ(set.Header("location"), "/agencies/changyi-commerce/");
  const std::string cookie = set.Header("set-cookie");
  EXPECT_NE(cookie.find("gk_text=large"), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Secure"), std::string::npos) << "public_url is https";
  HttpResponse large = Get("/agencies/changyi-commerce/", {"Cookie: gk_text=large"});
  EXPECT_TRUE(large.Has("<html lang=\"zh-CN\" class=\"large-text\">"));
  EXPECT_TRUE(large.Has("标准字号"));
  HttpResponse evil = Get("/settings/text-size?size=normal&back=%2F%2Fevil.example%2F");
  EXPECT_EQ(evil.Header("location"), "/");

  Get("/agencies/" + DemoSlug() + "/catalog?page=2");
  const std::string log = Slurp(AccessLogPath());
  EXPECT_TRUE(std::regex_search(
      log, std::regex("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\S* 127\\.0\\.0\\.1 \"GET "
                      "/agencies/" +
                      DemoSlug() + "/catalog\\?page=2\" 200 \\d+ \\d+\\.\\dms")))
      << log;
  EXPECT_TRUE(std::regex_search(log, std::regex("\"GET /static/nope.css\" 404 ")));
}

TEST_P(PortalHttpTest, ABurstFromOneClientGets429) {
  StartServer(R"("rate_limit": {"enabled": true, "requests_per_second": 0.5, "burst": 5})");
  int ok = 0, limited = 0;
  HttpResponse last;
  for (int i = 0; i < 15; ++i) {
    HttpResponse r = Get("/static/css/site.css");
    if (r.status == 200) ++ok;
    if (r.status == 429) {
      ++limited;
      last = r;
    }
  }
  EXPECT_GE(ok, 5);
  EXPECT_LE(ok, 6);
  EXPECT_EQ(ok + limited, 15);
  ASSERT_GT(limited, 0);
  EXPECT_TRUE(last.Has("请求过于频繁"));
  EXPECT_GE(std::stoi(last.Header("retry-after")), 1);
  EXPECT_EQ(last.Header("content-type"), "text/html; charset=utf-8");
}

// Every event loop listens on the port with SO_REUSEPORT, but the port is taken once without it
// first: a second server on the same port (another gongkai too) is refused, never shares it.
TEST_P(PortalHttpTest, ASecondServerOnTheSamePortIsRefused) {
  StartServer();
  const fs::path config = dir_.path() / "second.json";
  std::ofstream(config) << "{\"access_log\": \"" << (dir_.path() / "second.log").string()
                        << "\", \"search_index_dir\": \""
                        << (dir_.path() / "search-second").string() << "\"}";
  RunResult second = Gongkai("--db " + Quote(db_) + " serve --listen 127.0.0.1:" +
                                 std::to_string(server_->port()) + " --config " +
                                 Quote(config.string()),
                             dir_.path());
  EXPECT_NE(second.exit_code, 0);
  EXPECT_NE(second.err.find("无法监听 127.0.0.1:" + std::to_string(server_->port())),
            std::string::npos)
      << second.err;
  for (int i = 0; i < 8; ++i) EXPECT_EQ(Get("/").status, 200);  // the first one answers them all
}

// ---------------------------------------------------------------------------------------------
// Graceful stop
// ---------------------------------------------------------------------------------------------

class GracefulStopTest : public PortalHttpTest {
 protected:
  // Larger than the socket buffers between a client that does not read and the server, so the
  // response is still being written when the signal comes.
  size_t BigBodyBytes() const override { return 24u << 20; }
};

// Reads from `fd` until `n` bytes have arrived in total or the peer closes.
void ReadUntil(int fd, std::string& into, size_t n) {
  char buf[65536];
  while (into.size() < n) {
    const ssize_t got = ::read(fd, buf, sizeof buf);
    if (got <= 0) return;
    into.append(buf, static_cast<size_t>(got));
  }
}

int Connect(int port, int rcvbuf) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (rcvbuf > 0) ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

TEST_P(GracefulStopTest, SigtermLetsTheRequestInFlightFinishThenExitsZero) {
  StartServer();
  const int fd = Connect(server_->port(), 4096);
  ASSERT_GE(fd, 0);
  const std::string request =
      "GET /agencies/xss-test/items/000099999/2019-00002 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Connection: close\r\n\r\n";
  ASSERT_EQ(::write(fd, request.data(), request.size()), static_cast<ssize_t>(request.size()));
  std::string got;
  ReadUntil(fd, got, 4096);  // the response has started: the handler ran, the write is going on
  const size_t header_end = got.find("\r\n\r\n");
  ASSERT_NE(header_end, std::string::npos) << got.substr(0, 200);
  ASSERT_EQ(got.substr(0, 12), "HTTP/1.1 200");
  std::smatch m;
  const std::string head = got.substr(0, header_end);
  ASSERT_TRUE(std::regex_search(head, m, std::regex("[Cc]ontent-[Ll]ength: (\\d+)")));
  const size_t total = header_end + 4 + std::stoul(m[1]);
  ASSERT_GT(total, 20u << 20);

  ::kill(server_->pid(), SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_FALSE(server_->Exited()) << "the server must wait for the response being written";
  EXPECT_EQ(Connect(server_->port(), 0), -1) << "no new connection after SIGTERM";

  ReadUntil(fd, got, total + 1);
  ::close(fd);
  EXPECT_EQ(got.size(), total) << "the whole response arrived";
  EXPECT_NE(got.find("正文，用于测试大响应"), std::string::npos);
  EXPECT_EQ(server_->Wait(std::chrono::seconds(30)), 0);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, PortalHttpTest, ::testing::Values(Backend::kSqlite), BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, PortalHttpTest, ::testing::Values(Backend::kPostgres),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Sqlite, GracefulStopTest, ::testing::Values(Backend::kSqlite),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, GracefulStopTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace gongkai::http_test
