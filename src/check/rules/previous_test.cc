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

constexpr char kNarrative[] =
    "一、总体情况\n{Y}"
    "年，我局认真贯彻落实《条例》，围绕中心工作，扎实推进政务公开，不断拓展公开深度和广度。"
    "二、主动公开政府信息情况\n通过门户网站、政务新媒体等渠道及时公开各类政府信息，回应社会关切。"
    "三、收到和处理政府信息公开申请情况\n全年共收到政府信息公开申请{N}件，均在法定期限内答复。"
    "四、存在的主要问题及改进情况\n政策解读形式不够丰富，下一步将加强培训，提高工作人员业务水平。";

std::string Narrative(int year, int n) {
  std::string s = kNarrative;
  s.replace(s.find("{Y}"), 3, std::to_string(year));
  s.replace(s.find("{N}"), 3, std::to_string(n));
  return s;
}

ExtractedReport Report(int year, int carried_in_np, int carried_out_np) {
  ReportBuilder b("2021");
  b.Agency("某某局").Year(year, 1);
  b.Cell("R2/NP", std::to_string(carried_in_np), 20)
      .Cell("R2/TOT", std::to_string(carried_in_np), 20);
  b.Cell("R4/NP", std::to_string(carried_out_np), 30)
      .Cell("R4/TOT", std::to_string(carried_out_np), 30);
  return b.Build();
}

TEST(PreviousTest, CarryOverAgainstLastYearPerColumn) {
  const Document doc = DocOf(Narrative(2022, 5));
  const Document last_doc = DocOf("全新的文字。", "2021.txt");
  const ExtractedReport last = Report(2021, 0, 2);
  const auto f = OfKind(Check(doc, Report(2022, 1, 0), &last_doc, &last), "carry_over");
  ASSERT_EQ(f.size(), 2u) << Dump(f);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].line, 20);
  EXPECT_THAT(f[0].message, HasSubstr("上年结转(R2/NP)=1，但上一年度报告的结转下年度(R4/NP)=2"));
  EXPECT_THAT(f[0].message, HasSubstr("2021.txt"));
  EXPECT_TRUE(OfKind(Check(doc, Report(2022, 2, 0), &last_doc, &last), "carry_over").empty());
}

TEST(PreviousTest, LastYearMustBeTheYearBefore) {
  const Document doc = DocOf(Narrative(2022, 5));
  const Document old_doc = DocOf("文字。", "2019.txt");
  const ExtractedReport old = Report(2019, 0, 2);
  const auto f = OfKind(Check(doc, Report(2022, 1, 0), &old_doc, &old), "carry_over");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_THAT(f[0].message, HasSubstr("2019 年度的"));
}

TEST(PreviousTest, NarrativeCopiedFromLastYear) {
  // Only the year and the numbers changed: still the same text.
  const Document doc = DocOf(Narrative(2022, 5));
  const Document last_doc = DocOf(Narrative(2021, 9), "2021.txt");
  const ExtractedReport last = Report(2021, 0, 0);
  const auto f = OfKind(Check(doc, Report(2022, 0, 0), &last_doc, &last), "same_text");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_THAT(f[0].message, HasSubstr("100% 的文字与上一年度报告（2021.txt）相同"));

  const Document rewritten = DocOf(
      "一、总体情况\n2022年，本局以数字政府建设为抓手，新建依申请公开网上办理系统，实现申请、补正、"
      "答复全流程"
      "在线留痕。二、主动公开政府信息情况\n围绕营商环境、乡村振兴等重点领域发布专题信息，开设政策问"
      "答栏目，"
      "邀请企业代表参与政策解读。三、收到和处理政府信息公开申请情况\n申请主要集中在征地补偿和环境监"
      "测领域。",
      "2022.txt");
  EXPECT_TRUE(OfKind(Check(rewritten, Report(2022, 0, 0), &last_doc, &last), "same_text").empty());
}

}  // namespace
}  // namespace gongkai::check
