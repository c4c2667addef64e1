// The `report` subcommand end to end: every output type, and the bad inputs of issue 2 (unknown
// agency or year, a year outside the calendar, an outcome the chosen format cannot count, a
// corrupt database, an unknown output type) — one line, exit 1, nothing written.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "tests/e2e/e2e_util.h"

namespace gongkai::e2e {
namespace {

namespace fs = std::filesystem;

class ReportCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    db_ = new std::string((dir_->path() / "demo.db").string());
    RunResult gen =
        Gongkai("--db " + Quote(*db_) +
                    " demo generate --agencies 2 --applications 600 --seed 2026 --years 2018-2025",
                dir_->path());
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  RunResult Report(const std::string& args) {
    return Gongkai("--db " + Quote(*db_) + " --today 2026-01-20 report " + args, dir_->path());
  }
  static std::string OneLine(const std::string& err) {
    // The user error is the last line on stderr and starts with "错误：".
    std::string last;
    std::istringstream in(err);
    std::string l;
    while (std::getline(in, l)) {
      if (!l.empty()) last = l;
    }
    return last;
  }
  static TempDir* dir_;
  static std::string* db_;
};
TempDir* ReportCliTest::dir_ = nullptr;
std::string* ReportCliTest::db_ = nullptr;

TEST_F(ReportCliTest, WritesEveryOutputType) {
  for (const std::string ext : {"txt", "html", "json", "xlsx", "pdf"}) {
    const fs::path out = dir_->path() / ("r." + ext);
    RunResult r = Report("--agency donghu-gov-office --year 2024 --output " + Quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << ext << ": " << r.err;
    const std::string bytes = Slurp(out);
    ASSERT_GT(bytes.size(), 1000u) << ext;
    if (ext == "pdf") {
      EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
    }
    if (ext == "xlsx") {
      EXPECT_EQ(bytes.substr(0, 2), "PK");
    }
    if (ext == "html") {
      EXPECT_NE(bytes.find("<table"), std::string::npos);
    }
    if (ext == "txt") {
      EXPECT_NE(bytes.find("三、收到和处理政府信息公开申请情况"), std::string::npos);
    }
    if (ext == "json") {
      const nlohmann::json j = nlohmann::json::parse(bytes);
      EXPECT_EQ(j["format"], "2021");
      EXPECT_EQ(j["year"], 2024);
      EXPECT_TRUE(j["cells"].contains("R1/TOT"));
      EXPECT_TRUE(j["cells"].contains("RV.T"));
    }
  }
  EXPECT_NE(
      Report("--agency donghu-gov-office --year 2024").out.find("一、本年新收政府信息公开申请数量"),
      std::string::npos);
}

TEST_F(ReportCliTest, FormatDefaultsByYear) {
  for (const auto& [year, format] : std::vector<std::pair<int, std::string>>{
           {2018, "2008"}, {2019, "2019"}, {2020, "2019"}, {2021, "2021"}, {2025, "2021"}}) {
    const fs::path out = dir_->path() / ("y" + std::to_string(year) + ".json");
    RunResult r = Report("--agency donghu-natural-resources --year " + std::to_string(year) +
                         " --output " + Quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(Slurp(out));
    EXPECT_EQ(j["format"], format) << year;
    // The demo's 2019 and 2021 reports come out with zero error findings.
    for (const auto& f : j["findings"])
      EXPECT_NE(f["severity"], "error") << year << ": " << f.dump();
  }
}

TEST_F(ReportCliTest, UnknownAgencyIsOneLineAndWritesNothing) {
  const fs::path out = dir_->path() / "none.pdf";
  RunResult r = Report("--agency no-such-agency --year 2024 --output " + Quote(out.string()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(OneLine(r.err).find("no-such-agency"), std::string::npos) << r.err;
  EXPECT_EQ(OneLine(r.err).rfind("错误：", 0), 0u) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(ReportCliTest, YearWithoutRecordsIsAnError) {
  RunResult r = Report("--agency donghu-gov-office --year 2010");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("2010"), std::string::npos) << r.err;
}

TEST_F(ReportCliTest, YearOutsideTheCalendarIsAnError) {
  RunResult r = Report("--agency donghu-gov-office --year 2031");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("日历未收录2031年"), std::string::npos) << r.err;
}

TEST_F(ReportCliTest, OutcomeTheFormatCannotCountIsAnErrorNamingTheApplication) {
  // The 2008-era table has no row for 2019-only outcomes (e.g. 无正当理由大量反复申请).
  const fs::path out = dir_->path() / "forced.json";
  RunResult r = Report("--agency donghu-gov-office --year 2024 --format 2008 --output " +
                       Quote(out.string()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("无法统计"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(ReportCliTest, UnknownOutputTypeWritesNothing) {
  const fs::path out = dir_->path() / "r.doc";
  RunResult r = Report("--agency donghu-gov-office --year 2024 --output " + Quote(out.string()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(".doc"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(ReportCliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Report("--agency donghu-gov-office").exit_code, 2);  // no --year
  EXPECT_EQ(Report("--agency donghu-gov-office --year 2024 --format 2017").exit_code, 2);
  EXPECT_EQ(Gongkai("no-such-command", dir_->path()).exit_code, 2);
}

TEST_F(ReportCliTest, HelpOnEveryLevel) {
  for (const std::string args : {"--help", "report --help", "load --help", "deadline --help",
                                 "demo --help", "demo generate --help", "agencies --help"}) {
    RunResult r = Gongkai(args, dir_->path());
    EXPECT_EQ(r.exit_code, 0) << args;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << args;
  }
}

TEST(DatabaseErrorsTest, CorruptDatabaseIsOneLineAndLeftAlone) {
  TempDir dir;
  const fs::path db = dir.path() / "corrupt.db";
  {
    std::ofstream f(db, std::ios::binary);
    f << std::string(8192, 'x');
  }
  RunResult r = Gongkai("--db " + Quote(db.string()) + " agencies", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("不是有效的 SQLite 数据库"), std::string::npos) << r.err;
  EXPECT_EQ(Slurp(db), std::string(8192, 'x'));
}

TEST(DatabaseErrorsTest, UnreachablePostgresIsOneLine) {
  TempDir dir;
  RunResult r = Gongkai("--db postgresql://nobody:secret@127.0.0.1:1/none agencies", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("PostgreSQL"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("secret"), std::string::npos) << "the password must not be echoed";
}

// The same records give byte-identical JSON reports on SQLite and on PostgreSQL.
TEST(PostgresParityTest, ReportsAreIdenticalOnBothBackends) {
  const char* url_file = std::getenv("GONGKAI_TEST_PG_URL_FILE");
  if (url_file == nullptr) GTEST_SKIP() << "no PostgreSQL test cluster";
  std::string url = Slurp(url_file);
  while (!url.empty() && (url.back() == '\n' || url.back() == ' ')) url.pop_back();
  ASSERT_FALSE(url.empty());
  TempDir dir;
  const std::string sqlite = (dir.path() / "p.db").string();
  const std::string fixture = std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/changyi-2018.json";
  for (const std::string& db : {sqlite, url}) {
    ASSERT_EQ(Gongkai("--db " + Quote(db) + " load " + Quote(fixture), dir.path()).exit_code, 0);
    RunResult gen =
        Gongkai("--db " + Quote(db) +
                    " demo generate --agencies 2 --applications 300 --seed 11 --years 2018-2025",
                dir.path());
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
  }
  const std::vector<std::pair<std::string, int>> cases = {{"changyi-commerce", 2018},
                                                          {"donghu-gov-office", 2018},
                                                          {"donghu-gov-office", 2020},
                                                          {"donghu-gov-office", 2023},
                                                          {"donghu-natural-resources", 2025}};
  for (const auto& [slug, year] : cases) {
    std::string reports[2];
    int i = 0;
    for (const std::string& db : {sqlite, url}) {
      const fs::path out = dir.path() / (std::to_string(i) + ".json");
      RunResult r =
          Gongkai("--db " + Quote(db) + " --today 2026-01-20 report --agency " + slug + " --year " +
                      std::to_string(year) + " --output " + Quote(out.string()),
                  dir.path());
      ASSERT_EQ(r.exit_code, 0) << db << ": " << r.err;
      reports[i++] = Slurp(out);
    }
    EXPECT_EQ(reports[0], reports[1]) << slug << " " << year;
  }
  // A duplicate load is refused on PostgreSQL too, all or nothing.
  RunResult again = Gongkai("--db " + Quote(url) + " load " + Quote(fixture), dir.path());
  EXPECT_EQ(again.exit_code, 1);
}

}  // namespace
}  // namespace gongkai::e2e

namespace gongkai::e2e {
namespace {

// A crafted dataset whose manual figures break identities of the 2021 form: the report is still
// written, and each broken identity is an error finding that names the cells and the numbers.
TEST(CraftedDatasetTest, BrokenIdentitiesAreErrorFindings) {
  TempDir dir;
  const std::string db = (dir.path() / "c.db").string();
  const std::string fixture =
      std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/crafted-violations-2021.json";
  ASSERT_EQ(Gongkai("--db " + Quote(db) + " load " + Quote(fixture), dir.path()).exit_code, 0);
  const std::string out = (dir.path() / "c.json").string();
  RunResult r =
      Gongkai("--db " + Quote(db) + " report --agency crafted --year 2021 --output " + Quote(out),
              dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(Slurp(out));
  std::set<std::string> rules;
  for (const auto& f : j["findings"]) {
    if (f["severity"] == "error") rules.insert(f["rule"].get<std::string>());
  }
  // R1/NP = 5 but R3.7/NP = 0 and R4/NP = 0: the balance fails in NP; R1/TOT = 0 ≠ ΣR1;
  // R3.7/NP = 0 ≠ R3.1/NP = 4; RV.T = 0 ≠ RV.M = 2.
  EXPECT_TRUE(rules.count("2021.T3.balance/NP")) << j["findings"].dump(1);
  EXPECT_TRUE(rules.count("2021.T3.row_total/R1")) << j["findings"].dump(1);
  EXPECT_TRUE(rules.count("2021.T3.total/NP")) << j["findings"].dump(1);
  EXPECT_TRUE(rules.count("2021.T4.RV.total")) << j["findings"].dump(1);
  EXPECT_NE(r.err.find("错误"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::e2e
