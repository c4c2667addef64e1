// `gongkai load` and `gongkai demo generate` end to end: a real binary, a temporary SQLite file.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/e2e/e2e_util.h"

namespace gongkai::e2e {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/" + name;
}

class LoadTest : public ::testing::Test {
 protected:
  RunResult Run(const std::string& args) {
    return Gongkai("--db " + Quote(db_) + " " + args, dir_.path());
  }
  std::string Db() const { return Slurp(db_); }

  TempDir dir_;
  std::string db_ = (dir_.path() / "t.db").string();
};

TEST_F(LoadTest, LoadsTheSeedFixtureAndPrintsASummary) {
  RunResult r = Run("load " + Quote(Fixture("changyi-2018.json")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "已导入：机关 2 个，目录条目 12 条，申请 0 件（事件 0 个），行政复议 0 件，行政诉讼 0 "
            "件，其他记录 9 条\n");
  RunResult list = Run("agencies");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("changyi-commerce"), std::string::npos);
}

TEST_F(LoadTest, ABadRecordDeepInsideLeavesTheDatabaseUnchanged) {
  ASSERT_EQ(Run("load " + Quote(Fixture("changyi-2018.json"))).exit_code, 0);
  const std::string before = Db();
  ASSERT_FALSE(before.empty());
  RunResult r = Run("load " + Quote(Fixture("bad-deep.json")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("错误：", 0), 0u) << r.err;
  EXPECT_NE(
      r.err.find("bad-deep.json: $.applications[2].events[1].outcome: 未知的办理结果 \"disclosd\""),
      std::string::npos)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line";
  EXPECT_EQ(Db(), before);
  RunResult list = Run("agencies");
  EXPECT_EQ(list.out.find("xishan-market"), std::string::npos) << "nothing of the bad file stored";
}

TEST_F(LoadTest, LoadingTheSameFileTwiceIsRefusedAndChangesNothing) {
  ASSERT_EQ(Run("load " + Quote(Fixture("changyi-2018.json"))).exit_code, 0);
  const std::string before = Db();
  RunResult r = Run("load " + Quote(Fixture("changyi-2018.json")));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.err.find("changyi-2018.json"), std::string::npos) << r.err;
  EXPECT_EQ(Db(), before);
}

TEST_F(LoadTest, UnknownCellOfAManualFigureIsCaughtBeforeTheDatabase) {
  const std::string path = (dir_.path() / "cell.json").string();
  std::ofstream(path) << R"({"agencies": [{"slug": "a", "name": "甲机关"}],
    "manual_figures": [{"agency": "a", "year": 2021, "format": "2021", "cell": "T2.5.9/DEC",
                        "value": 3, "source": "手工"}]})";
  RunResult r = Run("load " + Quote(path));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("$.manual_figures[0].cell"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("T2.5.9/DEC"), std::string::npos) << r.err;
}

TEST_F(LoadTest, LedgerInGb18030IntoAnExistingAgency) {
  ASSERT_EQ(Run("load " + Quote(Fixture("changyi-2018.json"))).exit_code, 0);
  RunResult r =
      Run("load --ledger " + Quote(Fixture("ledger-gb18030.csv")) + " --agency changyi-commerce");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("申请 8 件"), std::string::npos) << r.out;
  // The same ledger again: its numbers are taken.
  const std::string before = Db();
  RunResult again =
      Run("load --ledger " + Quote(Fixture("ledger-utf8.csv")) + " --agency changyi-commerce");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(Db(), before);
}

TEST_F(LoadTest, LedgerForAnUnknownAgency) {
  ASSERT_EQ(Run("load " + Quote(Fixture("changyi-2018.json"))).exit_code, 0);
  const std::string before = Db();
  RunResult r =
      Run("load --ledger " + Quote(Fixture("ledger-utf8.csv")) + " --agency no-such-agency");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no-such-agency"), std::string::npos) << r.err;
  EXPECT_EQ(Db(), before);
}

TEST_F(LoadTest, BadLedgerLineIsNamed) {
  ASSERT_EQ(Run("load " + Quote(Fixture("changyi-2018.json"))).exit_code, 0);
  const std::string path = (dir_.path() / "ledger.csv").string();
  std::ofstream(path) << "登记编号,收到日期,申请方式,申请人类型\nA,2019-06-03,当面,自然人\nB,2019-"
                         "13-01,当面,自然人\n";
  RunResult r = Run("load --ledger " + Quote(path) + " --agency changyi-commerce");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("ledger.csv:3: 列“收到日期”: 不是有效日期 \"2019-13-01\""),
            std::string::npos)
      << r.err;
}

