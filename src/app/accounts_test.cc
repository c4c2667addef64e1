#include "app/accounts.h"

#include <gmock/gmock.h>

#include "app/testing.h"

namespace gongkai::app {
namespace {

using testing::At;
using ::testing::HasSubstr;
using testing::Now;

class AccountsTest : public testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    NewUserRequest r;
    r.login = "zhangsan";
    r.display_name = "张三";
    r.password = "correct horse battery";
    r.grants = {{agency_a_.id, Role::kHandler}, {agency_a_.id, Role::kReviewer}};
    Result<int64_t> id = AddUser(services_, Actor::System("cli"), r, Now());
    ASSERT_TRUE(id.ok()) << id.status().message();
    user_id_ = *id;
  }
  Result<LoginResult> Try(const char* password, Timestamp at) {
    return Login(services_, "zhangsan", password, "203.0.113.5", at);
  }
  int64_t user_id_ = 0;
};

TEST_F(AccountsTest, LoginStoresOnlyTheTokenHashAndAuthenticates) {
  Result<LoginResult> r = Try("correct horse battery", Now());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->token.size(), 64u);
  EXPECT_EQ(r->user.login, "zhangsan");
  EXPECT_EQ(r->expires_at, Now().Plus(12 * 3600));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sessions WHERE token_hash = '" + r->token + "'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sessions WHERE token_hash = '" + HashHex(r->token) + "'"),
            1);
  // The password is stored as an argon2id hash, never in clear.
  EXPECT_THAT(Raw("SELECT password_hash FROM users")[0], HasSubstr("$argon2id$"));

  Result<Authenticated> a = Authenticate(services_, r->token, "203.0.113.5", Now().Plus(60));
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->actor.login, "zhangsan");
  EXPECT_TRUE(a->actor.Has(Role::kReviewer, agency_a_.id));
  EXPECT_FALSE(a->actor.CanRead(agency_b_.id));
  EXPECT_EQ(a->actor.client_ip, "203.0.113.5");
  EXPECT_EQ(a->csrf_token, r->csrf_token);
  EXPECT_TRUE(CheckCsrf(r->token, r->csrf_token));
  // Another first character (a fixed "0" left a token that starts with "0" unchanged: 1 in 16).
  const std::string other = (r->csrf_token[0] == '0' ? "1" : "0") + r->csrf_token.substr(1);
  EXPECT_FALSE(CheckCsrf(r->token, other));
  EXPECT_FALSE(CheckCsrf("", CsrfTokenOf("")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND client_ip = "
                  "'203.0.113.5'"),
            1);
}

TEST_F(AccountsTest, UnknownLoginAndWrongPasswordGiveTheSameError) {
  Result<LoginResult> wrong = Try("wrong password!", Now());
  Result<LoginResult> unknown = Login(services_, "lisi", "correct horse battery", "x", Now());
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.status().code(), ErrorCode::kForbidden);
  EXPECT_EQ(wrong.status().code(), unknown.status().code());
  EXPECT_EQ(wrong.status().message(), unknown.status().message());
  EXPECT_EQ(wrong.status().message(), "登录名或密码错误");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed'"), 2);
  // The attempted password is never written anywhere.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%wrong password%'"), 0);
}

TEST_F(AccountsTest, FiveFailuresInFifteenMinutesLockTheAccount) {
  Timestamp t = Now();
  for (int i = 0; i < 5; ++i) {
    ASSERT_FALSE(Try("nope nope nope", t.Plus(i * 60)).ok());
  }
  // Locked: even the right password is refused, with a message saying so.
  Result<LoginResult> locked = Try("correct horse battery", t.Plus(6 * 60));
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.status().code(), ErrorCode::kForbidden);
  EXPECT_THAT(locked.status().message(), HasSubstr("已暂时锁定"));
  // The lock lasts 15 minutes from the fifth failure (at t+4min).
  EXPECT_FALSE(Try("correct horse battery", t.Plus(18 * 60)).ok());
  Result<LoginResult> after = Try("correct horse battery", t.Plus(19 * 60 + 1));
  ASSERT_TRUE(after.ok()) << after.status().message();
  // A success clears the count.
  EXPECT_EQ(Count("SELECT failed_count FROM users"), 0);
}

TEST_F(AccountsTest, FailuresSpreadOverMoreThanTheWindowDoNotLock) {
  Timestamp t = Now();
  for (int i = 0; i < 8; ++i) {
    ASSERT_FALSE(Try("nope nope nope", t.Plus(i * 4 * 60)).ok());  // every 4 minutes
  }
  // Failures at 0,4,8,12 min, then a new window from 16 min: never 5 within 15 minutes.
  Result<LoginResult> ok = Try("correct horse battery", t.Plus(33 * 60));
  EXPECT_TRUE(ok.ok()) << ok.status().message();
}

