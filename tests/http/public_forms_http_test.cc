// The public forms and search over HTTP, against a running `gongkai serve` (the built binary),
// on SQLite and on PostgreSQL (Sqlite/PublicFormsHttpTest.*, Postgres/PublicFormsHttpTest.*):
// the online application (form, field errors, CSRF, honeypot, double submit, receipt), the
// track page (code + secret, the same 404 for a wrong code or secret), catalog attachments
// (download, a corrupt file on disk), search (an item published through the use case shows up;
// 1-, 2-, 3- and 4+-character queries), and that the applicant's identity never reaches a
// public page.
//
// Each test loads tests/fixtures/changyi-2018.json, starts the server on a free port with a
// fixed --today and its own PII key, attachment and index directories, and talks to it with
// libcurl.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "app/attachment_store.h"
#include "app/catalog.h"
#include "app/notice_templates.h"
#include "app/pii.h"
#include "app/services.h"
#include "core/calendar/work_calendar.h"
#include "core/repository.h"
#include "tests/e2e/e2e_util.h"
#include "tests/http/http_harness.h"

namespace gongkai::http_test {
namespace {

using e2e::Gongkai;
using e2e::Quote;
using e2e::RunResult;
using e2e::TempDir;

constexpr char kSlug[] = "changyi-commerce";

// The applicant of the tests: none of these may appear on a public page.
constexpr char kName[] = "王小明";
constexpr char kPhone[] = "0432-62345678";
constexpr char kIdNumber[] = "11010519491231002X";
constexpr char kOrgName[] = "吉林市某某科技有限公司";
constexpr char kUscc[] = "91220200MA0Y000000";

// A minimal PDF (SniffContentType accepts it by its %PDF- magic).
std::string PdfBytes(const std::string& text) {
  return "%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
}

// An agency with an organisation code (so items can be published with a 索引号) and 15 public
// items about 政务公开 (more than one page of search hits).
std::string SearchDataset() {
  std::ostringstream j;
  j << R"({"version": 1,
  "agencies": [{"slug": "search-test", "name": "测试市检索测试局", "short_name": "检索测试局",
    "org_code": "000088888", "region": "测试市"}],
  "catalog_items": [)";
  for (int i = 1; i <= 15; ++i) {
    char index_no[32], day[16];
    std::snprintf(index_no, sizeof index_no, "000088888/2025-%05d", i);
    std::snprintf(day, sizeof day, "2025-%02d-%02d", 1 + i % 12, 1 + i);
    j << (i > 1 ? "," : "") << R"(
    {"agency": "search-test", "index_no": ")" << index_no << R"(", "title": "第)" << i
      << R"(号政务公开工作通知", "created_on": ")" << day << R"(", "published_on": ")" << day
      << R"(", "topic": "综合政务\\政务公开", "genre": "通知", "body": "做好政务公开工作。",
     "channels": [{"channel": "website", "published_on": ")" << day << R"("}]})";
  }
  j << "]}";
  return j.str();
}

// ---------------------------------------------------------------------------------------------
// The fixture
// ---------------------------------------------------------------------------------------------

class PublicFormsHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    database_.Create(GetParam(), (dir_.path() / "var" / "gongkai.db").string());
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = database_.url();
    const std::string fixture =
        std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/changyi-2018.json";
    RunResult load = Gongkai("--db " + Quote(db_) + " load " + Quote(fixture), dir_.path());
    ASSERT_EQ(load.exit_code, 0) << load.err;
    const fs::path extra = dir_.path() / "search.json";
    std::ofstream(extra) << SearchDataset();
    RunResult more = Gongkai("--db " + Quote(db_) + " load " + Quote(extra.string()), dir_.path());
    ASSERT_EQ(more.exit_code, 0) << more.err;
  }

  void TearDown() override {
    server_.reset();
    services_repo_.reset();
    database_.Drop();
  }

  std::string Path(const std::string& name) const { return (dir_.path() / name).string(); }

  void StartServer(bool rate_limit = false) {
    const fs::path config = dir_.path() / "config.json";
    std::ofstream(config) << "{\"access_log\": \"" << Path("access.log") << "\", "
                          << "\"site_name\": \"测试区政府信息公开平台\", "
                          << "\"pii_key_file\": \"" << Path("keys/pii.key") << "\", "
                          << "\"attachments_dir\": \"" << Path("files") << "\", "
                          << "\"search_index_dir\": \"" << Path("search") << "\", "
                          << "\"search_apply_seconds\": 1, "
                          << "\"rate_limit\": {\"enabled\": " << (rate_limit ? "true" : "false")
                          << "}}";
    server_ = std::make_unique<ServerProcess>(db_, config.string(), dir_.path());
    ASSERT_TRUE(server_->running());
  }

  HttpResponse Get(const std::string& target, const std::vector<std::string>& headers = {}) {
    return Request(server_->base(), target, "GET", headers);
  }
  HttpResponse Post(const std::string& target, const Fields& fields,
                    const std::string& cookie) {
    std::vector<std::string> headers = {"Content-Type: application/x-www-form-urlencoded"};
    if (!cookie.empty()) headers.push_back("Cookie: " + cookie);
    return Request(server_->base(), target, "POST", headers, FormBody(fields));
  }

  // Opens the application form: sets cookie_, csrf_ and returns the page.
  HttpResponse OpenForm() {
    HttpResponse form = Get(std::string("/agencies/") + kSlug + "/apply");
    EXPECT_EQ(form.status, 200) << form.body;
    const std::string set_cookie = form.Header("set-cookie");
    const std::string value = set_cookie.substr(0, set_cookie.find(';'));
    if (value.rfind("gk_form=", 0) == 0) cookie_ = value;
    csrf_ = HiddenValue(form.body, "csrf");
    EXPECT_FALSE(csrf_.empty());
    EXPECT_EQ(cookie_, "gk_form=" + csrf_);
    return form;
  }

  // Every field of a natural person's application.
  Fields PersonFields(const std::string& nonce) const {
    return {{"csrf", csrf_},
            {"nonce", nonce},
            {"website", ""},
            {"applicant_type", "natural_person"},
            {"name", kName},
            {"id_type", "resident_id"},
            {"id_number", kIdNumber},
            {"org_name", ""},
            {"uscc", ""},
            {"legal_representative", ""},
            {"phone", kPhone},
            {"email", "wangxm@example.cn"},
            {"address", "吉林省吉林市昌邑区民主街8号"},
            {"postal_code", "132002"},
            {"description", "2025年本区老旧小区改造项目的资金使用情况"},
            {"purpose", "了解本小区改造资金"},
            {"form", "electronic"},
            {"delivery", "online"}};
  }

  // The use cases' services on the server's database, key and files (for editors' steps).
  app::Services& Services() {
    if (!services_repo_) {
      Result<std::unique_ptr<Repository>> repo = OpenRepository(db_);
      EXPECT_TRUE(repo.ok()) << repo.status().message();
      services_repo_ = std::move(repo).value();
      const std::string data = std::string(GONGKAI_SOURCE_DIR) + "/data";
      calendar_ = std::make_unique<WorkCalendar>(
          WorkCalendar::FromCsv(Slurp(data + "/holidays-cn.csv")).value());
      notices_ = std::make_unique<app::NoticeTemplates>(
          app::NoticeTemplates::LoadDir(data + "/notices").value());
      pii_ = std::make_unique<app::PiiCipher>(
          app::PiiCipher::OpenKeyFile(Path("keys/pii.key")).value());
      files_ = std::make_unique<app::AttachmentStore>(Path("files"));
      services_.repo = services_repo_.get();
      services_.calendar = calendar_.get();
      services_.notices = notices_.get();
      services_.pii = pii_.get();
      services_.files = files_.get();
    }
    return services_;
  }

  Agency FindAgency(const std::string& slug) {
    Result<Agency> a = Services().repo->FindAgency(slug);
    EXPECT_TRUE(a.ok()) << slug;
    return a.ok() ? *a : Agency{};
  }

  Actor Editor(const Agency& agency) const {
    User u;
    u.id = 1;
    u.login = "editor";
    u.display_name = "编辑";
    u.grants = {{agency.id, Role::kEditor}};
    return Actor::OfUser(u, "192.0.2.10");
  }

  // 2026-03-01 09:00 in China, the server's "now".
  static Timestamp Now() { return Timestamp::FromUnix(1'772'326'800); }

  TempDir dir_;
  TestDatabase database_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  std::string cookie_, csrf_;
  std::unique_ptr<Repository> services_repo_;
  std::unique_ptr<WorkCalendar> calendar_;
  std::unique_ptr<app::NoticeTemplates> notices_;
  std::unique_ptr<app::PiiCipher> pii_;
  std::unique_ptr<app::AttachmentStore> files_;
  app::Services services_;
};

std::string Match(const std::string& text, const std::string& pattern) {
  std::smatch m;
  return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : "";
}

// ---------------------------------------------------------------------------------------------
// Online application
// ---------------------------------------------------------------------------------------------

TEST_P(PublicFormsHttpTest, TheFormHasEveryFieldOfArticle29AndItsProtections) {
  StartServer();
  HttpResponse form = OpenForm();
  for (const char* name :
       {"applicant_type", "name", "id_type", "id_number", "org_name", "uscc",
        "legal_representative", "phone", "email", "address", "postal_code", "description",
        "purpose", "form", "delivery"}) {
    EXPECT_TRUE(form.Has(std::string("name=\"") + name + "\"")) << name;
  }
  for (const char* id : {"name", "id_type", "id_number", "org_name", "uscc",
                         "legal_representative", "phone", "email", "address", "postal_code",
                         "description", "purpose", "applicant_type-0", "form-0", "delivery-0"}) {
    EXPECT_TRUE(form.Has(std::string("<label for=\"") + id + "\"")) << "label of " << id;
  }
  for (const char* label : {"公民（自然人）", "法人或其他组织", "纸质", "电子", "邮寄",
                            "电子邮件", "自行领取", "在线查看", "特征性描述"}) {
    EXPECT_TRUE(form.Has(label)) << label;
  }
  EXPECT_TRUE(form.Has("class=\"honeypot\" aria-hidden=\"true\""));
  EXPECT_TRUE(form.Has(
      "<input id=\"website\" name=\"website\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\""));
  EXPECT_GE(HiddenValue(form.body, "nonce").size(), 16u);
  EXPECT_NE(HiddenValue(form.body, "nonce"), HiddenValue(OpenForm().body, "nonce"))
      << "every form gets its own nonce";
  EXPECT_TRUE(form.Has("href=\"/agencies/changyi-commerce/guide\"")) << "the guide's channels";
  EXPECT_NE(form.Header("set-cookie").find("gk_form="), std::string::npos);
  EXPECT_EQ(form.Header("cache-control"), "no-store");
  EXPECT_FALSE(form.Has("<script"));
  EXPECT_EQ(Get("/agencies/no-such-agency/apply").status, 404);
  EXPECT_TRUE(Get(std::string("/agencies/") + kSlug + "/").Has("href=\"/agencies/changyi-commerce/apply\""));
}

TEST_P(PublicFormsHttpTest, ApplyGivesAReceiptAndTheTrackPageShowsTheApplication) {
  StartServer();
  HttpResponse form = OpenForm();
  const std::string nonce = HiddenValue(form.body, "nonce");
  HttpResponse receipt =
      Post(std::string("/agencies/") + kSlug + "/apply", PersonFields(nonce), cookie_);
  ASSERT_EQ(receipt.status, 200) << receipt.body;
  EXPECT_EQ(receipt.Header("cache-control"), "no-store");
  EXPECT_TRUE(receipt.Has("申请已提交"));
  const std::string code =
      Match(receipt.body, "id=\"tracking-code\">([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})<");
  const std::string secret = Match(receipt.body, "id=\"secret\">([0-9A-Z-]{16,24})<");
  ASSERT_FALSE(code.empty()) << receipt.body;
  ASSERT_FALSE(secret.empty()) << receipt.body;
  EXPECT_TRUE(receipt.Has("登记编号</dt><dd>2026-")) << receipt.body;
  EXPECT_TRUE(receipt.Has("收到申请日期</dt><dd>2026年3月1日</dd>"));
  EXPECT_TRUE(receipt.Has("答复期限</dt><dd>2026年"));
  EXPECT_TRUE(receipt.Has("href=\"/track\""));
  EXPECT_FALSE(receipt.Has(kName));
  EXPECT_FALSE(receipt.Has(kIdNumber));

  // The same form sent again (a double click, a reload): the same application and secret.
  HttpResponse again =
      Post(std::string("/agencies/") + kSlug + "/apply", PersonFields(nonce), cookie_);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.Has(">" + code + "<"));
  EXPECT_TRUE(again.Has(">" + secret + "<"));
  EXPECT_TRUE(again.Has("没有重复登记"));
  // The same nonce with other content is refused, not recorded.
  Fields changed = PersonFields(nonce);
  changed[14].second = "另一项政府信息的名称和文号";
  EXPECT_EQ(Post(std::string("/agencies/") + kSlug + "/apply", changed, cookie_).status, 409);
  // A new form is a new application.
  const std::string nonce2 = HiddenValue(OpenForm().body, "nonce");
  HttpResponse second =
      Post(std::string("/agencies/") + kSlug + "/apply", PersonFields(nonce2), cookie_);
  ASSERT_EQ(second.status, 200);
  EXPECT_FALSE(second.Has(">" + code + "<"));

  // Track: code and secret as typed (lower case, no dashes) find it.
  HttpResponse track_form = Get("/track");
  ASSERT_EQ(track_form.status, 200);
  EXPECT_TRUE(track_form.Has("<label for=\"code\">"));
  EXPECT_TRUE(track_form.Has("<label for=\"secret\">"));
  std::string typed_code = code;
  typed_code.erase(std::remove(typed_code.begin(), typed_code.end(), '-'), typed_code.end());
  for (char& c : typed_code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  HttpResponse track = Post("/track", {{"csrf", csrf_}, {"code", typed_code}, {"secret", secret}},
                            cookie_);
  ASSERT_EQ(track.status, 200) << track.body;
  EXPECT_EQ(track.Header("cache-control"), "no-store");
  EXPECT_TRUE(track.Has(code));
  EXPECT_TRUE(track.Has("吉林市昌邑区商务局"));
  EXPECT_TRUE(track.Has("办理状态"));
  EXPECT_TRUE(track.Has("答复期限"));
  EXPECT_TRUE(track.Has("2025年本区老旧小区改造项目的资金使用情况"));
  EXPECT_TRUE(track.Has("受理告知书")) << track.body;
  EXPECT_TRUE(track.Has("<form method=\"post\" action=\"/track/notices/")) << "PDF as a POST";
  EXPECT_FALSE(track.Has(kName));
  EXPECT_FALSE(track.Has(kPhone));
  EXPECT_FALSE(track.Has(kIdNumber));

  // A wrong secret and a wrong code: the same 404 and the same message.
  std::string wrong_secret = secret;
  wrong_secret[0] = wrong_secret[0] == 'A' ? 'B' : 'A';
  HttpResponse bad_secret =
      Post("/track", {{"csrf", csrf_}, {"code", code}, {"secret", wrong_secret}}, cookie_);
  HttpResponse bad_code =
      Post("/track", {{"csrf", csrf_}, {"code", "2345-6789-ABCD"}, {"secret", secret}}, cookie_);
  EXPECT_EQ(bad_secret.status, 404);
  EXPECT_EQ(bad_code.status, 404);
  const std::string message_a = Match(bad_secret.body, "id=\"track-error\">([^<]*)<");
  const std::string message_b = Match(bad_code.body, "id=\"track-error\">([^<]*)<");
  EXPECT_FALSE(message_a.empty()) << bad_secret.body;
  EXPECT_EQ(message_a, message_b);
  EXPECT_FALSE(bad_secret.Has("受理告知书"));
  // Downloads need the pair too.
  EXPECT_EQ(Post("/track/files/1", {{"csrf", csrf_}, {"code", code}, {"secret", wrong_secret}},
                 cookie_)
                .status,
            404);

  // Code and secret never reach a URL, so never the access log.
  server_.reset();
  const std::string access = Slurp(Path("access.log"));
  EXPECT_FALSE(access.empty());
  EXPECT_EQ(access.find(secret), std::string::npos);
  EXPECT_EQ(access.find(code), std::string::npos);
}

TEST_P(PublicFormsHttpTest, AnOrganisationAppliesWithItsCodeAndLegalRepresentative) {
  StartServer();
  HttpResponse form = OpenForm();
  Fields f = PersonFields(HiddenValue(form.body, "nonce"));
  for (auto& [k, v] : f) {
    if (k == "applicant_type") v = "commercial_enterprise";
    if (k == "name" || k == "id_number") v = "";
    if (k == "org_name") v = kOrgName;
    if (k == "uscc") v = "91220200MA0Y00000X";  // a wrong check character
    if (k == "legal_representative") v = "";
  }
  HttpResponse errors = Post(std::string("/agencies/") + kSlug + "/apply", f, cookie_);
  ASSERT_EQ(errors.status, 400) << errors.body;
  EXPECT_TRUE(errors.Has("id=\"uscc-error\"")) << errors.body;
  EXPECT_TRUE(errors.Has("aria-describedby=\"uscc-error\""));
  EXPECT_TRUE(errors.Has("id=\"legal_representative-error\""));
  EXPECT_TRUE(errors.Has("href=\"#uscc\""));
  EXPECT_TRUE(errors.Has(std::string("value=\"") + kOrgName + "\""));
  EXPECT_TRUE(errors.Has("value=\"commercial_enterprise\" checked"));

  // A valid code: compute the GB 32100 check character of the first 17.
  const std::string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  std::string code = std::string(kUscc).substr(0, 17);
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += static_cast<int>(chars.find(code[i])) * weights[i];
  code += chars[(31 - sum % 31) % 31];
  for (auto& [k, v] : f) {
    if (k == "uscc") v = code;
    if (k == "legal_representative") v = "李四";
  }
  HttpResponse receipt = Post(std::string("/agencies/") + kSlug + "/apply", f, cookie_);
  ASSERT_EQ(receipt.status, 200) << receipt.body;
  EXPECT_TRUE(receipt.Has("id=\"tracking-code\""));
}

TEST_P(PublicFormsHttpTest, FieldErrorsKeepTheValuesEscapedNextToTheirFields) {
  StartServer();
  HttpResponse form = OpenForm();
  const std::string nonce = HiddenValue(form.body, "nonce");
  Fields f = PersonFields(nonce);
  for (auto& [k, v] : f) {
    if (k == "phone") v = "";
    if (k == "description") v = "<script>alert(1)</script>资金使用情况";
    if (k == "address") v = "\"><img src=x onerror=alert(2)>";
  }
  HttpResponse r = Post(std::string("/agencies/") + kSlug + "/apply", f, cookie_);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_TRUE(r.Has("class=\"error-summary\""));
  EXPECT_TRUE(r.Has("href=\"#phone\""));
  EXPECT_TRUE(r.Has("id=\"phone-error\""));
  EXPECT_TRUE(r.Has("aria-describedby=\"phone-error\""));
  EXPECT_TRUE(r.Has("aria-invalid=\"true\""));
  EXPECT_TRUE(r.Has("&lt;script&gt;alert(1)&lt;/script&gt;资金使用情况</textarea>"));
  EXPECT_TRUE(r.Has("value=\"&quot;&gt;&lt;img src=x onerror=alert(2)&gt;\""));
  EXPECT_FALSE(r.Has("<script>alert(1)"));
  EXPECT_FALSE(r.Has("<img src=x"));
  EXPECT_TRUE(r.Has(std::string("value=\"") + kName + "\"")) << "values kept";
  EXPECT_TRUE(r.Has(std::string("value=\"") + kIdNumber + "\""));
  EXPECT_EQ(HiddenValue(r.body, "nonce"), nonce) << "the same form: the same nonce";
  EXPECT_FALSE(r.Has("id=\"tracking-code\""));

  // A wrong ID check digit: the error is next to the ID field.
  for (auto& [k, v] : f) {
    if (k == "phone") v = kPhone;
    if (k == "address") v = "吉林省吉林市";
    if (k == "id_number") v = "110105194912310021";
  }
  HttpResponse id = Post(std::string("/agencies/") + kSlug + "/apply", f, cookie_);
  ASSERT_EQ(id.status, 400);
  EXPECT_TRUE(id.Has("id=\"id_number-error\"")) << id.body;

  // Nothing at all: every required field is named.
  HttpResponse empty = Post(std::string("/agencies/") + kSlug + "/apply",
                            {{"csrf", csrf_}, {"nonce", nonce}}, cookie_);
  ASSERT_EQ(empty.status, 400) << empty.body;
  for (const char* id : {"phone-error", "description-error", "name-error"}) {
    EXPECT_TRUE(empty.Has(std::string("id=\"") + id + "\"")) << id;
  }
}

TEST_P(PublicFormsHttpTest, CsrfAndHoneypotAreChecked) {
  StartServer();
  HttpResponse form = OpenForm();
  const std::string nonce = HiddenValue(form.body, "nonce");
  const std::string url = std::string("/agencies/") + kSlug + "/apply";
  Fields no_token = PersonFields(nonce);
  no_token.erase(no_token.begin());
  EXPECT_EQ(Post(url, no_token, cookie_).status, 403);
  Fields wrong = PersonFields(nonce);
  wrong[0].second = std::string(32, 'a');
  HttpResponse w = Post(url, wrong, cookie_);
  EXPECT_EQ(w.status, 403);
  EXPECT_TRUE(w.Has("表单已过期")) << w.body;
  EXPECT_EQ(Post(url, PersonFields(nonce), "").status, 403) << "no cookie";
  EXPECT_EQ(Post("/track", {{"code", "2345-6789-ABCD"}, {"secret", "x"}}, cookie_).status, 403);

  Fields bot = PersonFields(nonce);
  bot[2].second = "http://spam.example";
  HttpResponse b = Post(url, bot, cookie_);
  EXPECT_EQ(b.status, 400);
  EXPECT_FALSE(b.Has("id=\"tracking-code\""));
  // The honeypot refused it before anything was recorded: the nonce is still unused, so the
  // real submission is a first one, not a duplicate.
  HttpResponse real = Post(url, PersonFields(nonce), cookie_);
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_FALSE(real.Has("没有重复登记"));
}

TEST_P(PublicFormsHttpTest, SubmissionsAreRateLimitedPerClient) {
  StartServer(/*rate_limit=*/true);
  OpenForm();
  const std::string url = std::string("/agencies/") + kSlug + "/apply";
  int ok = 0, limited = 0;
  for (int i = 0; i < 14; ++i) {
    HttpResponse r = Post(url, {{"csrf", csrf_}, {"nonce", std::string(24, 'a')}}, cookie_);
    if (r.status == 429) {
      ++limited;
      EXPECT_FALSE(r.Header("retry-after").empty());
    } else {
      ++ok;
    }
  }
  EXPECT_GT(limited, 0);
  EXPECT_GT(ok, 0);
  EXPECT_EQ(Get("/").status, 200) << "pages still answer";
}

// ---------------------------------------------------------------------------------------------
// Attachments and privacy
// ---------------------------------------------------------------------------------------------

TEST_P(PublicFormsHttpTest, ItemAttachmentsDownloadAndACorruptFileIsA503) {
  StartServer();
  const Agency agency = FindAgency(kSlug);
  CatalogFilter filter;
  filter.as_of = *Date::Parse(kToday);
  Result<CatalogPage> items = Services().repo->ListCatalogItems(agency.id, filter, {1, 5});
  ASSERT_TRUE(items.ok() && !items->items.empty());
  const CatalogItem& item = items->items.front();
  Result<Attachment> a = app::AttachToItem(Services(), Editor(agency), agency.id, item.id,
                                           "关于公开的说明 v1.pdf", PdfBytes("附件正文"), Now());
  ASSERT_TRUE(a.ok()) << a.status().message();

  HttpResponse page = Get("/agencies/changyi-commerce/items/" + item.index_no);
  ASSERT_EQ(page.status, 200) << page.body;
  const std::string link = "/agencies/changyi-commerce/attachments/" + std::to_string(a->id);
  EXPECT_TRUE(page.Has("href=\"" + link + "\"")) << page.body;
  EXPECT_TRUE(page.Has("关于公开的说明 v1.pdf"));

  HttpResponse file = Get(link);
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.body, PdfBytes("附件正文"));
  EXPECT_EQ(file.Header("content-type"), "application/pdf");
  const std::string disposition = file.Header("content-disposition");
  EXPECT_EQ(disposition.rfind("attachment; ", 0), 0u) << disposition;
  EXPECT_NE(disposition.find("filename*=UTF-8''%E5%85%B3%E4%BA%8E"), std::string::npos)
      << disposition;
  EXPECT_NE(disposition.find("v1.pdf"), std::string::npos);
  EXPECT_EQ(file.Header("x-content-type-options"), "nosniff");

  EXPECT_EQ(Get("/agencies/changyi-commerce/attachments/999999").status, 404);
  EXPECT_EQ(Get("/agencies/changyi-commerce/attachments/abc").status, 404);
  EXPECT_EQ(Get("/agencies/changyi-gov/attachments/" + std::to_string(a->id)).status, 404)
      << "another agency's id";

  // The file on disk damaged: a clear 503 page, and the server goes on.
  std::ofstream(Services().files->PathOf(a->sha256), std::ios::trunc) << "damaged";
  HttpResponse corrupt = Get(link);
  EXPECT_EQ(corrupt.status, 503);
  EXPECT_TRUE(corrupt.Has("附件文件已损坏")) << corrupt.body;
  EXPECT_EQ(corrupt.Header("content-type"), "text/html; charset=utf-8");
  // Removed: 404.
  fs::remove(Services().files->PathOf(a->sha256));
  EXPECT_EQ(Get(link).status, 404);
  EXPECT_EQ(Get("/").status, 200);
}

