// The seed report (tests/fixtures/seed-changyi-2018.txt) with its table as extraction reads it:
// every acceptance finding of issue 4, and no error on what is consistent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "check/rules/testing.h"

namespace gongkai::check {
namespace {

using testing::Check;
using ::testing::Contains;
using testing::DocOf;
using testing::Dump;
using testing::FindingIs;
using ::testing::Not;
using testing::OfKind;
using testing::ReportBuilder;

Document SeedDoc() {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/seed-changyi-2018.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return DocOf(text, "seed-changyi-2018.txt");
}

// The seed's 附件2 as printed: value lines 39, 42, 45 … (every third line from 39).
ExtractedReport SeedReport(bool with_year) {
  const Format& f = gongkai::testing::RealFormat("2008");
  ReportBuilder b("2008");
  b.Agency("昌邑区商务局").Tables(34, 231);
  if (with_year) b.Year(2018, 32);
  int line = 39;
  const std::map<std::string, std::string> printed = {{"A", "42"},  {"A1", "12"},   {"A1a", "12"},
                                                      {"A2", "30"}, {"A2.2", "30"}, {"H3", "1"},
                                                      {"H3.2", "1"}};
  for (const Row& r : f.tables[0].rows) {
    auto it = printed.find(r.id);
    b.Cell(r.id, it == printed.end() ? "0" : it->second, line);
    if (r.heading) b.report().cells[r.id].on_heading = true;
    line += 3;
  }
  return b.Build();
}

TEST(SeedTest, ReportsEveryAcceptanceFinding) {
  const Document doc = SeedDoc();
  const ExtractedReport r = SeedReport(true);
  const std::vector<CheckFinding> all = Check(doc, r);
  SCOPED_TRACE(Dump(all));

  // The misnamed regulation title in the first sentence.
  EXPECT_THAT(all,
              Contains(FindingIs(
                  "title", Severity::kError,
                  "《中华人民共和国政府信息公开个例》应为《中华人民共和国政府信息公开条例》")));
  // "2017年" used as the report year.
  EXPECT_THAT(all, Contains(FindingIs("year", Severity::kError, "“2017年”")));
  // The filling unit.
  EXPECT_THAT(all,
              Contains(FindingIs("agency_name", Severity::kError,
                                 "填报单位“吉林市昌邑区商务避”与署名“昌邑区商务局”不一致，疑为“"
                                 "吉林市昌邑区商务局”")));
  // Heading 一 carries 42 = 12 + 30, heading 八 carries 0 while its child says 1.
  EXPECT_THAT(
      all, Contains(FindingIs("heading_value", Severity::kWarning,
                              "标题行“一、主动公开情况”印有 42，等于 主动公开政府信息数(A1)=12 加 "
                              "政府网站公开政府信息数(A2.2)=30")));
  EXPECT_THAT(all, Contains(FindingIs("heading_value", Severity::kWarning,
                                      "标题行“八、机构建设和保障经费情况”印有 0，而其下级 "
                                      "从事政府信息公开工作人员数(H3)=1")));
  // 政府网站公开 30 > 主动公开 12; 主动公开规范性文件 12 > 制发规范性文件 0.
  EXPECT_THAT(
      all, Contains(FindingIs("identity", Severity::kWarning,
                              "政府网站公开政府信息数(A2.2)=30，大于主动公开政府信息数(A1)=12")));
  EXPECT_THAT(all,
              Contains(FindingIs("identity", Severity::kWarning,
                                 "主动公开规范性文件数(A1a)=12，大于制发规范性文件总数(A1b)=0")));
  // Miswritten words, as info.
  EXPECT_THAT(all, Contains(FindingIs("wording", Severity::kInfo, "“建全”应为“健全”")));
  EXPECT_THAT(all, Contains(FindingIs("wording", Severity::kInfo, "“结全”应为“结合”")));
}

TEST(SeedTest, NoErrorOnWhatIsConsistent) {
  const Document doc = SeedDoc();
  const std::vector<CheckFinding> all = Check(doc, SeedReport(true));
  SCOPED_TRACE(Dump(all));
  // The application rows (all 0) match "尚未收到政府信息公开申请"; reviews and lawsuits match
  // "未发生…行政复议、行政诉讼"; the fee row matches "不收费".
  EXPECT_TRUE(OfKind(all, "text_vs_table").empty());
  for (const CheckFinding& f : all) {
    if (f.severity == Severity::kInfo) continue;  // 三 printed 0: noted as info only
    for (const std::string& c : f.cells) {
      EXPECT_FALSE(c.starts_with("C")) << f.message;
    }
  }
  // 狠下工夫 is correct; 《条例》 and the notice about 2017 are no errors.
  EXPECT_THAT(all, Not(Contains(FindingIs("wording", Severity::kInfo, "工夫"))));
  EXPECT_EQ(OfKind(all, "title").size(), 1u);
  EXPECT_EQ(OfKind(all, "year").size(), 1u);
  // The exact set of errors: title, year, filling unit.
  int errors = 0;
  for (const CheckFinding& f : all) errors += f.severity == Severity::kError ? 1 : 0;
  EXPECT_EQ(errors, 3);
}

TEST(SeedTest, YearIsInferredWhenTheTitleHasNone) {
  const Document doc = SeedDoc();
  const std::vector<CheckFinding> all = Check(doc, SeedReport(false));
  SCOPED_TRACE(Dump(all));
  const std::vector<CheckFinding> year = OfKind(all, "year");
  ASSERT_EQ(year.size(), 1u);
  EXPECT_EQ(year[0].line, 1);
  EXPECT_THAT(year[0].message, ::testing::HasSubstr("应为“2018年”"));
}

TEST(SeedTest, FindingsAreSortedByLine) {
  const std::vector<CheckFinding> all = Check(SeedDoc(), SeedReport(true));
  for (size_t i = 1; i < all.size(); ++i) {
    if (all[i].line == 0) continue;
    EXPECT_LE(all[i - 1].line, all[i].line);
  }
}

}  // namespace
}  // namespace gongkai::check
