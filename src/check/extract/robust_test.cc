// Extraction never fails and never hangs: random text, pathological digit runs, repeated labels,
// long lines (the readers are fuzzed, and every Document they give reaches Extract).
#include <gtest/gtest.h>

#include <random>

#include "check/extract/testing.h"

namespace gongkai::check {
namespace {

const std::vector<std::string> kPieces = {"一、本年新收政府信息公开申请数量",
                                          "二、上年结转政府信息公开申请数量",
                                          "（一）予以公开",
                                          "（七）总计",
                                          "四、结转下年度继续办理",
                                          "3.其他",
                                          "（六）其他处理",
                                          "统计指标",
                                          "单位",
                                          "统计数",
                                          "指标名称",
                                          "计量单位",
                                          "历年累计",
                                          "2011年度",
                                          "主动公开信息数",
                                          "条",
                                          "万元",
                                          "其中：",
                                          "1.",
                                          "2、",
                                          "第二十条第（一）项",
                                          "规章",
                                          "行政许可",
                                          "四、政府信息公开行政复议、行政诉讼情况",
                                          "结果维持",
                                          "总计",
                                          "统计期限自",
                                          "2021年1月1日",
                                          "起至",
                                          "年政府信息公开工作年度报告",
                                          "填报单位",
                                          "局",
                                          "0",
                                          "1",
                                          "00",
                                          "12",
                                          "640020470",
                                          "3.5",
                                          "-",
                                          "—",
                                          "|",
                                          " ",
                                          "  ",
                                          "\t",
                                          "\n",
                                          "\f",
                                          "-3-",
                                          ".",
                                          ",",
                                          "（",
                                          "）",
                                          "\xff",
                                          "\xe4\xb8",
                                          "",
                                          "〃",
                                          "二○一二年二月二十日"};

std::string RandomText(std::mt19937& rng, size_t pieces) {
  std::uniform_int_distribution<size_t> pick(0, kPieces.size() - 1);
  std::string s;
  for (size_t i = 0; i < pieces; ++i) s += kPieces[pick(rng)];
  return s;
}

TEST(ExtractRobustness, RandomTextFromTableWords) {
  std::mt19937 rng(20240601);
  for (int i = 0; i < 300; ++i) {
    const std::string text = RandomText(rng, 20 + i * 3);
    for (const char* force : {"", "2008", "2019", "2021"}) {
      ExtractedReport r = extract_testing::ExtractText(text, {force});
      for (const auto& [id, c] : r.cells) {
        EXPECT_EQ(id, c.id);
        EXPECT_GT(c.line, 0);
      }
    }
  }
}

TEST(ExtractRobustness, RandomBytes) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 100; ++i) {
    std::string s(200 + i * 20, '\0');
    for (char& c : s) c = static_cast<char>(byte(rng));
    extract_testing::ExtractText(s);
    extract_testing::ExtractText(s, {"2021"});
  }
}

TEST(ExtractRobustness, LongDigitRunsAreAmbiguousOrUnread) {
  const std::string head = "2022年政府信息公开工作年度报告\n";
  // 60 digits for 7 columns: more splits than are enumerated.
  ExtractedReport r = extract_testing::ExtractText(
      head + "一、本年新收政府信息公开申请数量" + std::string(60, '1') + "\n", {"2021"});
  ASSERT_EQ(r.ambiguous.size(), 1u);
  EXPECT_TRUE(r.ambiguous[0].splits.empty());
  EXPECT_EQ(r.cells.count("R1/NP"), 0u);
  // 200,000 digits: cannot be 7 values at all.
  r = extract_testing::ExtractText(
      head + "一、本年新收政府信息公开申请数量" + std::string(200000, '7') + "\n", {"2021"});
  ASSERT_EQ(r.unread_rows.size(), 1u);
  EXPECT_EQ(r.cells.count("R1/NP"), 0u);
  // Table 四 of 40 digits.
  r = extract_testing::ExtractText(
      head + "四、政府信息公开行政复议、行政诉讼情况 结果维持 总计 " + std::string(40, '3') + "\n",
      {"2021"});
  EXPECT_EQ(r.cells.count("RV.M"), 0u);
}

TEST(ExtractRobustness, EveryRowAmbiguousTogether) {
  // Every row of table 三 splits several ways and all are linked by the column sums: the
  // search is bounded and gives up rather than guess.
  const Format& f = gongkai::testing::RealFormat("2021");
  std::string text = "2022年政府信息公开工作年度报告\n";
  for (const Row& row : f.FindTable("T3")->rows) {
    text += row.labels.back() + "1111111111\n";
  }
  ExtractedReport r = extract_testing::ExtractText(text, {"2021"});
  for (const auto& [id, c] : r.cells) {
    EXPECT_TRUE(id.starts_with("T")) << id;  // no table 三 cell was guessed
  }
}

TEST(ExtractRobustness, RepeatedTablesAndLongLines) {
  const std::string one = extract_testing::ReadRepoFile("tests/fixtures/reports-dev/015.txt");
  std::string many;
  for (int i = 0; i < 20; ++i) many += one;
  ExtractedReport r = extract_testing::ExtractText(many);
  EXPECT_EQ(r.format_id, "2021");
  EXPECT_EQ(r.cells.at("R1/TOT").value, Decimal::FromInt(70));
  // One line of 2 MB without any label.
  std::string blob(2 << 20, 'x');
  r = extract_testing::ExtractText(blob);
  EXPECT_EQ(r.format_id, "");
}

TEST(ExtractRobustness, EmptyDocuments) {
  Document d;
  ExtractedReport r = Extract(d, extract_testing::AllFormats());
  EXPECT_EQ(r.format_id, "");
  d.lines = {"", "   ", "|"};
  r = Extract(d, extract_testing::AllFormats(), {"2019"});
  EXPECT_EQ(r.format_id, "2019");
  r = Extract(d, {});  // no formats given
  EXPECT_EQ(r.format_id, "");
  Grid g;
  g.rows = {{}, {GridCell{}}};
  d.grids = {g};
  r = Extract(d, extract_testing::AllFormats(), {"2021"});
  EXPECT_TRUE(r.cells.empty());
}

}  // namespace
}  // namespace gongkai::check