TEST_F(AccountsTest, SessionsExpireWhenIdleAndAtTheirAbsoluteEnd) {
  Result<LoginResult> r = Try("correct horse battery", Now());
  ASSERT_TRUE(r.ok());
  // Active every 20 minutes: the idle timeout (30 min) never strikes…
  for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
    Result<Authenticated> a = Authenticate(services_, r->token, "ip", Now().Plus(minutes * 60));
    ASSERT_TRUE(a.ok()) << "at minute " << minutes << ": " << a.status().message();
  }
  // …but the absolute end (12 h) does.
  Result<Authenticated> late = Authenticate(services_, r->token, "ip", Now().Plus(12 * 3600));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().message(), "登录已失效，请重新登录");

  Result<LoginResult> r2 = Try("correct horse battery", Now());
  ASSERT_TRUE(r2.ok());
  EXPECT_TRUE(Authenticate(services_, r2->token, "ip", Now().Plus(29 * 60)).ok());
  EXPECT_FALSE(Authenticate(services_, r2->token, "ip", Now().Plus(29 * 60 + 30 * 60)).ok());
}

TEST_F(AccountsTest, LogoutRevokesAndUnknownTokensAreRefused) {
  Result<LoginResult> r = Try("correct horse battery", Now());
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(Logout(services_, r->token, "ip", Now().Plus(10)).ok());
  EXPECT_FALSE(Authenticate(services_, r->token, "ip", Now().Plus(20)).ok());
  EXPECT_TRUE(Logout(services_, r->token, "ip", Now().Plus(30)).ok());  // twice is fine
  EXPECT_FALSE(Authenticate(services_, std::string(64, 'a'), "ip", Now()).ok());
  EXPECT_FALSE(Authenticate(services_, "short", "ip", Now()).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'logout'"), 1);
}

TEST_F(AccountsTest, AddUserIsForAdminsOfEveryGrantedAgency) {
  NewUserRequest r;
  r.login = "editor1";
  r.display_name = "编辑一";
  r.password = "a long enough password";
  r.grants = {{agency_a_.id, Role::kEditor}};
  EXPECT_TRUE(AddUser(services_, Admin(agency_a_), r, Now()).ok());

  r.login = "editor2";
  EXPECT_EQ(AddUser(services_, Admin(agency_b_), r, Now()).status().code(), ErrorCode::kForbidden);
  EXPECT_EQ(AddUser(services_, Handler(agency_a_), r, Now()).status().code(),
            ErrorCode::kForbidden);
  EXPECT_EQ(AddUser(services_, Public(), r, Now()).status().code(), ErrorCode::kForbidden);

  r.login = "zhangsan";
  Result<int64_t> dup = AddUser(services_, Actor::System("cli"), r, Now());
  EXPECT_EQ(dup.status().code(), ErrorCode::kConflict);
  EXPECT_THAT(dup.status().message(), HasSubstr("已存在"));

  r.login = "Bad Login";
  EXPECT_EQ(AddUser(services_, Actor::System("cli"), r, Now()).status().code(),
            ErrorCode::kInvalidInput);
  r.login = "shortpw";
  r.password = "123";
  EXPECT_THAT(AddUser(services_, Actor::System("cli"), r, Now()).status().message(),
              HasSubstr("至少需要 10 个字符"));
  r.password = "a long enough password";
  r.grants = {{agency_a_.id, Role::kSupervisor}, {agency_a_.id, Role::kEditor}};
  EXPECT_EQ(AddUser(services_, Actor::System("cli"), r, Now()).status().code(),
            ErrorCode::kInvalidInput);
  r.grants = {{99999, Role::kEditor}};
  EXPECT_EQ(AddUser(services_, Actor::System("cli"), r, Now()).status().code(),
            ErrorCode::kNotFound);
}

TEST_F(AccountsTest, SupervisorReadsAGroupOfAgencies) {
  NewUserRequest r;
  r.login = "district";
  r.display_name = "区公开办";
  r.password = "a long enough password";
  r.grants = {{agency_a_.id, Role::kSupervisor}, {agency_b_.id, Role::kSupervisor}};
  ASSERT_TRUE(AddUser(services_, Actor::System("cli"), r, Now()).ok());
  Result<LoginResult> l = Login(services_, "district", "a long enough password", "ip", Now());
  ASSERT_TRUE(l.ok()) << l.status().message();
  Result<Authenticated> a = Authenticate(services_, l->token, "ip", Now());
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->actor.CanRead(agency_a_.id));
  EXPECT_TRUE(a->actor.CanRead(agency_b_.id));
  EXPECT_FALSE(a->actor.Has(Role::kHandler, agency_a_.id));
}

}  // namespace
}  // namespace gongkai::app
