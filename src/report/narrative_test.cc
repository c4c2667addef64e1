#include "report/narrative.h"

#include <gtest/gtest.h>

#include "report/testing_formats.h"

namespace gongkai {
namespace {

using ::gongkai::testing::Section;

Format TinyFormat() {
  Format f;
  f.id = "2008";
  Table t;
  t.id = "T";
  t.cell_ids = "row";
  Row a1;
  a1.id = "A1";
  a1.unit = "条";
  Row c1;
  c1.id = "C1";
  c1.unit = "件";
  Row h;
  h.id = "A";
  h.heading = true;
  t.rows = {h, a1, c1};
  f.tables = {t};
  f.sections = {{"S1", "一、概述", {}, "{{agency}}{{year}}年主动公开{{A1}}条。"},
                {"S2", "二、依申请公开", {"T"}, "收到申请{{C1}}件。"}};
  return f;
}

Report TinyReport(const Format& f) {
  Report r;
  r.format = &f;
  r.agency.name = "吉林市昌邑区商务局";
  r.agency.short_name = "昌邑区商务局";
  r.year = 2018;
  r.cells["A"] = {std::nullopt, CellSource::kHeading, ""};
  r.cells["A1"] = {Decimal::FromInt(12), CellSource::kRule, ""};
  r.cells["C1"] = {Decimal::FromInt(0), CellSource::kRule, ""};
  return r;
}

TEST(RenderNarrativeTest, DefaultBodiesBindEveryNumberToACell) {
  const Format f = TinyFormat();
  Result<NarrativeResult> out = RenderNarrative(f, TinyReport(f), {});
  ASSERT_TRUE(out.ok()) << out.status().message();
  ASSERT_EQ(out->sections.size(), 2u);
  EXPECT_EQ(out->sections[0].text, "昌邑区商务局2018年主动公开12条。");
  EXPECT_EQ(out->sections[1].text, "收到申请0件。");
  EXPECT_EQ(out->sections[1].tables, std::vector<std::string>{"T"});
  EXPECT_TRUE(out->findings.empty());
}

TEST(RenderNarrativeTest, WrittenSectionReplacesTheDefault) {
  const Format f = TinyFormat();
  NarrativeSection own =
      Section(2018, "2008", "S2", "目前，{{agency_full}}尚未收到申请（{{C1}}件）。");
  Result<NarrativeResult> out = RenderNarrative(f, TinyReport(f), {own});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->sections[1].text, "目前，吉林市昌邑区商务局尚未收到申请（0件）。");
}

TEST(RenderNarrativeTest, BareNumberWithUnitIsAFindingThatNamesTheMatchingCell) {
  const Format f = TinyFormat();
  NarrativeSection own =
      Section(2018, "2008", "S1", "全年主动公开12条，依据《条例》第二十条和第9条。");
  Result<NarrativeResult> out = RenderNarrative(f, TinyReport(f), {own});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->findings.size(), 1u);  // "第9条" is an article reference, not a count
  const Finding& finding = out->findings[0];
  EXPECT_EQ(finding.rule, "narrative.unbound_number");
  EXPECT_EQ(finding.severity, Severity::kWarning);
  EXPECT_EQ(finding.cells, std::vector<std::string>{"A1"});
  EXPECT_NE(finding.message.find("12条"), std::string::npos);
  EXPECT_NE(finding.message.find("{{A1}}"), std::string::npos);
}

TEST(RenderNarrativeTest, NumberMatchingNoCellSaysSo) {
  const Format f = TinyFormat();
  NarrativeSection own = Section(2018, "2008", "S1", "通过政府网站发布部门动态2条。");
  Result<NarrativeResult> out = RenderNarrative(f, TinyReport(f), {own});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->findings.size(), 1u);
  EXPECT_TRUE(out->findings[0].cells.empty());
  EXPECT_NE(out->findings[0].message.find("没有单位为“条”且等于 2"), std::string::npos);
}

TEST(RenderNarrativeTest, UnknownPlaceholderIsAnErrorNamingSectionAndKey) {
  const Format f = TinyFormat();
  NarrativeSection own = Section(2018, "2008", "S2", "收到申请{{C9}}件。");
  Result<NarrativeResult> out = RenderNarrative(f, TinyReport(f), {own});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kInvalidInput);
  EXPECT_NE(out.status().message().find("{{C9}}"), std::string::npos);
  EXPECT_NE(out.status().message().find("二、依申请公开"), std::string::npos);
}

TEST(RenderNarrativeTest, UnclosedPlaceholderIsAnError) {
  const Format f = TinyFormat();
  NarrativeSection own = Section(2018, "2008", "S1", "收到申请{{C1件。");
  EXPECT_FALSE(RenderNarrative(f, TinyReport(f), {own}).ok());
}

TEST(RenderNarrativeTest, HeadingPlaceholderPrintsDash) {
  const Format f = TinyFormat();
  NarrativeSection own = Section(2018, "2008", "S1", "标题行{{A}}。");
  Result<NarrativeResult> out = RenderNarrative(f, TinyReport(f), {own});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->sections[0].text, "标题行—。");
}

}  // namespace
}  // namespace gongkai
