// The console's catalog publishing, audit log and report check over HTTP, against a running
// `gongkai serve` (the built binary), on SQLite and on PostgreSQL (as portal_http_test.cc:
// Sqlite/… on a database file, Postgres/… on a fresh database of the private cluster whose URL
// is in $GONGKAI_TEST_PG_URL_FILE). Each test loads two agencies with organisation codes,
// creates staff with `gongkai user add`, starts the server with a fixed --today and signs in
// through the login form like a browser (cookies, CSRF fields).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "tests/e2e/e2e_util.h"
#include "tests/http/http_harness.h"

namespace gongkai::http_test {
namespace {

using e2e::Gongkai;
using e2e::Quote;
using e2e::RunResult;
using e2e::TempDir;

constexpr char kPassword[] = "correct-horse-battery";
constexpr char kAgency[] = "k-commerce";
constexpr char kOther[] = "k-other";

constexpr char kDataset[] = R"({"version": 1,
  "agencies": [
    {"slug": "k-commerce", "name": "测试区商务局", "short_name": "商务局", "org_code": "000011111"},
    {"slug": "k-other", "name": "测试区财政局", "short_name": "财政局", "org_code": "000022222"}
  ]})";

class ConsoleCatalogHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    database_.Create(GetParam(), (dir_.path() / "var" / "gongkai.db").string());
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = database_.url();
    const fs::path data = dir_.path() / "agencies.json";
    std::ofstream(data) << kDataset;
    RunResult load = Gongkai("--db " + Quote(db_) + " load " + Quote(data.string()), dir_.path());
    ASSERT_EQ(load.exit_code, 0) << load.err;
    std::ofstream(dir_.path() / "password.txt") << kPassword << "\n";
    AddUser("editor1", "编辑甲", "editor", kAgency);
    AddUser("handler1", "经办乙", "handler", kAgency);
    AddUser("admin1", "管理员丙", "admin", kAgency);
    AddUser("editor2", "财政编辑", "editor", kOther);

    const fs::path config = dir_.path() / "config.json";
    std::ofstream(config) << "{\"access_log\": \"" << (dir_.path() / "access.log").string()
                          << "\", \"pii_key_file\": \"" << (dir_.path() / "pii.key").string()
                          << "\", \"attachments_dir\": \"" << (dir_.path() / "files").string()
                          << "\", \"search_index_dir\": \"" << (dir_.path() / "search").string()
                          << "\", \"rate_limit\": {\"enabled\": false}}";
    server_ = std::make_unique<ServerProcess>(db_, config.string(), dir_.path());
    ASSERT_TRUE(server_->running());
  }

  void TearDown() override {
    server_.reset();
    database_.Drop();
  }

  void AddUser(const std::string& login, const std::string& name, const std::string& role,
               const std::string& agency) {
    RunResult r =
        Gongkai("--db " + Quote(db_) + " user add --login " + login + " --name " + Quote(name) +
                    " --role " + role + " --agency " + agency + " --password-stdin < " +
                    Quote((dir_.path() / "password.txt").string()),
                dir_.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  Browser SignedIn(const std::string& login) {
    Browser b(server_->base());
    EXPECT_TRUE(b.Login(login, kPassword)) << login;
    return b;
  }

  // Creates a draft through the form; returns its id (0 on failure).
  int64_t CreateDraft(Browser& b, const std::string& title, const std::string& created_on) {
    HttpResponse r = b.Post(std::string("/console/agencies/") + kAgency + "/catalog/new",
                            {{"csrf", b.Csrf()},
                             {"title", title},
                             {"doc_no", "测商发〔2026〕1号"},
                             {"created_on", created_on},
                             {"topic", "综合政务\\政务公开"},
                             {"genre", "通知"},
                             {"summary", "概述"},
                             {"body", "第一段。\n第二段。"}});
    EXPECT_EQ(r.status, 303) << r.body;
    static const std::regex kId(R"(/catalog/([0-9]+)/edit\?created=1)");
    std::smatch m;
    const std::string location = r.Header("location");
    return std::regex_search(location, m, kId) ? std::stoll(m[1].str()) : 0;
  }

  static std::string ItemPath(int64_t id, const std::string& agency = kAgency) {
    return "/console/agencies/" + agency + "/catalog/" + std::to_string(id);
  }

  TempDir dir_;
  TestDatabase database_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
};

// ---------------------------------------------------------------------------------------------
// Catalog publishing
// ---------------------------------------------------------------------------------------------

TEST_P(ConsoleCatalogHttpTest, EditorCreatesEditsAttachesPublishesAndWithdrawsAnItem) {
  Browser ed = SignedIn("editor1");
  const std::string list = std::string("/console/agencies/") + kAgency + "/catalog";
  HttpResponse empty = ed.Get(list);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_TRUE(empty.Has("新建目录条目"));
  // /console/catalog with a single agency goes straight to it.
  HttpResponse chooser = ed.Get("/console/catalog");
  EXPECT_EQ(chooser.status, 303);
  EXPECT_EQ(chooser.Header("location"), list);

  // Field errors next to their fields, the values kept and escaped.
  HttpResponse bad = ed.Post(
      list + "/new",
      {{"csrf", ed.Csrf()}, {"title", ""}, {"created_on", "2026-13-01"}, {"topic", "<b>主题</b>"}});
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_TRUE(bad.Has("aria-describedby=\"created_on-hint created_on-error\"")) << bad.body;
  EXPECT_TRUE(bad.Has("id=\"created_on-error\""));
  EXPECT_TRUE(bad.Has("&lt;b&gt;主题&lt;/b&gt;"));
  EXPECT_FALSE(bad.Has("<b>主题</b>"));
  HttpResponse untitled = ed.Post(
      list + "/new",
      {{"csrf", ed.Csrf()}, {"title", ""}, {"created_on", "2026-02-20"}, {"topic", "综合政务"}});
  EXPECT_EQ(untitled.status, 400);
  EXPECT_TRUE(untitled.Has("id=\"title-error\">请填写标题")) << untitled.body;
  EXPECT_TRUE(untitled.Has("aria-describedby=\"title-error\""));

  const int64_t id = CreateDraft(ed, "关于<测试>开展政务公开的通知", "2026-02-20");
  ASSERT_GT(id, 0);
  HttpResponse page = ed.Get(ItemPath(id) + "/edit?created=1");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.Has("已保存为草稿"));
  EXPECT_TRUE(page.Has("关于&lt;测试&gt;开展政务公开的通知"));
  EXPECT_TRUE(page.Has("草稿"));
  HttpResponse listed = ed.Get(list);
  EXPECT_TRUE(listed.Has("关于&lt;测试&gt;开展政务公开的通知")) << "drafts are listed";

  // Edit.
  HttpResponse edited = ed.Post(ItemPath(id) + "/edit", {{"csrf", ed.Csrf()},
                                                         {"title", "关于开展政务公开的通知"},
                                                         {"created_on", "2026-02-20"},
                                                         {"topic", "综合政务\\政务公开"},
                                                         {"body", "修改后的正文"}});
  EXPECT_EQ(edited.status, 303) << edited.body;
  EXPECT_TRUE(ed.Get(ItemPath(id) + "/edit").Has("关于开展政务公开的通知"));

  // Attachments: a PDF is kept; an HTML page named .pdf is refused by its content.
  HttpResponse up = ed.PostMultipart(ItemPath(id) + "/files", {{"csrf", ed.Csrf()}},
                                     {{"file", "办法.pdf", "application/pdf", TinyPdf()}});
  EXPECT_EQ(up.status, 303) << up.body;
  HttpResponse with_file = ed.Get(ItemPath(id) + "/edit");
  static const std::regex kFile(
      R"(href="(/console/agencies/k-commerce/catalog/[0-9]+/files/[0-9]+)\">办法\.pdf)");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(with_file.body, m, kFile)) << with_file.body;
  HttpResponse file = ed.Get(m[1].str());
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, TinyPdf());
  EXPECT_EQ(file.Header("content-type"), "application/pdf");
  EXPECT_EQ(file.Header("content-disposition").rfind("attachment;", 0), 0u)
      << file.Header("content-disposition");
  HttpResponse disguised = ed.PostMultipart(
      ItemPath(id) + "/files", {{"csrf", ed.Csrf()}},
      {{"file", "report.pdf", "application/pdf", "<html><script>alert(1)</script></html>"}});
  EXPECT_EQ(disguised.status, 400);
  EXPECT_TRUE(disguised.Has("不支持的附件类型")) << disguised.body;
  EXPECT_TRUE(disguised.Has("id=\"upload-error\""));
  EXPECT_TRUE(disguised.Has("aria-describedby=\"file-hint upload-error\""));

  // A handler of the agency reads but may not publish; another agency's editor cannot find the
  // item by its id; a post without the CSRF field is refused.
  Browser hd = SignedIn("handler1");
  HttpResponse read_only = hd.Get(ItemPath(id) + "/edit");
  EXPECT_EQ(read_only.status, 200);
  EXPECT_FALSE(read_only.Has("action=\"" + ItemPath(id) + "/publish\""));
  HttpResponse hd_publish =
      hd.Post(ItemPath(id) + "/publish", {{"csrf", hd.Csrf()}, {"channel", "website"}});
  EXPECT_EQ(hd_publish.status, 403) << hd_publish.body;
  Browser other = SignedIn("editor2");
  EXPECT_EQ(other.Get(ItemPath(id, kOther) + "/edit").status, 404);
  EXPECT_EQ(other.Post(ItemPath(id, kOther) + "/publish", {{"csrf", other.Csrf()}}).status, 404);
  EXPECT_EQ(other.Get(list).status, 403);
  EXPECT_EQ(ed.Post(ItemPath(id) + "/publish", {{"channel", "website"}}).status, 403);

  // Publish through two channels: the 索引号, no Art. 26 warning for a fresh item.
  HttpResponse published = ed.Post(ItemPath(id) + "/publish", {{"csrf", ed.Csrf()},
                                                               {"channel", "website"},
                                                               {"channel", "wechat"},
                                                               {"published_on", kToday}});
  ASSERT_EQ(published.status, 200) << published.body;
  static const std::regex kIndex(R"(索引号：(000011111/2026-[0-9]+))");
  ASSERT_TRUE(std::regex_search(published.body, m, kIndex)) << published.body;
  const std::string index_no = m[1].str();
  EXPECT_FALSE(published.Has("第二十六条规定"));
  EXPECT_TRUE(published.Has("政务微信"));
  HttpResponse again = ed.Post(ItemPath(id) + "/publish", {{"csrf", ed.Csrf()}});
  EXPECT_EQ(again.status, 409) << "published twice";

  HttpResponse catalog = Request(server_->base(), "/agencies/k-commerce/catalog");
  ASSERT_EQ(catalog.status, 200);
  EXPECT_TRUE(catalog.Has("关于开展政务公开的通知"));
  EXPECT_TRUE(catalog.Has(index_no));
  HttpResponse feed = Request(server_->base(), "/agencies/k-commerce/feed.atom");
  ASSERT_EQ(feed.status, 200);
  EXPECT_TRUE(feed.Has("关于开展政务公开的通知")) << feed.body;

  // An item generated long ago: the Art. 26 warning.
  const int64_t old = CreateDraft(ed, "去年的实施办法", "2025-06-02");
  ASSERT_GT(old, 0);
  HttpResponse late =
      ed.Post(ItemPath(old) + "/publish", {{"csrf", ed.Csrf()}, {"channel", "website"}});
  ASSERT_EQ(late.status, 200) << late.body;
  EXPECT_TRUE(late.Has("<p class=\"warning\">该信息生成于 2025-06-02")) << late.body;
  EXPECT_TRUE(late.Has("超过条例第二十六条规定的 20 个工作日"));

  // Withdraw: gone from the public catalog.
  HttpResponse withdrawn = ed.Post(ItemPath(id) + "/withdraw", {{"csrf", ed.Csrf()}});
  EXPECT_EQ(withdrawn.status, 303) << withdrawn.body;
  EXPECT_TRUE(ed.Get(ItemPath(id) + "/edit?withdrawn=1").Has("已撤回"));
  HttpResponse after = Request(server_->base(), "/agencies/k-commerce/catalog");
  EXPECT_FALSE(after.Has("关于开展政务公开的通知"));
  EXPECT_TRUE(after.Has("去年的实施办法"));

  // The audit log: the admin sees every change, newest first; a handler may not.
  Browser adm = SignedIn("admin1");
  HttpResponse audit = adm.Get("/console/agencies/k-commerce/audit");
  ASSERT_EQ(audit.status, 200) << audit.body;
  for (const char* what : {"新建目录条目", "修改目录条目", "上传目录附件", "发布目录条目",
                           "撤回目录条目", "editor1", "127.0.0.1"}) {
    EXPECT_TRUE(audit.Has(what)) << what;
  }
  EXPECT_LT(audit.body.find("撤回目录条目"), audit.body.find("新建目录条目")) << "newest first";
  EXPECT_EQ(hd.Get("/console/agencies/k-commerce/audit").status, 403);
  // Without a session: to the login page.
  HttpResponse anonymous = Request(server_->base(), list);
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.Header("location").rfind("/console/login", 0), 0u);
}

