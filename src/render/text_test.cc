#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "render/render.h"
#include "render/render_testing.h"

namespace gongkai {
namespace {

using render_testing::DistinctValues;
using render_testing::Format2008;
using render_testing::Format2021;
using render_testing::Lines;
using render_testing::MakeReport;
using render_testing::ReadFile;
using render_testing::SectionText;

// Compares labels across the seed's web text and the official form: no spaces (ASCII or
// U+3000), full-width brackets and colons as ASCII.
std::string Normalize(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "　") == 0) {
      i += 3;
    } else if (s.compare(i, 3, "（") == 0) {
      out += '(';
      i += 3;
    } else if (s.compare(i, 3, "）") == 0) {
      out += ')';
      i += 3;
    } else if (s.compare(i, 3, "：") == 0) {
      out += ':';
      i += 3;
    } else if (s[i] == ' ' || s[i] == '\r') {
      ++i;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// The seed's 附件2 from its header line "统 计 指 标 |" to the last value before "单位负责人".
std::vector<std::string> SeedTableLines() {
  const std::vector<std::string> all =
      Lines(ReadFile(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/seed-changyi-2018.txt"));
  std::vector<std::string> out;
  bool in = false;
  for (const std::string& line : all) {
    if (Normalize(line) == "统计指标|") in = true;
    if (line.rfind("单位负责人", 0) == 0) break;
    if (in) out.push_back(line);
  }
  return out;
}

class SeedTextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_ = SeedTableLines();
    ASSERT_EQ(seed_.size(), 3u + 65u * 3u);
    const Table& t = format_.tables[0];
    ASSERT_EQ(t.rows.size(), 65u);
    // The seed's value of each row, in order; its rows must be the form's rows.
    for (size_t i = 0; i < t.rows.size(); ++i) {
      const std::string label = seed_[3 + 3 * i];
      ASSERT_EQ(Normalize(label), Normalize(t.rows[i].labels[0] + " |")) << i;
      std::string value = seed_[3 + 3 * i + 2];
      value = value.substr(0, value.find(' '));
      values_[t.rows[i].id] = *Decimal::Parse(value);
    }
    report_ = MakeReport(format_, [this](const std::string& id) { return values_.at(id); },
                         SectionText);
  }
  Format format_ = Format2008();
  std::vector<std::string> seed_;
  std::map<std::string, Decimal> values_;
  Report report_;
};

TEST_F(SeedTextTest, StatisticsTableReadsLikeTheSeedsAttachment) {
  const std::vector<std::string> ours = Lines(RenderText(report_));
  auto start = std::find_if(ours.begin(), ours.end(),
                            [](const std::string& l) { return Normalize(l) == "统计指标|"; });
  ASSERT_NE(start, ours.end());
  ASSERT_GE(ours.end() - start, static_cast<long>(seed_.size()));
  EXPECT_EQ(*(start - 1), "政府信息公开情况统计表");
  EXPECT_EQ(*(start + 1), "单位 |");
  EXPECT_EQ(*(start + 2), "统计数 |");
  const Table& t = format_.tables[0];
  for (size_t i = 0; i < seed_.size(); ++i) {
    const std::string& line = *(start + i);
    ASSERT_GE(line.size(), 2u);
    EXPECT_EQ(line.substr(line.size() - 2), " |") << line;
    const bool value_line = i >= 3 && (i - 3) % 3 == 2;
    if (value_line && t.rows[(i - 3) / 3].heading) {
      // The seed wrote sums into heading rows; the form (and we) print "—".
      EXPECT_EQ(line, "— |") << t.rows[(i - 3) / 3].id;
    } else {
      EXPECT_EQ(Normalize(line), Normalize(seed_[i])) << "line " << i;
    }
  }
  EXPECT_EQ(start + seed_.size(), ours.end()) << "nothing after the table";
}

TEST_F(SeedTextTest, TitleSectionsAndSignatureBeforeTheAttachment) {
  const std::vector<std::string> ours = Lines(RenderText(report_));
  ASSERT_GE(ours.size(), 10u);
  EXPECT_EQ(ours[0], "昌邑区商务局2018年政府信息公开工作年度报告");
  EXPECT_EQ(ours[1], "一、概述");
  EXPECT_EQ(ours[2], "这是“一、概述”的第一段。");
  EXPECT_EQ(ours[3], "第二段。");
  EXPECT_EQ(ours[4], "二、基本工作情况");
  EXPECT_EQ(ours[7], "昌邑区商务局");
  EXPECT_EQ(ours[8], "2019年1月3日");
  EXPECT_EQ(ours[9], "附件：政府信息公开情况统计表");
  EXPECT_EQ(ours[10], "政府信息公开情况统计表");
}

TEST(TextMatrix, Table3RowsAreOneLineEach) {
  const Format f = Format2021();
  Report r = MakeReport(f, DistinctValues(f), SectionText);
  const std::string text = RenderText(r);
  auto v = [&](const std::string& id) { return r.cells.at(id).value->ToString(); };
  std::string expected = "三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开";
  for (const char* c : {"NP", "CE", "RI", "SO", "LS", "OT", "TOT"}) {
    expected += " | " + v(std::string("R3.3.2/") + c);
  }
  EXPECT_NE(text.find("\n" + expected + "\n"), std::string::npos) << expected << "\n" << text;
  EXPECT_NE(text.find("\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | "
                      "申请人情况\n自然人 | 法人或其他组织 | 总计\n"
                      "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他\n"
                      "一、本年新收政府信息公开申请数量 | "),
            std::string::npos)
      << text;
  // The table title repeats the section heading: printed once.
  const std::vector<std::string> lines = Lines(text);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "三、收到和处理政府信息公开申请情况"), 1);
}

TEST(TextMatrix, Table4HeaderLevelsThenOneValueLine) {
  const Format f = Format2021();
  Report r = MakeReport(f, DistinctValues(f), SectionText);
  const std::string text = RenderText(r);
  std::string values;
  for (const Column& c : f.FindTable("T4")->columns) {
    values += (values.empty() ? "" : " | ") + r.cells.at(c.id).value->ToString();
  }
  const std::string expected =
      "\n行政复议 | 行政诉讼\n"
      "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
      "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | "
      "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n" +
      values + "\n";
  EXPECT_NE(text.find(expected), std::string::npos) << text;
}

TEST(TextMatrix, CaptionAndDecimalValues) {
  const Format f = Format2021();
  Report r = MakeReport(f, DistinctValues(f), SectionText);
  r.cells["T2.8.1/FEE"].value = Decimal::Parse("0.035");
  const std::string text = RenderText(r);
  EXPECT_NE(text.find("\n第二十条第（八）项\n信息内容 | 本年收费金额（单位：万元）\n行政事业性收费 | 0.035\n"),
            std::string::npos)
      << text;
}

TEST(TextReport, FindingsAreNotPrinted) {
  const Format f = Format2021();
  Report r = MakeReport(f, DistinctValues(f), SectionText);
  r.findings.push_back({Severity::kError, "2021.T3.balance", {"R1/NP"}, "本年新收加上年结转不等于办理结果加结转"});
  EXPECT_EQ(RenderText(r).find("不等于"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
