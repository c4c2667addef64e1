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

std::vector<CheckFinding> Names(const std::string& text) {
  return OfKind(Check(DocOf(text), ReportBuilder("").Year(2018).Build()), "agency_name");
}

TEST(AgencyNameTest, OneCharacterOffIsAnErrorWithASuggestion) {
  const auto f = Names(
      "2018年，昌邑区商务局认真贯彻。\n昌邑区商务局\n2019年1月3日\n附件2\n"
      "填报单位(盖章): 吉林市昌邑区商务避");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].line, 5);
  EXPECT_EQ(f[0].message,
            "填报单位“吉林市昌邑区商务避”与署名“昌邑区商务局”不一致，疑为“吉林市昌邑区商务局”");
}

TEST(AgencyNameTest, TheMisprintMayBeInTheSignature) {
  const auto f = Names(
      "吉林市昌邑区商务局2018年政府信息公开工作年度报告\n昌邑区商务局认真贯彻。\n"
      "昌邑区商务司\n2019年1月3日");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].line, 3);
  EXPECT_THAT(f[0].message,
              HasSubstr("署名“昌邑区商务司”与标题“吉林市昌邑区商务局”不一致，疑为“昌邑区商务局”"));
}

TEST(AgencyNameTest, PrefixesSuffixesAndOtherBodiesAreFine) {
  EXPECT_TRUE(
      Names("吉林市昌邑区商务局2018年政府信息公开工作年度报告\n正文。\n昌邑区商务局\n2019年1月3日\n"
            "填报单位：吉林市昌邑区商务局")
          .empty());
  EXPECT_TRUE(Names("平潭综合实验区2018年政府信息公开工作年度报告\n正文。\n平潭综合实验区管委会\n"
                    "2019年1月3日")
                  .empty());
  // The office fills in the government's form: a different body, not a misprint.
  EXPECT_TRUE(Names("            淮安市人民政府\n     2018 年政府信息公开工作年度报告\n正文。\n"
                    "填报单位：淮安市人民政府办公室")
                  .empty());
}

TEST(AgencyNameTest, MentionsFoundByTheExtractionAreCompared) {
  ExtractedReport r = ReportBuilder("2008").Year(2018).Build();
  r.agency_mentions.push_back({"table_title", "昌邑区商务居", 31});
  r.agency_mentions.push_back({"signature", "昌邑区商务局", 28});
  const auto f = OfKind(Check(DocOf("正文。\n2018年，昌邑区商务局认真贯彻。"), r), "agency_name");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].line, 31);
  EXPECT_THAT(f[0].message, HasSubstr("统计表标题“昌邑区商务居”与署名“昌邑区商务局”不一致"));
}

}  // namespace
}  // namespace gongkai::check
