// `gongkai user add` end to end: the first administrator from standard input, a supervisor over
// a group of agencies, and the refusals (taken login, unknown role or agency, short password,
// no terminal without --password-stdin) with exit code 1 and a message.
#include <gtest/gtest.h>

#include "tests/e2e/e2e_util.h"

namespace gongkai::e2e {
namespace {

class UserCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Quote((dir_.path() / "t.db").string());
    RunResult demo =
        Gongkai("--db " + db_ + " demo generate --applications 5 --years 2025-2025", dir_.path());
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    std::ofstream(dir_.path() / "pw.txt") << "a long enough password\n";
    std::ofstream(dir_.path() / "short.txt") << "short\n";
  }
  RunResult Add(const std::string& args, const char* password_file = "pw.txt") {
    return Gongkai("--db " + db_ + " user add " + args + " --password-stdin < " +
                       Quote((dir_.path() / password_file).string()),
                   dir_.path());
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(UserCliTest, AddsAdministratorsAndSupervisors) {
  RunResult admin = Add("--login admin --name 管理员 --role admin --agency donghu-gov-office");
  ASSERT_EQ(admin.exit_code, 0) << admin.err;
  EXPECT_NE(admin.out.find("已添加用户 admin（管理员）：管理员"), std::string::npos) << admin.out;
  RunResult sup =
      Add("--login district --name 区公开办 --role supervisor "
          "--agencies donghu-gov-office,donghu-natural-resources");
  ASSERT_EQ(sup.exit_code, 0) << sup.err;
  EXPECT_NE(sup.out.find("江城市东湖区自然资源局"), std::string::npos) << sup.out;
}

TEST_F(UserCliTest, RefusalsExitWithOneAndSayWhy) {
  ASSERT_EQ(Add("--login admin --name 甲 --role admin --agency donghu-gov-office").exit_code, 0);
  const struct {
    std::string args;
    const char* password_file;
    std::string message;
  } cases[] = {
      {"--login admin --name 乙 --role editor --agency donghu-gov-office", "pw.txt", "已存在"},
      {"--login bb --name 乙 --role boss --agency donghu-gov-office", "pw.txt", "未知的角色"},
      {"--login cc --name 乙 --role editor --agency nowhere", "pw.txt", "未找到机关"},
      {"--login dd --name 乙 --role editor --agency donghu-gov-office", "short.txt", "10 个字符"},
      {"--login Bad --name 乙 --role editor --agency donghu-gov-office", "pw.txt", "登录名"},
  };
  for (const auto& c : cases) {
    RunResult r = Add(c.args, c.password_file);
    EXPECT_EQ(r.exit_code, 1) << c.args;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << ": " << r.err;
  }
  RunResult no_tty = Gongkai("--db " + db_ +
                                 " user add --login ee --name 乙 --role editor --agency "
                                 "donghu-gov-office < /dev/null",
                             dir_.path());
  EXPECT_EQ(no_tty.exit_code, 1);
  EXPECT_NE(no_tty.err.find("--password-stdin"), std::string::npos) << no_tty.err;
  RunResult usage = Gongkai("--db " + db_ + " user add --login ff", dir_.path());
  EXPECT_EQ(usage.exit_code, 2);
}

}  // namespace
}  // namespace gongkai::e2e
