// `gongkai guide publish` end to end: the demo guides publish as versions 1 and 2; a file with
// an unknown key, an unknown channel, or without the basic channels is refused with exit 1 and
// a message naming the file and what is wrong, and publishes nothing.
#include <gtest/gtest.h>

#include "tests/e2e/e2e_util.h"

namespace gongkai::e2e {
namespace {

class GuideCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Quote((dir_.path() / "t.db").string());
    RunResult demo =
        Gongkai("--db " + db_ + " demo generate --applications 5 --years 2025-2025", dir_.path());
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
  }
  RunResult Publish(const std::string& file) {
    return Gongkai("--db " + db_ + " guide publish --agency donghu-gov-office " + Quote(file),
                   dir_.path());
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_.path() / name) << text;
    return (dir_.path() / name).string();
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(GuideCliTest, PublishesVersionsFromTheDemoFiles) {
  const std::string file = std::string(GONGKAI_SOURCE_DIR) + "/data/demo/guides/donghu-gov-office.json";
  RunResult first = Publish(file);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("第 1 版"), std::string::npos) << first.out;
  RunResult second = Publish(file);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("第 2 版"), std::string::npos) << second.out;
}

TEST_F(GuideCliTest, BadFilesAreRefusedAndPublishNothing) {
  const std::string base =
      R"("office_name": "办公室", "address": "地址", "phone": "1", "hours": "工作日")";
  const struct {
    std::string text;
    std::string message;
  } cases[] = {
      {"{" + base + R"(, "colour": "red"})", "未知的键 \"colour\""},
      {"{" + base + R"(, "channels": [{"channel": "pigeon"}]})", "未知的渠道 \"pigeon\""},
      {"{" + base + R"(, "channels": [{"channel": "online"}]})", "必须接受"},
      {R"({"address": "地址", "phone": "1", "hours": "工作日", "channels": []})", "公开工作机构名称"},
      {"not json", "不是有效的 JSON"},
  };
  for (const auto& c : cases) {
    RunResult r = Publish(Write("g.json", c.text));
    EXPECT_EQ(r.exit_code, 1) << c.text;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.text << ": " << r.err;
    EXPECT_NE(r.err.find("g.json"), std::string::npos) << r.err;
  }
  // Nothing was published: the next good file is version 1.
  RunResult good = Publish(std::string(GONGKAI_SOURCE_DIR) + "/data/demo/guides/donghu-gov-office.json");
  ASSERT_EQ(good.exit_code, 0) << good.err;
  EXPECT_NE(good.out.find("第 1 版"), std::string::npos) << good.out;
}

}  // namespace
}  // namespace gongkai::e2e