// The attachment store cannot write (a full disk, a lost mount — here its directory is
// blocked by a plain file): the upload gets 503 with a Chinese message, no attachment row is
// left behind, and once the store is back the same upload works.
TEST_P(ConsoleCatalogHttpTest, AnUploadThatCannotBeStoredGets503AndLeavesNothing) {
  Browser ed = SignedIn("editor1");
  const int64_t id = CreateDraft(ed, "存储故障测试", "2026-02-20");
  ASSERT_GT(id, 0);
  const fs::path files = dir_.path() / "files";
  fs::remove_all(files);
  std::ofstream(files) << "not a directory";
  HttpResponse failed = ed.PostMultipart(ItemPath(id) + "/files", {{"csrf", ed.Csrf()}},
                                         {{"file", "办法.pdf", "application/pdf", TinyPdf()}});
  EXPECT_EQ(failed.status, 503) << failed.body.substr(0, 2000);
  EXPECT_TRUE(failed.Has("服务器无法保存附件")) << failed.body.substr(0, 2000);
  EXPECT_FALSE(failed.Has(files.string())) << "no server paths in the page";
  EXPECT_FALSE(ed.Get(ItemPath(id) + "/edit").Has("办法.pdf")) << "no half-written attachment";

  fs::remove(files);
  HttpResponse ok = ed.PostMultipart(ItemPath(id) + "/files", {{"csrf", ed.Csrf()}},
                                     {{"file", "办法.pdf", "application/pdf", TinyPdf()}});
  EXPECT_EQ(ok.status, 303) << ok.body.substr(0, 2000);
  EXPECT_TRUE(ed.Get(ItemPath(id) + "/edit").Has("办法.pdf"));
}

