// Every console route of the routing table (src/http/routes.cc), tried against a running
// `gongkai serve` on SQLite and PostgreSQL as the public and as an administrator of ANOTHER
// agency, with the real ids of agency A's application, notice, answer file, catalog item and
// attachment: the public is sent to the login page (GET) or refused (POST); the other agency's
// administrator gets 403 or 404 on every route that names agency A — by page, by form post with
// a valid CSRF token of its own session, and by guessed ids — and nothing of A changes. A route
// added to the table later is covered without editing this test (an unknown route parameter
// fails it).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "http/routes.h"
#include "tests/e2e/e2e_util.h"
#include "tests/http/http_harness.h"

namespace gongkai::http_test {
namespace {

using e2e::Gongkai;
using e2e::Quote;
using e2e::RunResult;
using e2e::TempDir;

constexpr char kPassword[] = "correct-horse-battery";

constexpr char kDataset[] = R"({"version": 1,
  "agencies": [
    {"slug": "a-office", "name": "甲区政府办公室", "short_name": "甲区办", "org_code": "000033333"},
    {"slug": "b-office", "name": "乙区政府办公室", "short_name": "乙区办", "org_code": "000044444"}
  ]})";

std::string First(const std::string& text, const std::string& pattern) {
  std::smatch m;
  return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : "";
}

class AuthzHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    database_.Create(GetParam(), (dir_.path() / "gongkai.db").string());
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = database_.url();
    std::ofstream(dir_.path() / "agencies.json") << kDataset;
    RunResult load = Gongkai("--db " + Quote(db_) + " load " +
                                 Quote((dir_.path() / "agencies.json").string()),
                             dir_.path());
    ASSERT_EQ(load.exit_code, 0) << load.err;
    std::ofstream(dir_.path() / "password.txt") << kPassword << "\n";
    for (const auto& [login, agency] : {std::pair<const char*, const char*>{"a-admin", "a-office"},
                                        {"b-admin", "b-office"}}) {
      RunResult r = Gongkai("--db " + Quote(db_) + " user add --login " + login +
                                " --name 管理员 --role admin --agency " + agency +
                                " --password-stdin < " +
                                Quote((dir_.path() / "password.txt").string()),
                            dir_.path());
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const fs::path config = dir_.path() / "config.json";
    std::ofstream(config) << "{\"pii_key_file\": \"" << (dir_.path() / "pii.key").string()
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

  TempDir dir_;
  TestDatabase database_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_P(AuthzHttpTest, EveryConsoleRouteRefusesThePublicAndAnotherAgency) {
  // Agency A's records, made through the console by A's administrator.
  Browser a(server_->base());
  ASSERT_TRUE(a.Login("a-admin", kPassword));
  HttpResponse reg = a.Post("/console/agencies/a-office/applications/new",
                            {{"csrf", a.Csrf()},
                             {"channel", "in_person"},
                             {"received_on", "2026-02-26"},
                             {"applicant_type", "natural_person"},
                             {"name", "张三"},
                             {"id_type", "resident_id"},
                             {"id_number", "11010519491231002X"},
                             {"phone", "0432-62345678"},
                             {"address", "甲区一号"},
                             {"description", "2025年的财政预算执行情况"},
                             {"form", "paper"},
                             {"delivery", "post"}});
  ASSERT_EQ(reg.status, 303) << reg.body.substr(0, 2000);
  const std::string case_path = reg.Header("location").substr(0, reg.Header("location").find('?'));
  const std::string app_id = First(case_path, R"(/applications/([0-9]+))");
  ASSERT_FALSE(app_id.empty()) << case_path;
  HttpResponse page = a.Get(case_path);
  const std::string seen = HiddenValue(page.body, "seen");
  HttpResponse up = a.PostMultipart(case_path + "/upload_file", {{"csrf", a.Csrf()}, {"seen", seen}},
                                    {{"file", "答复.pdf", "application/pdf", TinyPdf()}});
  ASSERT_EQ(up.status, 303) << up.body.substr(0, 2000);
  page = a.Get(case_path);
  const std::string notice_id = First(page.body, case_path + R"(/notices/([0-9]+)\")");
  const std::string answer_file_id = First(page.body, case_path + R"(/files/([0-9]+)\")");
  ASSERT_FALSE(notice_id.empty()) << "the 受理告知书 of the registration";
  ASSERT_FALSE(answer_file_id.empty());
  const std::string events_before = HiddenValue(page.body, "seen");

  HttpResponse created = a.Post("/console/agencies/a-office/catalog/new",
                                {{"csrf", a.Csrf()},
                                 {"title", "甲区草稿"},
                                 {"created_on", "2026-02-20"},
                                 {"topic", "综合政务"},
                                 {"body", "正文"}});
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 2000);
  const std::string item_id = First(created.Header("location"), R"(/catalog/([0-9]+)/)");
  ASSERT_FALSE(item_id.empty());
  const std::string item_path = "/console/agencies/a-office/catalog/" + item_id;
  ASSERT_EQ(a.PostMultipart(item_path + "/files", {{"csrf", a.Csrf()}},
                            {{"file", "附件.pdf", "application/pdf", TinyPdf()}})
                .status,
            303);
  const std::string item_file_id =
      First(a.Get(item_path + "/edit").body, item_path + R"(/files/([0-9]+)\")");
  ASSERT_FALSE(item_file_id.empty());

  // The concrete path of a route pattern, with A's ids.
  auto concrete = [&](const std::string& pattern) -> std::string {
    std::string out;
    const bool catalog = pattern.find("/catalog/") != std::string::npos;
    static const std::regex kParam(R"(:([a-z_]+)(\([^)]*\))?)");
    std::string rest = pattern;
    std::smatch m;
    while (std::regex_search(rest, m, kParam)) {
      out += m.prefix().str();
      const std::string name = m[1].str();
      if (name == "slug") {
        out += "a-office";
      } else if (name == "id") {
        out += catalog ? item_id : app_id;
      } else if (name == "action") {
        out += "withdraw";
      } else if (name == "notice") {
        out += notice_id;
      } else if (name == "file_id") {
        out += catalog ? item_file_id : answer_file_id;
      } else {
        ADD_FAILURE() << "route " << pattern << ": no test value for :" << name;
        out += "x";
      }
      rest = m.suffix().str();
    }
    return out + rest;
  };

  Browser b(server_->base());
  ASSERT_TRUE(b.Login("b-admin", kPassword));
  const std::string b_csrf = b.Csrf();
  ASSERT_FALSE(b_csrf.empty());
  int tried = 0;
  for (const http::Route& route : http::Routes()) {
    const std::string pattern = route.pattern;
    const std::string method = route.method;
    if (pattern.rfind("/console/", 0) != 0) continue;
    if (pattern == "/console/login" || pattern == "/console/logout") continue;
    const std::string path = concrete(pattern);
    SCOPED_TRACE(method + " " + path);
    ++tried;
    // The public.
    HttpResponse pub = method == "GET"
                           ? Request(server_->base(), path, "GET", {})
                           : Request(server_->base(), path, "POST",
                                     {"Content-Type: application/x-www-form-urlencoded"},
                                     "csrf=x&seen=1");
    if (method == "GET") {
      EXPECT_EQ(pub.status, 303);
      EXPECT_EQ(pub.Header("location").rfind("/console/login", 0), 0u) << pub.Header("location");
    } else {
      EXPECT_EQ(pub.status, 403);
    }
    // Another agency's administrator, on routes that name agency A.
    if (pattern.find(":slug") == std::string::npos) continue;
    HttpResponse other =
        method == "GET"
            ? b.Get(path)
            : b.Post(path, {{"csrf", b_csrf}, {"seen", events_before}, {"on", "2026-02-27"},
                            {"title", "乙改甲"}, {"created_on", "2026-02-20"},
                            {"topic", "综合政务"}, {"channel", "website"},
                            {"office_name", "乙"}, {"address", "乙"}, {"phone", "1"},
                            {"hours", "1"}});
    EXPECT_TRUE(other.status == 403 || other.status == 404)
        << "status " << other.status << ": " << other.body.substr(0, 600);
    EXPECT_FALSE(other.Has("张三")) << "A's applicant is never shown to B";
  }
  EXPECT_GE(tried, 20) << "the console's routes were found in the table";

  // Nothing of A changed: the same events, the item still a draft with its title.
  page = a.Get(case_path);
  EXPECT_EQ(HiddenValue(page.body, "seen"), events_before);
  HttpResponse item = a.Get(item_path + "/edit");
  EXPECT_TRUE(item.Has("甲区草稿"));
  EXPECT_FALSE(item.Has("乙改甲"));
  EXPECT_FALSE(a.Get("/agencies/a-office/catalog").Has("甲区草稿")) << "not published by B";
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AuthzHttpTest, ::testing::Values(Backend::kSqlite), BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, AuthzHttpTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace gongkai::http_test
