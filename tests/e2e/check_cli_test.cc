// `gongkai check` and `gongkai import` end to end: the seed's acceptance findings (issue 4),
// the development reports against labels.json (every listed issue found, no error or warning
// the labels do not support), --previous, --json, bad input (empty, binary, scanned PDF,
// truncated table, a 100 MB file, nonsense numbers, missing files), and the import into a
// database (hash, replacement, refusal to overwrite a published report, unknown agency).
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/e2e/e2e_util.h"

namespace gongkai::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSource = GONGKAI_SOURCE_DIR;
const fs::path kSeed = kSource / "tests/fixtures/seed-changyi-2018.txt";
const fs::path kDev = kSource / "tests/fixtures/reports-dev";

class CheckCliTest : public ::testing::Test {
 protected:
  RunResult Check(const std::string& args) { return Gongkai("check " + args, dir_.path()); }
  json CheckJson(const std::string& args, int expected_exit) {
    RunResult r = Check("--json " + args);
    EXPECT_EQ(r.exit_code, expected_exit) << r.err;
    return json::parse(r.out);
  }
  fs::path Write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_.path() / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  TempDir dir_;
};

bool HasFinding(const json& file, const std::string& severity, const std::string& rule_prefix,
                const std::string& text) {
  for (const json& f : file["findings"]) {
    if (f["severity"] == severity && f["rule"].get<std::string>().starts_with(rule_prefix) &&
        f["message"].get<std::string>().find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string Dump(const json& file) {
  std::string s;
  for (const json& f : file["findings"]) {
    s += f["severity"].get<std::string>() + " [" + f["rule"].get<std::string>() + "] " +
         f["message"].get<std::string>() + "\n";
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// The seed
// ---------------------------------------------------------------------------------------------

TEST_F(CheckCliTest, SeedAcceptance) {
  const json j = CheckJson(Quote(kSeed.string()), 3);
  ASSERT_EQ(j["files"].size(), 1u);
  const json& f = j["files"][0];
  SCOPED_TRACE(Dump(f));
  EXPECT_EQ(f["format"], "2008");
  EXPECT_EQ(f["year"], 2018);
  EXPECT_EQ(f["cells"]["A1"]["value"], 12);
  EXPECT_EQ(f["cells"]["A1"]["line"], 42);
  EXPECT_EQ(f["cells"]["A2.2"]["value"], 30);

  // The misnamed regulation title in the first sentence.
  EXPECT_TRUE(HasFinding(f, "error", "title.regulation", "《中华人民共和国政府信息公开个例》"));
  // "2017年" used as the report year.
  EXPECT_TRUE(HasFinding(f, "error", "year.narrative", "“2017年”"));
  // The filling unit.
  EXPECT_TRUE(HasFinding(
      f, "error", "agency.name",
      "填报单位“吉林市昌邑区商务避”与署名“昌邑区商务局”不一致，疑为“吉林市昌邑区商务局”"));
  // Heading 一 carries 42 = 12 + 30; heading 八 carries 0 while its child says 1.
  EXPECT_TRUE(HasFinding(f, "warning", "2008.heading_value/A", "印有 42，等于"));
  EXPECT_TRUE(HasFinding(f, "warning", "2008.heading_value/A", "(A1)=12"));
  EXPECT_TRUE(HasFinding(f, "warning", "2008.heading_value/A", "(A2.2)=30"));
  EXPECT_TRUE(HasFinding(f, "warning", "2008.heading_value/H", "印有 0，而其下级"));
  EXPECT_TRUE(HasFinding(f, "warning", "2008.heading_value/H", "(H3)=1"));
  // 政府网站公开 30 > 主动公开 12; 主动公开规范性文件 12 > 制发规范性文件 0.
  EXPECT_TRUE(
      HasFinding(f, "warning", "2008.A2.max_le_A1", "(A2.2)=30，大于主动公开政府信息数(A1)=12"));
  EXPECT_TRUE(
      HasFinding(f, "warning", "2008.A1a.le_A1b", "(A1a)=12，大于制发规范性文件总数(A1b)=0"));
  // No error about the application rows (all 0, as "尚未收到政府信息公开申请" says).
  for (const json& x : f["findings"]) {
    if (x["severity"] == "info") continue;
    for (const json& c : x["cells"]) {
      EXPECT_FALSE(c.get<std::string>().starts_with("C")) << x["message"];
    }
    EXPECT_NE(x["kind"], "text_vs_table") << x["message"];
  }
  EXPECT_EQ(f["counts"]["error"], 3);
}

TEST_F(CheckCliTest, HumanOutputIsGroupedBySeverityWithLineNumbers) {
  RunResult r = Check(Quote(kSeed.string()));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const size_t errors = r.out.find("错误（3）：");
  const size_t warnings = r.out.find("警告（");
  const size_t notes = r.out.find("提示（");
  ASSERT_NE(errors, std::string::npos) << r.out;
  ASSERT_NE(warnings, std::string::npos);
  ASSERT_NE(notes, std::string::npos);
  EXPECT_LT(errors, warnings);
  EXPECT_LT(warnings, notes);
  EXPECT_NE(r.out.find("  第1行 [title.regulation]"), std::string::npos);
  EXPECT_NE(r.out.find("  第33行 [agency.name]"), std::string::npos);
  EXPECT_NE(r.out.find("表样：2008年版"), std::string::npos);
  EXPECT_NE(r.out.find("共 3 个错误"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// The development reports against labels.json
// ---------------------------------------------------------------------------------------------

// The finding rule a labelled issue must produce, from its kind and place.
std::string RuleForIssue(const json& issue) {
  const std::string where = issue["where"];
  if (issue["kind"] == "sum" && where.starts_with("表四 行政复议")) return "2021.T4.RV.total";
  if (issue["kind"] == "sum" && where.starts_with("表四 行政诉讼 复议后起诉"))
    return "2021.T4.LR.total";
  if (issue["kind"] == "sum" && where.starts_with("表四 行政诉讼 未经复议"))
    return "2021.T4.LD.total";
  if (issue["kind"] == "sum") return "narrative_sum.parts";  // a list in the narrative
  if (issue["kind"] == "other" && where.find("第2行") != std::string::npos) {
    return "row_label.misprint/R3.3.2";
  }
  return "?";
}

// Numbers of the issue's detail that the finding must repeat ("…=2641 ≠ …2543" → 2641, 2543).
std::vector<std::string> NumbersOf(const std::string& detail) {
  std::vector<std::string> out;
  for (const std::string sep : {"=", "≠"}) {
    for (size_t p = detail.find(sep); p != std::string::npos; p = detail.find(sep, p + 1)) {
      size_t b = p + sep.size();
      while (b < detail.size() && (detail[b] == ' ')) ++b;
      size_t e = b;
      while (e < detail.size() && std::isdigit(static_cast<unsigned char>(detail[e]))) ++e;
      if (e > b) out.push_back(detail.substr(b, e - b));
    }
  }
  return out;
}

TEST_F(CheckCliTest, DevelopmentReportsFindWhatTheLabelsListAndNothingElse) {
  const json labels = json::parse(Slurp(kDev / "labels.json"));
  // Errors and warnings the labels' notes support beyond their issues: 021's table 三 has the
  // single 2019 row （六）其他处理 in a 2023 report ("表三“（六）其他处理”只有一行").
  const std::map<std::string, std::set<std::string>> supported_by_notes = {
      {"021.txt", {"template.other_processing"}}};
  for (const json& report : labels) {
    const std::string name = report["file"];
    SCOPED_TRACE(name);
    const int expected_exit = [&] {
      for (const json& issue : report["issues"]) {
        if (RuleForIssue(issue).starts_with("2021.T4")) return 3;
      }
      return 0;
    }();
    const json j = CheckJson(Quote((kDev / name).string()), expected_exit);
    const json& f = j["files"][0];
    SCOPED_TRACE(Dump(f));
    EXPECT_EQ(f["format"], report["format"]);
    EXPECT_EQ(f["year"], report["year"]);

    std::set<std::string> allowed;
    for (const json& issue : report["issues"]) {
      const std::string rule = RuleForIssue(issue);
      ASSERT_NE(rule, "?") << issue.dump();
      allowed.insert(rule);
      bool found = false;
      for (const json& x : f["findings"]) {
        if (x["rule"] != rule || x["severity"] == "info") continue;
        bool numbers = true;
        for (const std::string& n : NumbersOf(issue["detail"])) {
          numbers = numbers && x["message"].get<std::string>().find(n) != std::string::npos;
        }
        found = found || numbers;
      }
      EXPECT_TRUE(found) << "labelled issue not reported: " << issue.dump();
    }
    if (auto it = supported_by_notes.find(name); it != supported_by_notes.end()) {
      allowed.insert(it->second.begin(), it->second.end());
    }
    for (const json& x : f["findings"]) {
      if (x["severity"] == "info") continue;
      EXPECT_TRUE(allowed.contains(x["rule"].get<std::string>()))
          << "not supported by the labels: " << x.dump();
    }
  }
}

TEST_F(CheckCliTest, SeveralFilesAtOnce) {
  RunResult r = Check(Quote(kSeed.string()) + " " + Quote((kDev / "020.txt").string()));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("== " + kSeed.string() + " =="), std::string::npos);
  EXPECT_NE(r.out.find("020.txt ==\n"), std::string::npos);
  EXPECT_NE(r.out.find("未发现问题"), std::string::npos);  // 020 is consistent
}

TEST_F(CheckCliTest, JsonGivesFormatAgencyYearCellsAmbiguousRowsAndFindings) {
  const json j = CheckJson(Quote((kDev / "015.txt").string()), 0);
  const json& f = j["files"][0];
  for (const char* key : {"file", "format", "agency", "year", "cells", "ambiguous", "findings"}) {
    EXPECT_TRUE(f.contains(key)) << key;
  }
  EXPECT_EQ(f["cells"]["R1/TOT"]["value"], 70);
  EXPECT_EQ(f["cells"]["R4/TOT"]["value"], 1);
  EXPECT_GT(f["cells"]["R1/TOT"]["line"].get<int>(), 0);
  ASSERT_FALSE(f["ambiguous"].empty());  // 行政规范性文件 "693665"
  EXPECT_EQ(f["ambiguous"][0]["digits"], "693665");
  for (const json& x : f["findings"]) {
    for (const char* key : {"kind", "severity", "line", "cells", "message"}) {
      EXPECT_TRUE(x.contains(key)) << key;
    }
  }
}

TEST_F(CheckCliTest, ForcedFormat) {
  // Read as the 2019 form, 021's 2021 rows do not fit: the report year then says the form is
  // wrong for 2023.
  const json j = CheckJson("--format 2019 " + Quote((kDev / "021.txt").string()), 3);
  const json& f = j["files"][0];
  EXPECT_EQ(f["format"], "2019");
  EXPECT_TRUE(HasFinding(f, "error", "template.format_year", "2023年度报告仍使用2019年版"))
      << Dump(f);
  EXPECT_EQ(Check("--format 2020 " + Quote(kSeed.string())).exit_code, 2);
}

// ---------------------------------------------------------------------------------------------
// --previous
// ---------------------------------------------------------------------------------------------

TEST_F(CheckCliTest, PreviousYearCarryOverAndCopiedText) {
  // "This year's" report: 015 with every 2021 made 2022 — the same text, and 上年结转 0 where
  // last year's 结转下年度 was 1.
  std::string text = Slurp(kDev / "015.txt");
  for (size_t p = text.find("2021"); p != std::string::npos; p = text.find("2021", p + 4)) {
    text.replace(p, 4, "2022");
  }
  const fs::path copy = Write("copy-2022.txt", text);
  const json j =
      CheckJson("--previous " + Quote((kDev / "015.txt").string()) + " " + Quote(copy.string()), 0);
  const json& f = j["files"][0];
  SCOPED_TRACE(Dump(f));
  EXPECT_EQ(f["year"], 2022);
  EXPECT_TRUE(HasFinding(f, "warning", "same_text.previous", "的文字与上一年度报告"));
  EXPECT_TRUE(HasFinding(f, "warning", "2021.T3.carry_over/NP",
                         "上年结转(R2/NP)=0，但上一年度报告的结转下年度(R4/NP)=1"));

  // A report of two years before: no carry-over check, a note says why; its text differs.
  const json k = CheckJson(
      "--previous " + Quote((kDev / "013.txt").string()) + " " + Quote((kDev / "015.txt").string()),
      0);
  const json& g = k["files"][0];
  EXPECT_TRUE(HasFinding(g, "info", "carry_over.year", "2019 年度的")) << Dump(g);
  EXPECT_FALSE(HasFinding(g, "warning", "same_text.previous", "")) << Dump(g);

  RunResult bad = Check("--previous " + Quote((dir_.path() / "none.txt").string()) + " " +
                        Quote(kSeed.string()));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("上一年度报告"), std::string::npos) << bad.err;
}

// ---------------------------------------------------------------------------------------------
// Bad input: a clear message, exit 1 or a finding; never a crash or a hang
// ---------------------------------------------------------------------------------------------

TEST_F(CheckCliTest, UnreadableFilesExitOneWithTheReasonAndTheOthersAreStillChecked) {
  const fs::path empty = Write("empty.txt", "");
  std::string binary(4096, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 131 + 7) % 256);
  const fs::path bin = Write("data.bin", binary);
  struct Case {
    std::string path, reason;
  };
  for (const Case& c : std::vector<Case>{
           {empty.string(), "文件为空"},
           {bin.string(), "不是文本"},
           {(kSource / "tests/fixtures/pdf/scanned.pdf").string(), "文字识别（OCR）"},
           {(kSource / "tests/fixtures/pdf/truncated.pdf").string(), "已损坏或不完整"},
           {(dir_.path() / "missing.txt").string(), "无法读取文件"},
           {dir_.path().string(), "无法读取文件"},
       }) {
    RunResult r = Check(Quote(c.path));
    EXPECT_EQ(r.exit_code, 1) << c.path;
    EXPECT_TRUE(r.err.starts_with("错误：")) << r.err;
    EXPECT_NE(r.err.find(c.path), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(c.reason), std::string::npos) << r.err;
  }
  // With other files: every readable file is still reported; the exit code says one failed.
  RunResult r = Check(Quote(empty.string()) + " " + Quote((kDev / "020.txt").string()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("020.txt =="), std::string::npos);
  const json j = CheckJson(Quote(empty.string()) + " " + Quote((kDev / "020.txt").string()), 1);
  EXPECT_NE(j["files"][0]["error"].get<std::string>().find("文件为空"), std::string::npos);
  EXPECT_EQ(j["files"][1]["format"], "2021");
}

TEST_F(CheckCliTest, AHundredMegabyteFileIsRefusedAtOnce) {
  const fs::path big = dir_.path() / "big.txt";
  {
    std::ofstream out(big, std::ios::binary);
    out << "某某局2021年政府信息公开工作年度报告\n";
  }
  fs::resize_file(big, 100ull * 1024 * 1024);  // sparse: nothing is written
  RunResult r = Check(Quote(big.string()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("文件过大"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("上限 20 MB"), std::string::npos) << r.err;
}

TEST_F(CheckCliTest, ATextTooLongToReadWholeSaysWhereReadingStopped) {
  // 020's narrative repeated to ≈ 15 MB (under the 20 MB limit, over the ≈ 4.2 M characters
  // looked through for tables), then its tables: not found, and the report says why.
  const std::string text = Slurp(kDev / "020.txt");
  const size_t body = text.find("一、总体情况");
  const size_t tables = text.find("二、主动公开政府信息情况");
  ASSERT_NE(body, std::string::npos);
  ASSERT_NE(tables, std::string::npos);
  ASSERT_LT(body, tables);
  std::string big = text.substr(0, body);
  while (big.size() < 15u << 20) big += text.substr(body, tables - body);
  const fs::path p = Write("long.txt", big + text.substr(tables));
  const json j = CheckJson(Quote(p.string()), 0);
  const json& f = j["files"][0];
  EXPECT_TRUE(HasFinding(f, "warning", "extract.truncated", "全文过长")) << Dump(f);
  EXPECT_TRUE(HasFinding(f, "info", "extract.no_table", "未能识别出统计表")) << Dump(f);
  // The same text at its own length is read whole.
  const json whole = CheckJson(Quote((kDev / "020.txt").string()), 0)["files"][0];
  EXPECT_FALSE(HasFinding(whole, "warning", "extract.truncated", "")) << Dump(whole);
}

TEST_F(CheckCliTest, TruncatedTableIsAFinding) {
  // 020 cut in the middle of table 三: the rows after the cut are reported missing.
  std::string text = Slurp(kDev / "020.txt");
  const size_t cut = text.find("1.本机关不掌握相关政府信息");
  ASSERT_NE(cut, std::string::npos);
  const fs::path p = Write("truncated.txt", text.substr(0, cut));
  const json j = CheckJson(Quote(p.string()), 0);
  const json& f = j["files"][0];
  EXPECT_TRUE(HasFinding(f, "warning", "extract.missing_rows", "表格可能不完整或被截断"))
      << Dump(f);
  EXPECT_EQ(f["counts"]["error"], 0) << Dump(f);
}

TEST_F(CheckCliTest, NonsenseNumbersGiveFindingsNotCrashes) {
  std::string text = Slurp(kDev / "021.txt");
  // Table 三's first row becomes a negative, a fraction and an absurd count.
  const std::string row = "21    0      0     0   0   0     21";
  const size_t p = text.find(row);
  ASSERT_NE(p, std::string::npos);
  text.replace(p, row.size(), "-3    0.5      0     0   0   0     999999999999");
  const fs::path file = Write("nonsense.txt", text);
  const json j = CheckJson(Quote(file.string()), 3);
  const json& f = j["files"][0];
  SCOPED_TRACE(Dump(f));
  bool impossible = false;
  for (const json& x : f["findings"])
    impossible = impossible || x["kind"] == "impossible_value" || x["kind"] == "ambiguous" ||
                 x["kind"] == "unreadable";
  EXPECT_TRUE(impossible);

  // Pure noise in a report's shape: no crash, a clear outcome.
  std::string noise = "某某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n";
  for (int i = 0; i < 2000; ++i)
    noise += "一、本年新收政府信息公开申请数量 " + std::to_string(i * 7919) + "（七）总计%%%|||\n";
  RunResult r = Check(Quote(Write("noise.txt", noise).string()));
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 3) << r.err;
}

// ---------------------------------------------------------------------------------------------
// import
// ---------------------------------------------------------------------------------------------

class ImportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_.path() / "g.db").string();
    RunResult r = Gongkai("--db " + Quote(db_) + " load " +
                              Quote((kSource / "tests/fixtures/changyi-2018.json").string()),
                          dir_.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  RunResult Import(const std::string& args) {
    return Gongkai("--db " + Quote(db_) + " import " + args, dir_.path());
  }
  std::string Sql(const std::string& sql) {
    const fs::path script = dir_.path() / "query.sql";
    std::ofstream(script) << sql << ";\n";
    const std::string cmd = "sqlite3 " + Quote(db_) + " < " + Quote(script.string());
    FILE* pipe = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    pclose(pipe);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }
  static std::string Sha256(const fs::path& p) {
    FILE* pipe = popen(("sha256sum " + Quote(p.string())).c_str(), "r");
    char buf[65] = {};
    const size_t n = fread(buf, 1, 64, pipe);
    pclose(pipe);
    return std::string(buf, n);
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(ImportCliTest, StoresCellsFindingsHashWhoAndWhen) {
  RunResult r = Import(Quote(kSeed.string()) + " --agency changyi-commerce --by supervisor-wang");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string sha = Sha256(kSeed);
  EXPECT_NE(r.out.find(sha), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2018 年外部年报"), std::string::npos) << r.out;
  EXPECT_EQ(Sql("SELECT year || '|' || format_id || '|' || source_sha256 || '|' || imported_by "
                "FROM external_reports"),
            "2018|2008|" + sha + "|supervisor-wang");
  const json cells = json::parse(Sql("SELECT cells_json FROM external_reports"));
  EXPECT_EQ(cells["A1"]["value"], 12);
  EXPECT_EQ(cells["A2.2"]["line"], 57);
  const json findings = json::parse(Sql("SELECT findings_json FROM external_reports"));
  bool title = false;
  for (const json& f : findings) title = title || f["rule"] == "title.regulation";
  EXPECT_TRUE(title);
  EXPECT_EQ(Sql("SELECT length(imported_at) FROM external_reports"), "20");
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM audit_log WHERE action = 'import_external_report'"), "1");
}

TEST_F(ImportCliTest, ReplacesAnEarlierImportOfTheSameAgencyYear) {
  ASSERT_EQ(Import(Quote(kSeed.string()) + " --agency changyi-commerce").exit_code, 0);
  // Another file for the same agency-year (the seed with the misprints corrected).
  std::string text = Slurp(kSeed);
  text.replace(text.find("商务避"), std::string("商务避").size(), "商务局");
  const fs::path fixed = dir_.path() / "fixed.txt";
  std::ofstream(fixed, std::ios::binary) << text;
  RunResult r = Import(Quote(fixed.string()) + " --agency changyi-commerce --year 2018");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM external_reports"), "1");
  EXPECT_EQ(Sql("SELECT source_sha256 FROM external_reports"), Sha256(fixed));
  // USER names who imported when --by is not given.
  EXPECT_EQ(
      Sql("SELECT imported_by FROM external_reports"),
      std::getenv("USER") != nullptr && *std::getenv("USER") ? std::getenv("USER") : "unknown");
}

TEST_F(ImportCliTest, RefusesToOverwriteAPublishedReport) {
  Sql("INSERT INTO published_reports (agency_id, year, format_id, published_at, snapshot_json) "
      "SELECT id, 2018, '2008', '2019-01-20T00:00:00Z', '{}' FROM agencies WHERE slug = "
      "'changyi-commerce'");
  RunResult r = Import(Quote(kSeed.string()) + " --agency changyi-commerce");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("已由 gongkai 发布"), std::string::npos) << r.err;
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM external_reports"), "0");
  // Another year of the same agency is fine.
  EXPECT_EQ(Import(Quote(kSeed.string()) + " --agency changyi-commerce --year 2017").exit_code, 0);
}

TEST_F(ImportCliTest, UnknownAgencyUnreadableFileAndNoTable) {
  RunResult r = Import(Quote(kSeed.string()) + " --agency nobody");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("未找到机关"), std::string::npos) << r.err;
  r = Import(Quote((kSource / "tests/fixtures/pdf/scanned.pdf").string()) +
             " --agency changyi-commerce");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("OCR"), std::string::npos) << r.err;
  const fs::path prose = dir_.path() / "prose.txt";
  std::ofstream(prose) << "2018年，我局认真贯彻落实《条例》。\n";
  r = Import(Quote(prose.string()) + " --agency changyi-commerce --year 2018");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("未能读出统计表"), std::string::npos) << r.err;
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM external_reports"), "0");
  EXPECT_EQ(Import(Quote(kSeed.string())).exit_code, 2);  // --agency is required
}

}  // namespace
}  // namespace gongkai::e2e