TEST_P(ConsoleCatalogHttpTest, GuideVersionsArePublishedByEditors) {
  Browser ed = SignedIn("editor1");
  const std::string path = "/console/agencies/k-commerce/guide";
  HttpResponse form = ed.Get(path);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(form.Has("尚未发布"));
  Fields fields = {{"csrf", ed.Csrf()},
                   {"office_name", "测试区商务局办公室"},
                   {"address", "测试路 1 号"},
                   {"hours", "工作日 9:00–17:00"},
                   {"phone", ""},
                   {"accept_in_person", "1"},
                   {"accept_post_signed", "1"},
                   {"accept_post_ordinary", "1"},
                   {"rules_in_person", "三楼 12 号窗口"}};
  HttpResponse missing = ed.Post(path, fields);
  EXPECT_EQ(missing.status, 400);
  EXPECT_TRUE(missing.Has("id=\"phone-error\">请填写联系电话")) << missing.body;
  EXPECT_TRUE(missing.Has("value=\"测试路 1 号\""));
  fields[4].second = "0432-1234567";
  HttpResponse ok = ed.Post(path, fields);
  EXPECT_EQ(ok.status, 303) << ok.body;
  HttpResponse listed = ed.Get(path + "?published=1");
  EXPECT_TRUE(listed.Has("第 1 版"));
  EXPECT_TRUE(listed.Has("三楼 12 号窗口"));
  HttpResponse pub = Request(server_->base(), "/agencies/k-commerce/guide");
  EXPECT_TRUE(pub.Has("测试区商务局办公室"));
  Browser hd = SignedIn("handler1");
  fields[0].second = hd.Csrf();
  EXPECT_EQ(hd.Post(path, fields).status, 403) << "a handler is not an editor";
}

