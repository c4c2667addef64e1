#include "http/config.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>

namespace gongkai::http {
namespace {

TEST(ServerConfigTest, TheExampleFileParsesToTheDefaults) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/config/gongkai.example.json");
  std::stringstream text;
  text << in.rdbuf();
  ASSERT_FALSE(text.str().empty());
  Result<ServerConfig> c = ParseServerConfig(text.str(), "gongkai.example.json");
  ASSERT_TRUE(c.ok()) << c.status().message();
  const ServerConfig d;
  EXPECT_EQ(c->listen, d.listen);
  EXPECT_EQ(c->site_name, d.site_name);
  EXPECT_EQ(c->threads, d.threads);
  EXPECT_EQ(c->limits.max_body_bytes, d.limits.max_body_bytes);
  EXPECT_EQ(c->limits.max_url_bytes, d.limits.max_url_bytes);
  EXPECT_EQ(c->rate_limit.burst, d.rate_limit.burst);
  EXPECT_EQ(c->rate_limit.requests_per_second, d.rate_limit.requests_per_second);
  EXPECT_EQ(c->report_cache_seconds, d.report_cache_seconds);
  EXPECT_EQ(c->session_timeout_minutes, d.session_timeout_minutes);
}

TEST(ServerConfigTest, ValuesOverrideDefaults) {
  Result<ServerConfig> c = ParseServerConfig(
      R"({"listen": ":9000", "threads": 4, "site_name": "东湖区政府信息公开",
          "rate_limit": {"enabled": false, "burst": 5}, "limits": {"max_body_bytes": 10}})",
      "x.json");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->listen, ":9000");
  EXPECT_EQ(c->threads, 4);
  EXPECT_EQ(c->site_name, "东湖区政府信息公开");
  EXPECT_FALSE(c->rate_limit.enabled);
  EXPECT_EQ(c->rate_limit.burst, 5);
  EXPECT_EQ(c->limits.max_body_bytes, 10u);
}

TEST(ServerConfigTest, UnknownKeysWrongTypesAndRangesNameTheKey) {
  struct Case {
    const char* json;
    const char* expect;
  } cases[] = {
      {R"({"lisen": "x"})", "未知的键 \"lisen\""},
      {R"({"rate_limit": {"brust": 1}})", "未知的键 \"rate_limit.brust\""},
      {R"({"threads": "4"})", "\"threads\" 应为整数"},
      {R"({"threads": -1})", "\"threads\" 必须在 0 到 1024 之间"},
      {R"({"rate_limit": {"enabled": 1}})", "\"rate_limit.enabled\" 应为true 或 false"},
      {R"({"listen": "8080"})", "\"listen\""},
      {R"({"site_name": ""})", "\"site_name\" 不能为空"},
      {R"([1, 2])", "应为对象"},
      {R"({"listen": )", "不是有效的 JSON"},
  };
  for (const Case& c : cases) {
    Result<ServerConfig> r = ParseServerConfig(c.json, "gk.json");
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
    EXPECT_NE(r.status().message().find("配置文件 gk.json"), std::string::npos)
        << r.status().message();
    EXPECT_NE(r.status().message().find(c.expect), std::string::npos) << r.status().message();
  }
}

TEST(ServerConfigTest, EventLoopsAreTheThreadsOrTheCoresAndAtLeastTwo) {
  ServerConfig config;
  config.threads = 3;
  EXPECT_EQ(config.EventLoops(), 3u);
  config.threads = 1;
  EXPECT_EQ(config.EventLoops(), 1u);  // asked for: one loop
  config.threads = 0;
  EXPECT_EQ(config.EventLoops(), std::max<size_t>(2, std::thread::hardware_concurrency()));
}

TEST(ParseListenTest, HostPortForms) {
  EXPECT_EQ(ParseListen("127.0.0.1:8080")->host, "127.0.0.1");
  EXPECT_EQ(ParseListen("127.0.0.1:8080")->port, 8080);
  EXPECT_EQ(ParseListen("[::1]:80")->host, "::1");
  EXPECT_EQ(ParseListen(":8080")->host, "0.0.0.0");
  EXPECT_EQ(ParseListen("localhost:1")->port, 1);
  for (const char* bad :
       {"8080", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536", "::1:80", "[::1]80", "h:8x"}) {
    EXPECT_FALSE(ParseListen(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace gongkai::http
