// Staff sessions over HTTP against a running `gongkai serve`, on SQLite and PostgreSQL: the
// session cookie's attributes, logout revoking the session, an idle-expired session sent back
// to the login page with "登录已超时" and its cookie cleared, and the lockout after repeated
// wrong passwords (even the right password is refused while locked, with the same message for
// every login).
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/e2e/e2e_util.h"
#include "tests/http/http_harness.h"

namespace gongkai::http_test {
namespace {

using e2e::Gongkai;
using e2e::Quote;
using e2e::RunResult;
using e2e::TempDir;

constexpr char kPassword[] = "correct-horse-battery";

class SessionHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    database_.Create(GetParam(), (dir_.path() / "gongkai.db").string());
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = database_.url();
    std::ofstream(dir_.path() / "agencies.json")
        << R"({"version": 1, "agencies": [{"slug": "s-office", "name": "测试办公室"}]})";
    RunResult load = Gongkai("--db " + Quote(db_) + " load " +
                                 Quote((dir_.path() / "agencies.json").string()),
                             dir_.path());
    ASSERT_EQ(load.exit_code, 0) << load.err;
    std::ofstream(dir_.path() / "password.txt") << kPassword << "\n";
    RunResult add = Gongkai("--db " + Quote(db_) +
                                " user add --login officer --name 工作人员 --role handler "
                                "--agency s-office --password-stdin < " +
                                Quote((dir_.path() / "password.txt").string()),
                            dir_.path());
    ASSERT_EQ(add.exit_code, 0) << add.err;
    const fs::path config = dir_.path() / "config.json";
    std::ofstream(config) << "{\"pii_key_file\": \"" << (dir_.path() / "pii.key").string()
                          << "\", \"attachments_dir\": \"" << (dir_.path() / "files").string()
                          << "\", \"search_index_dir\": \"" << (dir_.path() / "search").string()
                          << "\", \"session_timeout_minutes\": 30"
                          << ", \"rate_limit\": {\"enabled\": false}}";
    server_ = std::make_unique<ServerProcess>(db_, config.string(), dir_.path());
    ASSERT_TRUE(server_->running());
  }
  void TearDown() override {
    server_.reset();
    database_.Drop();
  }

  // Posts the login form; the response.
  HttpResponse TryLogin(Browser& b, const std::string& login, const std::string& password) {
    HttpResponse form = b.Get("/console/login");
    return b.Post("/console/login", {{"csrf", HiddenValue(form.body, "csrf")},
                                     {"login", login},
                                     {"password", password},
                                     {"next", "/console/applications"}});
  }

  TempDir dir_;
  TestDatabase database_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_P(SessionHttpTest, CookieLogoutAndIdleExpiry) {
  Browser b(server_->base());
  HttpResponse login = TryLogin(b, "officer", kPassword);
  ASSERT_EQ(login.status, 303) << login.body.substr(0, 1000);
  EXPECT_EQ(login.Header("location"), "/console/applications") << "back to the page asked for";
  std::string set_cookie;
  for (auto [it, end] = login.headers.equal_range("set-cookie"); it != end; ++it) {
    if (it->second.rfind("gk_session=", 0) == 0) set_cookie = it->second;
  }
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos) << set_cookie;
  EXPECT_EQ(set_cookie.find("Secure"), std::string::npos) << "plain http: not Secure";
  HttpResponse dashboard = b.Get("/console/");
  EXPECT_EQ(dashboard.status, 200);
  // Console pages are never stored by a browser or a proxy: one Cache-Control, private, no-store.
  EXPECT_EQ(dashboard.headers.count("cache-control"), 1u);
  EXPECT_EQ(dashboard.Header("cache-control"), "private, no-store");
  HttpResponse check_page = b.Get("/console/check");
  EXPECT_EQ(check_page.headers.count("cache-control"), 1u);
  EXPECT_EQ(check_page.Header("cache-control"), "private, no-store");
  HttpResponse login_page = Request(server_->base(), "/console/login", "GET", {});
  EXPECT_EQ(login_page.Header("cache-control"), "private, no-store");

  // Logout revokes the session on the server: the old cookie no longer opens the console.
  const std::string old_cookie = "gk_session=" + CookieValue(login, "gk_session");
  HttpResponse out = b.Post("/console/logout", {{"csrf", b.Csrf()}});
  EXPECT_EQ(out.status, 303);
  HttpResponse replay = Request(server_->base(), "/console/", "GET", {"Cookie: " + old_cookie});
  EXPECT_EQ(replay.status, 303);
  EXPECT_EQ(replay.Header("location").rfind("/console/login", 0), 0u);

  // A session idle for longer than the timeout: back to the login page, which says why.
  Browser c(server_->base());
  ASSERT_EQ(TryLogin(c, "officer", kPassword).status, 303);
  ASSERT_EQ(c.Get("/console/").status, 200);
  ASSERT_EQ(database_.Exec("UPDATE sessions SET last_seen_at = '2020-01-01T00:00:00Z'"), "");
  HttpResponse idle = c.Get("/console/applications");
  EXPECT_EQ(idle.status, 303);
  const std::string to = idle.Header("location");
  EXPECT_EQ(to.rfind("/console/login", 0), 0u) << to;
  EXPECT_NE(to.find("expired=1"), std::string::npos) << to;
  EXPECT_NE(to.find("next=%2Fconsole%2Fapplications"), std::string::npos) << to;
  HttpResponse page = c.Get(to);
  EXPECT_TRUE(page.Has("登录已超时")) << page.body.substr(0, 1500);
  EXPECT_FALSE(page.Has("login-error")) << "no empty error paragraph";
}

TEST_P(SessionHttpTest, RepeatedWrongPasswordsLockTheAccount) {
  Browser b(server_->base());
  HttpResponse unknown = TryLogin(b, "nobody", "whatever-password");
  EXPECT_EQ(unknown.status, 403);
  EXPECT_TRUE(unknown.Has("登录名或密码错误"));
  for (int i = 0; i < 5; ++i) {
    HttpResponse wrong = TryLogin(b, "officer", "wrong-password-" + std::to_string(i));
    EXPECT_EQ(wrong.status, 403);
  }
  HttpResponse locked = TryLogin(b, "officer", kPassword);
  EXPECT_EQ(locked.status, 403) << "locked even with the right password";
  EXPECT_TRUE(locked.Has("锁定")) << locked.body.substr(0, 2000);
  EXPECT_TRUE(CookieValue(locked, "gk_session").empty());
  EXPECT_TRUE(locked.Has("value=\"officer\"")) << "the login name is kept in the form";
}

INSTANTIATE_TEST_SUITE_P(Sqlite, SessionHttpTest, ::testing::Values(Backend::kSqlite),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, SessionHttpTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace gongkai::http_test