// ---------------------------------------------------------------------------------------------
// Report check
// ---------------------------------------------------------------------------------------------

TEST_P(ConsoleCatalogHttpTest, ReportCheckShowsFindingsBesideTheHighlightedLines) {
  Browser hd = SignedIn("handler1");
  HttpResponse form = hd.Get("/console/check");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(form.Has("enctype=\"multipart/form-data\""));
  const std::string seed =
      Slurp(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/seed-changyi-2018.txt");
  HttpResponse r = hd.PostMultipart("/console/check", {{"csrf", hd.Csrf()}, {"format", ""}},
                                    {{"report", "seed-changyi-2018.txt", "text/plain", seed}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.Has("title.regulation"));
  EXPECT_TRUE(r.Has("《中华人民共和国政府信息公开个例》"));
  EXPECT_TRUE(r.Has("<a href=\"#L1\">第 1 行</a>"));
  EXPECT_TRUE(r.Has("<li id=\"L1\" class=\"line flagged flagged-error\">")) << r.body;
  EXPECT_TRUE(r.Has("▶ 错误"));
  EXPECT_TRUE(r.Has("<li id=\"L2\" class=\"line\">"));
  EXPECT_TRUE(r.Has("昌邑区商务局"));
  EXPECT_TRUE(r.Has("<dd>2018</dd>"));
  EXPECT_TRUE(r.Has("<dd>65 个</dd>")) << "cells as gongkai check counts them";
  EXPECT_TRUE(r.Has("错误 3 个"));

  HttpResponse empty = hd.PostMultipart("/console/check", {{"csrf", hd.Csrf()}},
                                        {{"report", "empty.txt", "text/plain", ""}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_TRUE(empty.Has("文件为空")) << empty.body;
  EXPECT_TRUE(empty.Has("aria-describedby=\"report-hint report-error\""));
  HttpResponse binary = hd.PostMultipart(
      "/console/check", {{"csrf", hd.Csrf()}},
      {{"report", "a.pdf", "application/pdf", std::string("\x00\x01\x02\xff\xfe\x00\x10", 7)}});
  EXPECT_EQ(binary.status, 400);
  EXPECT_TRUE(binary.Has("不是文本、HTML 或 PDF 文件")) << binary.body;
  HttpResponse no_csrf =
      hd.PostMultipart("/console/check", {}, {{"report", "seed.txt", "text/plain", seed}});
  EXPECT_EQ(no_csrf.status, 403);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ConsoleCatalogHttpTest, ::testing::Values(Backend::kSqlite),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, ConsoleCatalogHttpTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace gongkai::http_test
