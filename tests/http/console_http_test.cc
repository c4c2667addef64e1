// The officer console's case work over HTTP, against a running `gongkai serve` on SQLite and on
// PostgreSQL (harness: tests/http/http_harness.h). Each test loads tests/fixtures/changyi-2018.json
// (two agencies), adds staff with `gongkai user add`, starts the server with --today 2026-03-16
// (a Monday), signs in through the login form and works applications through the console's
// forms: register → 补正 → record correction → request extension (handler) → approve extension
// (reviewer) → answer 部分公开 (reviewer), with the numbered notices as HTML and PDF; and the
// refusals: no CSRF token, the wrong agency, the public, a stale page, a double submit, an
// action the state does not allow, a supervisor's post.
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

constexpr char kConsoleToday[] = "2026-03-16";
constexpr char kPassword[] = "correct horse battery";
constexpr char kAgency[] = "changyi-commerce";
constexpr char kOtherAgency[] = "changyi-gov";

// A signed-in staff member: the session cookie and the CSRF token of its forms.
struct Staff {
  std::string cookie;  // "gk_session=…"
  std::string csrf;
};

class ConsoleHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    database_.Create(GetParam(), (dir_.path() / "var" / "gongkai.db").string());
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = database_.url();
    const std::string fixture =
        std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/changyi-2018.json";
    RunResult load = Gongkai("--db " + Quote(db_) + " load " + Quote(fixture), dir_.path());
    ASSERT_EQ(load.exit_code, 0) << load.err;
    const fs::path pw = dir_.path() / "pw.txt";
    std::ofstream(pw) << kPassword << "\n";
    struct U {
      const char* login;
      const char* role;
      const char* agency;
      const char* more;
    };
    for (const U& u : {U{"handler", "handler", kAgency, ""}, U{"reviewer", "reviewer", kAgency, ""},
                       U{"other", "handler", kOtherAgency, ""},
                       U{"watcher", "supervisor", kAgency, kOtherAgency}}) {
      std::string args = "--db " + Quote(db_) + " user add --login " + u.login + " --name " +
                         Quote(std::string("测试") + u.login) + " --role " + u.role + " --agency " +
                         u.agency + " --password-stdin";
      if (*u.more) args += std::string(" --agencies ") + u.more;
      RunResult add = Gongkai(args + " < " + Quote(pw.string()), dir_.path());
      ASSERT_EQ(add.exit_code, 0) << u.login << ": " << add.err;
    }
    const fs::path config = dir_.path() / "config.json";
    const std::string var = (dir_.path() / "var").string();
    std::ofstream(config) << "{\"public_url\": \"http://127.0.0.1/\", "
                          << "\"site_name\": \"测试区政府信息公开平台\", "
                          << "\"rate_limit\": {\"enabled\": false}, "
                          << "\"pii_key_file\": \"" << var << "/keys/pii.key\", "
                          << "\"attachments_dir\": \"" << var << "/files\", "
                          << "\"search_index_dir\": \"" << var << "/search\"}";
    server_ = std::make_unique<ServerProcess>(db_, config.string(), dir_.path(), kConsoleToday);
    ASSERT_TRUE(server_->running());
  }

  void TearDown() override {
    server_.reset();
    database_.Drop();
  }

  HttpResponse Get(const std::string& target, const std::string& cookie = "") {
    std::vector<std::string> headers;
    if (!cookie.empty()) headers.push_back("Cookie: " + cookie);
    return Request(server_->base(), target, "GET", headers);
  }
  HttpResponse Post(const std::string& target, const std::string& cookie, const Fields& fields) {
    std::vector<std::string> headers = {"Content-Type: application/x-www-form-urlencoded"};
    if (!cookie.empty()) headers.push_back("Cookie: " + cookie);
    return Request(server_->base(), target, "POST", headers, FormBody(fields));
  }

  // Signs in through the login form (its double-submit token first).
  Staff Login(const std::string& login) {
    HttpResponse form = Get("/console/login");
    EXPECT_EQ(form.status, 200);
    const std::string token = CookieValue(form, "gk_form");
    EXPECT_FALSE(token.empty());
    HttpResponse r = Post("/console/login", "gk_form=" + token,
                          {{"csrf", token}, {"login", login}, {"password", kPassword}});
    EXPECT_EQ(r.status, 303) << r.body;
    Staff s;
    s.cookie = "gk_session=" + CookieValue(r, "gk_session");
    HttpResponse dash = Get("/console/", s.cookie);
    EXPECT_EQ(dash.status, 200) << dash.body;
    s.csrf = HiddenValue(dash.body, "csrf");
    EXPECT_FALSE(s.csrf.empty());
    return s;
  }

  // Registers an in-person application; returns the case URL (and the response).
  std::string RegisterCase(const Staff& s, HttpResponse* out = nullptr,
                           const std::string& name = "王<b>小明</b>",
                           const std::string& nonce = "") {
    HttpResponse r =
        Post("/console/agencies/" + std::string(kAgency) + "/applications/new", s.cookie,
             {{"csrf", s.csrf},
              {"nonce", nonce},
              {"channel", "in_person"},
              {"received_on", "2026-03-12"},
              {"confirmed_on", ""},
              {"number", ""},
              {"applicant_type", "natural_person"},
              {"name", name},
              {"id_type", "resident_id"},
              {"id_number", "11010519491231002X"},
              {"legal_representative", ""},
              {"phone", "0432-62345678"},
              {"email", ""},
              {"address", "吉林市昌邑区解放北路 1 号"},
              {"postal_code", "132002"},
              {"description", "2025年本局发放商贸流通补贴的名单和金额"},
              {"purpose", ""},
              {"form", "paper"},
              {"delivery", "post"}});
    if (out != nullptr) *out = r;
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    const std::string location = r.Header("location");
    return location.substr(0, location.find('?'));
  }

  // Posts the action form `action` of the case page with the `seen` count it shows.
  HttpResponse Act(const Staff& s, const std::string& case_url, const std::string& action,
                   Fields fields, std::string* seen_out = nullptr) {
    HttpResponse page = Get(case_url, s.cookie);
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(page.Has("action=\"" + case_url + "/" + action + "\""))
        << action << " is not offered";
    const std::string seen = HiddenValue(page.body, "seen");
    if (seen_out != nullptr) *seen_out = seen;
    fields.emplace_back("csrf", s.csrf);
    fields.emplace_back("seen", seen);
    return Post(case_url + "/" + action, s.cookie, fields);
  }

  TempDir dir_;
  TestDatabase database_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_P(ConsoleHttpTest, RegisterAndWorkACaseToAPartialAnswerWithNumberedNotices) {
  const Staff handler = Login("handler");
  const Staff reviewer = Login("reviewer");

  // The register form: every Art. 29 field, labelled.
  HttpResponse form = Get("/console/applications/new", handler.cookie);
  ASSERT_EQ(form.status, 303) << "one agency: straight to its form";
  form = Get(form.Header("location"), handler.cookie);
  ASSERT_EQ(form.status, 200);
  for (const char* field :
       {"channel", "received_on", "confirmed_on", "applicant_type", "name", "id_type", "id_number",
        "legal_representative", "phone", "email", "address", "postal_code", "description",
        "purpose", "form", "delivery"}) {
    EXPECT_TRUE(form.Has("<label for=\"" + std::string(field) + "\">")) << field;
  }
  EXPECT_TRUE(form.Has("邮寄（平信）"));
  EXPECT_TRUE(form.Has("传真"));

  // A form with errors: each next to its field.
  HttpResponse bad = Post("/console/agencies/changyi-commerce/applications/new", handler.cookie,
                          {{"csrf", handler.csrf},
                           {"channel", "fax"},
                           {"received_on", "2026-13-01"},
                           {"applicant_type", "natural_person"},
                           {"id_type", "resident_id"},
                           {"id_number", "110105194912310021"},
                           {"form", "paper"},
                           {"delivery", "post"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(bad.Has("aria-describedby=\"received_on-hint received_on-error\"")) << bad.body;
  EXPECT_TRUE(bad.Has("id=\"id_number-error\""));
  EXPECT_TRUE(bad.Has("id=\"description-error\""));
  EXPECT_TRUE(bad.Has("aria-invalid=\"true\""));

  HttpResponse reg;
  const std::string url = RegisterCase(handler, &reg);
  ASSERT_TRUE(
      std::regex_match(url, std::regex("/console/agencies/changyi-commerce/applications/[0-9]+")))
      << url;
  const std::string secret_cookie = CookieValue(reg, "gk_registered");
  ASSERT_FALSE(secret_cookie.empty());
  EXPECT_EQ(reg.Header("location").find(secret_cookie.substr(secret_cookie.find('.') + 1)),
            std::string::npos)
      << "the secret never goes into a URL";
  HttpResponse page =
      Get(url + "?done=register", handler.cookie + "; gk_registered=" + secret_cookie);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.Has("查询密码只显示这一次"));
  EXPECT_TRUE(page.Has("已登记申请"));
  EXPECT_EQ(CookieValue(page, "gk_registered"), "") << "cleared once shown";
  EXPECT_TRUE(page.Has("王&lt;b&gt;小明&lt;/b&gt;")) << "applicant, escaped";
  EXPECT_FALSE(page.Has("王<b>小明"));
  EXPECT_TRUE(page.Has("11010519491231002X"));
  EXPECT_TRUE(page.Has("答复期限"));
  EXPECT_TRUE(page.Has("计算过程"));
  EXPECT_TRUE(page.Has("政府信息公开申请受理告知书"));
  HttpResponse again = Get(url, handler.cookie);
  EXPECT_FALSE(again.Has("查询密码只显示这一次"));

  // The dashboard and the list show it.
  HttpResponse dash = Get("/console/", handler.cookie);
  EXPECT_TRUE(dash.Has("href=\"" + url + "\"")) << dash.body;
  EXPECT_TRUE(dash.Has("补正告知最迟"));
  HttpResponse list = Get("/console/applications", handler.cookie);
  EXPECT_TRUE(list.Has("href=\"" + url + "\""));
  HttpResponse year = Get("/console/applications?year=2026", handler.cookie);
  EXPECT_TRUE(year.Has("href=\"" + url + "\""));

  // 补正 with several items, each a paragraph of the notice.
  HttpResponse r = Act(handler, url, "request_correction",
                       {{"items", "请写明补贴的文件名称。\r\n  \r\n请写明所需信息的年份范围。\r\n"},
                        {"correct_by", "2026-03-31"},
                        {"on", kConsoleToday},
                        {"addressee", "王小明"}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  EXPECT_NE(r.Header("location").find("done=request_correction"), std::string::npos);
  EXPECT_NE(r.Header("location").find("notice="), std::string::npos);
  page = Get(r.Header("location"), handler.cookie);
  EXPECT_TRUE(page.Has("已办理：发送补正告知。"));
  EXPECT_TRUE(page.Has("已生成政府信息公开申请补正告知书"));
  EXPECT_TRUE(page.Has("待补正"));

  r = Act(handler, url, "record_correction", {{"on", kConsoleToday}, {"note", "已补正"}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  r = Act(handler, url, "request_extension",
          {{"days", "10"}, {"reason", "需要汇总多个科室的材料"}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  // The handler cannot approve or answer: no such forms for it.
  page = Get(url, handler.cookie);
  EXPECT_FALSE(page.Has("action=\"" + url + "/approve_extension\""));
  EXPECT_FALSE(page.Has("action=\"" + url + "/answer\""));
  r = Act(reviewer, url, "approve_extension",
          {{"days", "10"},
           {"reason", "需要汇总多个科室的材料"},
           {"on", kConsoleToday},
           {"addressee", ""}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  r = Act(reviewer, url, "answer",
          {{"outcome", "partially_disclosed"},
           {"answer_text", "名单予以公开，个人银行账号不予公开。"},
           {"legal_basis", ""},
           {"on", kConsoleToday},
           {"addressee", "王小明"}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  page = Get(url, reviewer.cookie);
  EXPECT_TRUE(page.Has("已办结"));
  EXPECT_TRUE(page.Has("部分公开"));
  EXPECT_FALSE(page.Has("action=\"" + url + "/answer\"")) << "closed: no more answers";

  // Four notices, each numbered: 受 补 延 答 〔2026〕1号.
  std::vector<std::string> links;
  const std::regex notice_link("href=\"(" + url + "/notices/[0-9]+)\"");
  for (std::sregex_iterator it(page.body.begin(), page.body.end(), notice_link), end; it != end;
       ++it) {
    links.push_back((*it)[1]);
  }
  ASSERT_EQ(links.size(), 4u) << page.body;
  for (const char* mark : {"受〔2026〕1号", "补〔2026〕1号", "延〔2026〕1号", "答〔2026〕1号"}) {
    EXPECT_TRUE(page.Has(mark)) << mark;
  }
  HttpResponse correction = Get(links[1], handler.cookie);
  ASSERT_EQ(correction.status, 200);
  EXPECT_TRUE(correction.Has("政府信息公开申请补正告知书"));
  EXPECT_TRUE(correction.Has("<p class=\"notice-paragraph\">（一）请写明补贴的文件名称。</p>"));
  EXPECT_TRUE(correction.Has("<p class=\"notice-paragraph\">（二）请写明所需信息的年份范围。</p>"));
  EXPECT_TRUE(correction.Has("<p class=\"notice-addressee\">王小明：</p>"));
  HttpResponse answer = Get(links[3], reviewer.cookie);
  ASSERT_EQ(answer.status, 200);
  EXPECT_TRUE(answer.Has("政府信息公开申请答复书"));
  EXPECT_TRUE(answer.Has("个人银行账号不予公开"));
  HttpResponse pdf = Get(links[3] + ".pdf", reviewer.cookie);
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(Get(links[3] + "9", reviewer.cookie).status, 404);

  // The closed case: in the year's list with its outcome, not among the open ones.
  list = Get("/console/applications", handler.cookie);
  EXPECT_FALSE(list.Has("href=\"" + url + "\""));
  year = Get("/console/applications?year=2026&state=closed", handler.cookie);
  EXPECT_TRUE(year.Has("href=\"" + url + "\""));
  EXPECT_TRUE(year.Has("部分公开"));
}

TEST_P(ConsoleHttpTest, ADoubleSubmittedRegisterFormRegistersOnce) {
  const Staff handler = Login("handler");
  HttpResponse form =
      Get("/console/agencies/" + std::string(kAgency) + "/applications/new", handler.cookie);
  ASSERT_EQ(form.status, 200);
  const std::string nonce = HiddenValue(form.body, "nonce");
  ASSERT_EQ(nonce.size(), 24u) << "the register form carries a nonce";
  HttpResponse first, second;
  const std::string url = RegisterCase(handler, &first, "李四", nonce);
  const std::string again = RegisterCase(handler, &second, "李四", nonce);
  EXPECT_EQ(url, again) << "the second submit finds the first application";
  EXPECT_NE(second.Header("location").find("done=register_again"), std::string::npos);
  HttpResponse page = Get(second.Header("location"), handler.cookie);
  EXPECT_TRUE(page.Has("没有重复登记")) << page.body.substr(0, 2000);
  // Another registration with a fresh form is a new application.
  EXPECT_NE(RegisterCase(handler, nullptr, "李四"), url);
}

TEST_P(ConsoleHttpTest, RefusesWithoutCsrfForOtherAgenciesThePublicStalePagesAndIllegalSteps) {
  const Staff handler = Login("handler");
  const Staff other = Login("other");
  const Staff watcher = Login("watcher");
  const std::string url = RegisterCase(handler);
  ASSERT_FALSE(url.empty());
  const std::string id = url.substr(url.rfind('/') + 1);
  HttpResponse page = Get(url, handler.cookie);
  const std::string notice = [&] {
    std::smatch m;
    std::regex_search(page.body, m, std::regex(url + "/notices/([0-9]+)\""));
    return m[1].str();
  }();
  ASSERT_FALSE(notice.empty());
  const std::string seen = HiddenValue(page.body, "seen");

  // No CSRF token: 403, nothing recorded.
  HttpResponse r = Post(url + "/withdraw", handler.cookie, {{"seen", seen}, {"on", kConsoleToday}});
  EXPECT_EQ(r.status, 403);
  r = Post(url + "/withdraw", handler.cookie,
           {{"csrf", other.csrf}, {"seen", seen}, {"on", kConsoleToday}});
  EXPECT_EQ(r.status, 403) << "another session's token";
  EXPECT_EQ(Post("/console/agencies/changyi-commerce/applications/new", handler.cookie,
                 {{"channel", "in_person"}})
                .status,
            403);

  // An action the state does not allow: refused by the core (409), page shown again.
  r = Act(handler, url, "request_correction",
          {{"on", kConsoleToday}, {"correct_by", "2026-03-31"}});  // offered: the form exists
  EXPECT_EQ(r.status, 400) << "no items";
  EXPECT_TRUE(r.Has("请逐行填写需要补正的事项"));
  r = Post(url + "/record_correction", handler.cookie,
           {{"csrf", handler.csrf}, {"seen", seen}, {"on", kConsoleToday}});
  EXPECT_EQ(r.status, 409) << r.body.substr(0, 2000);
  EXPECT_TRUE(r.Has("未能办理"));
  r = Post(url + "/fee_lapsed", handler.cookie,
           {{"csrf", handler.csrf}, {"seen", seen}, {"on", kConsoleToday}});
  EXPECT_EQ(r.status, 409);

  // A double submit of one form: the first is recorded, the second is stale (409).
  std::string seen_then;
  r = Act(handler, url, "start_consultation",
          {{"party", "third_party"}, {"party_name", "某商贸公司"}, {"on", kConsoleToday}},
          &seen_then);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  r = Post(url + "/start_consultation", handler.cookie,
           {{"csrf", handler.csrf},
            {"seen", seen_then},
            {"party", "third_party"},
            {"party_name", "某商贸公司"},
            {"on", kConsoleToday}});
  EXPECT_EQ(r.status, 409);
  // A stale page for another action: 409 with the current state.
  r = Post(url + "/end_consultation", handler.cookie,
           {{"csrf", handler.csrf}, {"seen", seen_then}, {"on", kConsoleToday}});
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(r.Has("申请已被他人更新")) << r.body.substr(0, 3000);
  page = Get(url, handler.cookie);
  EXPECT_EQ(HiddenValue(page.body, "seen"), std::to_string(std::stoi(seen_then) + 1))
      << "one event, not two";

  // The supervisor reads, with no forms, and cannot post.
  HttpResponse sup = Get(url, watcher.cookie);
  ASSERT_EQ(sup.status, 200);
  EXPECT_FALSE(sup.Has("class=\"form-stack action-form\""));
  EXPECT_TRUE(sup.Has("您的角色只能查看此申请"));
  EXPECT_EQ(Post(url + "/end_consultation", watcher.cookie,
                 {{"csrf", watcher.csrf}, {"on", kConsoleToday}})
                .status,
            403);
  EXPECT_EQ(Get("/console/agencies/changyi-commerce/applications/new", watcher.cookie).status, 403);

  // Another agency's staff: 404 on every route, by page, post or guessed id.
  const std::string guessed =
      "/console/agencies/" + std::string(kOtherAgency) + "/applications/" + id;
  for (const std::string& target :
       {url, url + "/notices/" + notice, url + "/notices/" + notice + ".pdf", guessed,
        guessed + "/notices/" + notice,
        std::string("/console/agencies/changyi-commerce/applications/new"),
        std::string("/console/applications?agency=changyi-commerce")}) {
    HttpResponse g = Get(target, other.cookie);
    EXPECT_EQ(g.status, 404) << target;
    EXPECT_FALSE(g.Has("王")) << target;
  }
  for (const std::string& target :
       {url + "/end_consultation", guessed + "/end_consultation",
        std::string("/console/agencies/changyi-commerce/applications/new")}) {
    EXPECT_EQ(Post(target, other.cookie, {{"csrf", other.csrf}, {"on", kConsoleToday}}).status, 404)
        << target;
  }
  EXPECT_FALSE(Get("/console/", other.cookie).Has(url));
  EXPECT_FALSE(Get("/console/applications", other.cookie).Has(url));

  // The public: redirected to log in on GET, 403 on POST.
  for (const std::string& target :
       {std::string("/console/"), std::string("/console/applications"),
        std::string("/console/applications/new"), url, url + "/notices/" + notice,
        url + "/notices/" + notice + ".pdf",
        std::string("/console/agencies/changyi-commerce/applications/new")}) {
    HttpResponse g = Get(target);
    EXPECT_EQ(g.status, 303) << target;
    EXPECT_EQ(g.Header("location").rfind("/console/login?next=", 0), 0u) << target;
  }
  for (const std::string& target :
       {url + "/withdraw", url + "/upload_file",
        std::string("/console/agencies/changyi-commerce/applications/new")}) {
    EXPECT_EQ(Post(target, "", {{"on", kConsoleToday}}).status, 403) << target;
  }
  page = Get(url, handler.cookie);
  EXPECT_EQ(HiddenValue(page.body, "seen"), std::to_string(std::stoi(seen_then) + 1));
}

TEST_P(ConsoleHttpTest, AnswerFileUploadIsCheckedByContentAndDownloadedAsAttachment) {
  const Staff handler = Login("handler");
  const std::string url = RegisterCase(handler);
  const std::string boundary = "gkBoundary7MA4YWxk";
  const auto multipart = [&](const std::string& name, const std::string& bytes) {
    std::string body = "--" + boundary +
                       "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + handler.csrf +
                       "\r\n--" + boundary +
                       "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
                       "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" +
                       boundary + "--\r\n";
    return Request(
        server_->base(), url + "/upload_file", "POST",
        {"Cookie: " + handler.cookie, "Content-Type: multipart/form-data; boundary=" + boundary},
        body);
  };
  HttpResponse html = multipart("answer.pdf", "<html><script>alert(1)</script></html>");
  EXPECT_EQ(html.status, 400);
  EXPECT_TRUE(html.Has("不支持的附件类型"));
  HttpResponse ok = multipart("答复.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  ASSERT_EQ(ok.status, 303) << ok.body.substr(0, 2000);
  HttpResponse page = Get(ok.Header("location"), handler.cookie);
  EXPECT_TRUE(page.Has("已上传答复文件"));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("href=\"(" + url + "/files/[0-9]+)\"")));
  HttpResponse file = Get(m[1].str(), handler.cookie);
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(file.Header("content-disposition").rfind("attachment;", 0), 0u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ConsoleHttpTest, ::testing::Values(Backend::kSqlite), BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, ConsoleHttpTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace gongkai::http_test
