#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "check/rules/testing.h"

namespace gongkai::check {
namespace {

using testing::Check;
using testing::DocOf;
using testing::Dump;
using ::testing::HasSubstr;
using testing::OfKind;
using testing::ReportBuilder;

std::vector<CheckFinding> Words(const std::string& text) {
  return OfKind(Check(DocOf(text), ReportBuilder("").Build()), "wording");
}

TEST(WordingTest, MiswrittenWordsAreInfoWithTheRightWord) {
  const auto f = Words(
      "进一步建全完善制度，结全我局实际。\n统筹按排，认真布署。\n截止2018年12月31日，"
      "建立建全机制。");
  ASSERT_EQ(f.size(), 5u) << Dump(f);
  for (const CheckFinding& x : f) EXPECT_EQ(x.severity, Severity::kInfo);
  EXPECT_EQ(f[0].line, 1);
  EXPECT_THAT(f[0].message, HasSubstr("“建全”应为“健全”"));
  EXPECT_THAT(f[0].message, HasSubstr("全文共 2 处：第1行、第3行"));
  EXPECT_THAT(f[4].message, HasSubstr("“截止”应为“截至”"));
}

TEST(WordingTest, WordBoundariesAndCorrectUsesAreNotFlagged) {
  EXPECT_TRUE(Words("新建全市统一平台，团结全体干部，按排名先后公布，报名截止日期为5月1日，"
                    "在服务措施上狠下工夫，建立健全制度，结合实际。")
                  .empty());
}

TEST(WordingTest, ParsesTheListAndNamesBadLines) {
  Result<std::vector<MiswrittenWord>> ok = ParseMiswrittenList(
      "# comment\n\n建全\t健全\t\t说明\r\n截止\t截至\tbefore_date\t\n", "m.tsv");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[1].condition, "before_date");
  Result<std::vector<MiswrittenWord>> bad = ParseMiswrittenList("建全\t健全\n", "m.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("m.tsv 第1行"));
  bad = ParseMiswrittenList("a\tb\tsometimes\tx\n", "m.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("未知的条件“sometimes”"));
  EXPECT_FALSE(ParseMiswrittenList("a\ta\t\tx\n", "m.tsv").ok());
}

TEST(WordingTest, WithoutAListNothingIsChecked) {
  ExtractedReport r = ReportBuilder("").Build();
  const Document doc = DocOf("建全制度");
  CheckInput in;
  in.doc = &doc;
  in.report = &r;
  EXPECT_TRUE(OfKind(RunChecks(in), "wording").empty());
}

}  // namespace
}  // namespace gongkai::check