TEST_P(PublicFormsHttpTest, TheApplicantNeverAppearsOnPublicPagesFeedsSitemapOrSearch) {
  StartServer();
  HttpResponse form = OpenForm();
  ASSERT_EQ(Post(std::string("/agencies/") + kSlug + "/apply",
                 PersonFields(HiddenValue(form.body, "nonce")), cookie_)
                .status,
            200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // one outbox period
  for (const std::string& target :
       {std::string("/"), std::string("/agencies/changyi-commerce/"),
        std::string("/agencies/changyi-commerce/catalog"),
        std::string("/agencies/changyi-commerce/feed.atom"), std::string("/sitemap.xml"),
        "/search?q=" + UrlEncode(kName), "/search?q=" + UrlEncode("王小"),
        "/search?q=" + UrlEncode("老旧小区改造项目"), std::string("/search?q=62345678")}) {
    HttpResponse r = Get(target);
    EXPECT_LT(r.status, 500) << target;
    EXPECT_FALSE(r.Has(kPhone)) << target;
    EXPECT_FALSE(r.Has(kIdNumber)) << target;
    EXPECT_FALSE(r.Has("<mark>" + std::string(kName) + "</mark>")) << target;
    EXPECT_FALSE(r.Has("class=\"hit\"")) << target << ": the application is not searchable";
  }
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

TEST_P(PublicFormsHttpTest, AnItemPublishedThroughTheUseCaseIsFoundByQueriesOfEveryLength) {
  StartServer();
  const Agency agency = FindAgency("search-test");
  app::ItemInput in;
  in.title = "关于垃圾分类示范小区验收办法的通知";
  in.doc_no = "测检发〔2026〕7号";
  in.created_on = *Date::Parse("2026-02-20");
  in.topic = "综合政务\\通知公告";
  in.genre = "通知";
  in.summary = "规定示范小区验收的标准和程序 <i>不是标记</i>。";
  in.body = "各街道：为推进垃圾分类工作，现将示范小区验收办法印发给你们。";
  // The catalog page is viewed (and cached by the server) before the publication.
  ASSERT_FALSE(Get("/agencies/search-test/catalog").Has("小区验收办法的通知"));
  Result<int64_t> id = app::CreateItem(Services(), Editor(agency), agency.id, in, Now());
  ASSERT_TRUE(id.ok()) << id.status().message();
  Result<app::PublishResult> published =
      app::PublishItem(Services(), Editor(agency), agency.id, *id, {}, std::nullopt, Now());
  ASSERT_TRUE(published.ok()) << published.status().message();

  // Applied by the server's own outbox thread (or before the search): within a few seconds.
  HttpResponse found;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    found = Get("/search?q=" + UrlEncode("垃圾分类示范"));
    if (found.Has("小区验收办法的通知")) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ASSERT_TRUE(found.Has("小区验收办法的通知")) << Slurp(Path("server.err"));
  EXPECT_EQ(found.status, 200);
  // The same outbox apply dropped the cached catalog page: the item is listed now, well within
  // the listing cache's 30 s.
  EXPECT_TRUE(Get("/agencies/search-test/catalog").Has("小区验收办法的通知"));
  const std::string url = "/agencies/search-test/items/" + published->item.index_no;
  EXPECT_TRUE(found.Has("href=\"" + url + "\"")) << found.body;
  EXPECT_TRUE(found.Has("关于<mark>垃圾分类示范</mark>小区验收办法的通知")) << found.body;
  EXPECT_TRUE(found.Has("value=\"垃圾分类示范\""));

  const std::vector<std::pair<std::string, std::string>> by_length = {
      {"垃", "关于<mark>垃</mark>圾分类"},
      {"垃圾", "关于<mark>垃圾</mark>分类"},
      {"垃圾分", "关于<mark>垃圾分</mark>类"},
      {"示范小区验收", "分类<mark>示范小区验收</mark>办法"}};
  for (const auto& [q, marked] : by_length) {
    HttpResponse r = Get("/search?q=" + UrlEncode(q));
    EXPECT_EQ(r.status, 200) << q;
    EXPECT_TRUE(r.Has(marked)) << q << "\n" << r.body;
  }
  // 文号 (newest first, so the new item leads).
  HttpResponse doc_no = Get("/search?sort=date&q=" + UrlEncode("测检发"));
  EXPECT_TRUE(doc_no.Has("<mark>测检发</mark>〔2026〕7号")) << doc_no.body;
  // Text of the item that looks like markup stays text; only our marks are tags.
  HttpResponse s = Get("/search?q=" + UrlEncode("验收的标准"));
  EXPECT_TRUE(s.Has("&lt;i&gt;不是标记&lt;/i&gt;")) << s.body;
  EXPECT_FALSE(s.Has("<i>不是标记"));

  // Filters and sorting.
  EXPECT_FALSE(
      Get("/search?agency=changyi-gov&q=" + UrlEncode("垃圾分类示范")).Has("小区验收办法的通知"));
  EXPECT_TRUE(
      Get("/search?agency=search-test&q=" + UrlEncode("垃圾分类示范")).Has("小区验收办法的通知"));
  EXPECT_TRUE(Get("/search?topic=" + UrlEncode("综合政务") + "&q=" + UrlEncode("垃圾分类示范"))
                  .Has("小区验收办法的通知"));
  EXPECT_FALSE(Get("/search?topic=" + UrlEncode("财政") + "&q=" + UrlEncode("垃圾分类示范"))
                   .Has("小区验收办法的通知"));
  // Topic choices come from the chosen agency's items; without an agency the page says so
  // instead of grouping every agency's items (seconds at a million items).
  HttpResponse scoped = Get("/search?agency=search-test&q=" + UrlEncode("垃圾分类示范"));
  EXPECT_TRUE(scoped.Has("<option value=\"综合政务\">综合政务</option>")) << scoped.body;
  EXPECT_FALSE(scoped.Has("s-topic-hint"));
  HttpResponse unscoped = Get("/search?q=" + UrlEncode("垃圾分类示范"));
  EXPECT_TRUE(unscoped.Has("先选择机关")) << unscoped.body;
  EXPECT_FALSE(unscoped.Has("<option value=\"综合政务\">"));
  HttpResponse by_date = Get("/search?sort=date&q=" + UrlEncode("公开"));
  EXPECT_EQ(by_date.status, 200);
  EXPECT_TRUE(by_date.Has("<option value=\"date\" selected>"));
  EXPECT_EQ(Get("/search?sort=oldest&q=x").status, 400);
  EXPECT_EQ(Get("/search?q=" + UrlEncode("！！")).status, 400);
  EXPECT_EQ(Get("/search?agency=nowhere&q=x").status, 400);

  // Withdrawn: gone from search too.
  ASSERT_TRUE(app::WithdrawItem(Services(), Editor(agency), agency.id, *id, std::nullopt, Now()).ok());
  bool gone = false;
  const auto deadline2 = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!gone && std::chrono::steady_clock::now() < deadline2) {
    gone = !Get("/search?q=" + UrlEncode("垃圾分类示范")).Has("小区验收办法的通知");
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_TRUE(gone);
}

TEST_P(PublicFormsHttpTest, SearchPagesThroughTheFixtureAndRebuildsALostIndex) {
  StartServer();
  HttpResponse first = Get("/search?q=" + UrlEncode("公开"));
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string total = Match(first.body, "检索结果（约 ([0-9]+) 条）");
  ASSERT_FALSE(total.empty()) << first.body;
  EXPECT_GT(std::stoi(total), 10) << "the fixture has more than a page of items about 公开";
  EXPECT_TRUE(first.Has("rel=\"next\"")) << first.body;
  HttpResponse second = Get("/search?page=2&q=" + UrlEncode("公开"));
  EXPECT_EQ(second.status, 200);
  EXPECT_TRUE(second.Has("<span aria-current=\"page\">2</span>"));
  EXPECT_EQ(Get("/search?page=999&q=" + UrlEncode("公开")).status, 404);
  EXPECT_EQ(Get("/search").status, 200) << "the empty form";

  // The index directory lost while serving: the next search rebuilds it from the database.
  fs::remove_all(Path("search"));
  HttpResponse rebuilt = Get("/search?q=" + UrlEncode("公开"));
  EXPECT_EQ(rebuilt.status, 200) << rebuilt.body;
  EXPECT_EQ(Match(rebuilt.body, "检索结果（约 ([0-9]+) 条）"), total);
  EXPECT_NE(Slurp(Path("server.err")).find("重建"), std::string::npos);
  // Lost between runs: rebuilt at start.
  server_.reset();
  fs::remove_all(Path("search"));
  StartServer();
  HttpResponse restarted = Get("/search?q=" + UrlEncode("公开"));
  EXPECT_EQ(Match(restarted.body, "检索结果（约 ([0-9]+) 条）"), total);
  EXPECT_EQ(server_->Stop(), 0) << "the outbox thread stops with the server";
}

INSTANTIATE_TEST_SUITE_P(Sqlite, PublicFormsHttpTest, ::testing::Values(Backend::kSqlite),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, PublicFormsHttpTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace gongkai::http_test
