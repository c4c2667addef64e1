#include "http/access_log.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace gongkai::http {
namespace {

TEST(AccessLogTest, FormatsOneLineWithQuotesAndControlsNeutralised) {
  const std::string line = AccessLog::Format(1'700'000'000, "10.0.0.7", "GET",
                                             "/search?q=\"a\"\x01", 200, 11088, 0.349);
  // The time is local: only its shape is fixed here.
  ASSERT_GE(line.size(), 25u);
  EXPECT_EQ(line[4], '-');
  EXPECT_EQ(line[10], 'T');
  EXPECT_EQ(line.substr(24), " 10.0.0.7 \"GET /search?q='a'?\" 200 11088 0.3ms\n");
}

TEST(AccessLogTest, AppendsWholeLinesFromManyThreadsAndReportsAnUnwritablePath) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("gongkai-access-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "access.log").string();
  {
    std::ofstream(path) << "earlier line\n";
    Result<std::unique_ptr<AccessLog>> log = AccessLog::Open(path);
    ASSERT_TRUE(log.ok()) << log.status().message();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 500; ++i) {
          (*log)->Write("127.0.0.1", "GET", "/t" + std::to_string(t), 200, i, 1.0);
        }
      });
    }
    for (std::thread& th : threads) th.join();
  }
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "earlier line");  // appended, not truncated
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    EXPECT_NE(line.find(" 127.0.0.1 \"GET /t"), std::string::npos) << line;
    EXPECT_TRUE(line.ends_with("ms")) << line;
  }
  EXPECT_EQ(lines, 2000);

  Result<std::unique_ptr<AccessLog>> bad = AccessLog::Open((dir / "no/such/dir/a.log").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("无法打开访问日志"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai::http
