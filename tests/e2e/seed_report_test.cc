// The seed, as an acceptance test (issue 2 §5): loading the seed agency's 2018 records and
// running the 2008-format report gives every leaf row of the seed's 附件2 exactly (label, unit,
// value), headings "—", and the findings include the seed's own inconsistencies.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/e2e/e2e_util.h"

namespace gongkai::e2e {
namespace {

struct SeedRow {
  std::string label;
  std::string unit;
  std::string value;
};

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '|' || s.back() == '\r')) s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  return s;
}

// The seed's 附件2: after the header "统 计 指 标 |", "单位 |", "统计数 |", triples of lines.
std::vector<SeedRow> ReadSeedTable() {
  std::istringstream in(Slurp(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/seed-changyi-2018.txt"));
  std::vector<std::string> lines;
  std::string line;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("统计数", 0) == 0) {
      in_table = true;
      continue;
    }
    if (!in_table) continue;
    if (line.rfind("单位负责人", 0) == 0) break;
    lines.push_back(Trim(line));
  }
  std::vector<SeedRow> rows;
  for (size_t i = 0; i + 2 < lines.size(); i += 3) rows.push_back({lines[i], lines[i + 1], lines[i + 2]});
  return rows;
}

// Labels compared without spaces and with the seed's half-width brackets/colons made full-width.
std::string NormalizeLabel(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ') continue;
    if (c == '(') out += "（";
    else if (c == ')') out += "）";
    else if (c == ':') out += "：";
    else out += c;
  }
  // The official form indents with full-width spaces; the seed's web text does not.
  std::string res;
  for (size_t i = 0; i < out.size();) {
    if (out.compare(i, 3, "　") == 0) {
      i += 3;
      continue;
    }
    res += out[i++];
  }
  return res;
}

class SeedReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_.path() / "seed.db").string();
    RunResult load = Gongkai("--db " + Quote(db_) + " load " +
                                 Quote(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/changyi-2018.json"),
                             dir_.path());
    ASSERT_EQ(load.exit_code, 0) << load.err;
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(SeedReportTest, EveryLeafRowOfTheSeedTableIsReproduced) {
  const std::string json_path = (dir_.path() / "2018.json").string();
  RunResult r = Gongkai("--db " + Quote(db_) + " --today 2019-01-03 report --agency changyi-commerce --year 2018 --output " +
                            Quote(json_path),
                        dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json report = nlohmann::json::parse(Slurp(json_path));
  EXPECT_EQ(report["format"], "2008");
  EXPECT_EQ(report["year"], 2018);

  // Labels and units come from the format file; read them through the text report.
  RunResult text = Gongkai("--db " + Quote(db_) + " report --agency changyi-commerce --year 2018", dir_.path());
  ASSERT_EQ(text.exit_code, 0) << text.err;

  const std::vector<SeedRow> seed = ReadSeedTable();
  ASSERT_EQ(seed.size(), 65u);  // rows 一 … 九 with their children, as printed in the seed
  const nlohmann::json& cells = report["cells"];
  int leaves = 0;
  std::vector<std::string> ids;
  for (auto it = cells.begin(); it != cells.end(); ++it) ids.push_back(it.key());
  for (const SeedRow& row : seed) {
    const std::string label = NormalizeLabel(row.label);
    // Find the row's line in our text report: the label line, then unit, then value.
    const std::string needle = label;
    std::istringstream lines(text.out);
    std::vector<std::string> ours;
    std::string l;
    while (std::getline(lines, l)) ours.push_back(Trim(l));
    bool found = false;
    for (size_t i = 0; i + 2 < ours.size(); ++i) {
      if (NormalizeLabel(ours[i]) != needle) continue;
      found = true;
      EXPECT_EQ(ours[i + 1], row.unit) << row.label;
      if (row.unit == "—") {
        EXPECT_EQ(ours[i + 2], "—") << "heading row " << row.label << " must print —";
      } else {
        EXPECT_EQ(ours[i + 2], row.value) << row.label;
        ++leaves;
      }
      break;
    }
    EXPECT_TRUE(found) << "row not in our report: " << row.label;
  }
  EXPECT_EQ(leaves, 58);  // 65 rows, 7 of them headings
}

TEST_F(SeedReportTest, FindingsIncludeTheSeedsOwnInconsistencies) {
  const std::string json_path = (dir_.path() / "2018.json").string();
  RunResult r = Gongkai("--db " + Quote(db_) + " report --agency changyi-commerce --year 2018 --output " +
                            Quote(json_path),
                        dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json report = nlohmann::json::parse(Slurp(json_path));
  bool website_gt_total = false;
  bool normative_published_gt_issued = false;
  for (const auto& f : report["findings"]) {
    std::vector<std::string> cells = f["cells"].get<std::vector<std::string>>();
    auto has = [&](const std::string& c) { return std::find(cells.begin(), cells.end(), c) != cells.end(); };
    if (has("A2.2") && has("A1")) website_gt_total = true;
    if (has("A1a") && has("A1b")) normative_published_gt_issued = true;
  }
  EXPECT_TRUE(website_gt_total) << "政府网站 30 > 主动公开 12 must be a finding";
  EXPECT_TRUE(normative_published_gt_issued) << "主动公开规范性文件 12 > 制发规范性文件 0 must be a finding";
  EXPECT_TRUE(report["cells"]["A"].is_null());
  EXPECT_EQ(report["cells"]["A1"], 12);
  EXPECT_EQ(report["cells"]["A2.2"], 30);
}

}  // namespace
}  // namespace gongkai::e2e