TEST_F(LoadTest, UsageErrors) {
  EXPECT_EQ(Run("load").exit_code, 2);
  EXPECT_EQ(Run("load --ledger x.csv").exit_code, 2);
  EXPECT_EQ(Run("load a.json --agency x").exit_code, 2);
  RunResult missing = Run("load " + Quote((dir_.path() / "nope.json").string()));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("无法读取文件"), std::string::npos);
}

TEST_F(LoadTest, DemoOutputIsDeterministic) {
  RunResult a =
      Run("demo generate --agencies 2 --applications 120 --seed 9 --years 2020-2022 --output -");
  RunResult b =
      Run("demo generate --agencies 2 --applications 120 --seed 9 --years 2020-2022 --output -");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(a.out, b.out);
  const nlohmann::json j = nlohmann::json::parse(a.out);
  EXPECT_EQ(j["applications"].size(), 120u);
}

// `--until DATE` (scripts/run.sh passes today): nothing in the dataset happens after it, and
// cases received shortly before it are still open; a bad date is refused naming the option.
TEST_F(LoadTest, DemoUntilStopsEveryRecordAtTheDate) {
  RunResult r = Run(
      "demo generate --agencies 2 --applications 200 --seed 9 --years 2025-2025 --until "
      "2025-06-30 --output -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["applications"].empty());
  size_t open = 0;
  for (const auto& a : j["applications"]) {
    EXPECT_LE(a["received_on"].get<std::string>(), "2025-06-30") << a["number"];
    bool closed = false;
    for (const auto& e : a["events"]) {
      EXPECT_LE(e["on"].get<std::string>(), "2025-06-30") << a["number"];
      closed = closed || e["kind"] == "answered" || e["kind"] == "withdrawn";
    }
    if (!closed) ++open;
  }
  EXPECT_GT(open, 0u) << "cases received in the last weeks are still open";
  for (const auto& c : j["catalog_items"]) {
    EXPECT_LE(c["created_on"].get<std::string>(), "2025-06-30") << c["title"];
    if (c.contains("published_on") && c["published_on"].is_string()) {
      EXPECT_LE(c["published_on"].get<std::string>(), "2025-06-30") << c["title"];
    }
  }

  RunResult bad = Run("demo generate --until 2025-13-01 --output -");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("--until"), std::string::npos) << bad.err;
  RunResult outside = Run("demo generate --years 2018-2024 --until 2025-03-01 --output -");
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_NE(outside.err.find("结束年份 2024"), std::string::npos) << outside.err;
}

// The official demo (README): its 2019 and 2021 reports have no error findings.
TEST_F(LoadTest, OfficialDemoReportsHaveNoErrors) {
  RunResult gen =
      Run("demo generate --agencies 2 --applications 600 --seed 2026 --years 2018-2025");
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  EXPECT_NE(gen.out.find("申请 600 件"), std::string::npos) << gen.out;
  RunResult list = Run("agencies");
  ASSERT_EQ(list.exit_code, 0);
  std::vector<std::string> slugs;
  std::istringstream lines(list.out);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) slugs.push_back(line.substr(0, line.find('\t')));
  ASSERT_EQ(slugs.size(), 2u) << list.out;
  for (const std::string& slug : slugs) {
    for (int year : {2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025}) {
      const std::string out = (dir_.path() / (slug + std::to_string(year) + ".json")).string();
      RunResult r = Run("--today 2026-01-20 report --agency " + slug + " --year " +
                        std::to_string(year) + " --output " + Quote(out));
      ASSERT_EQ(r.exit_code, 0) << slug << " " << year << ": " << r.err;
      const nlohmann::json report = nlohmann::json::parse(Slurp(out));
      for (const auto& f : report["findings"]) {
        EXPECT_NE(f["severity"], "error") << slug << " " << year << ": " << f.dump();
      }
      EXPECT_GT(report["cells"].size(), 10u);
    }
  }
}

}  // namespace
}  // namespace gongkai::e2e
