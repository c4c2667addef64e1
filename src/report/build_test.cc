#include "report/build.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/application/testing.h"
#include "report/testing_formats.h"

namespace gongkai {
namespace {

using ::gongkai::testing::RealFormat;
using ::gongkai::testing::Section;
using ::gongkai::testutil::ApplicationBuilder;
using ::gongkai::testutil::RealCalendar;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

YearRecords Year(int year) {
  YearRecords r;
  r.year = year;
  r.agency.name = "吉林市昌邑区商务局";
  r.agency.short_name = "昌邑区商务局";
  return r;
}

std::vector<std::string> RulesOf(const Report& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.push_back(f.rule);
  return out;
}

TEST(BuildReportTest, SnapshotWithTitleCellsNarrativeAndFindings) {
  YearRecords r = Year(2018);
  r.applications = {
      ApplicationBuilder()
          .Number("2018-01")
          .ReceivedOn("2018-03-05")
          .ByFax()
          .Answered("2018-03-20", Outcome::kDisclosed),
      ApplicationBuilder()
          .Number("2018-02")
          .ReceivedOn("2018-03-05")
          .Answered("2018-04-20", Outcome::kNotHeld),  // late
  };
  BuildOptions options;
  options.generated_on = "2019-01-03";
  Result<Report> report = BuildReport(RealFormat("2008"), r, RealCalendar(), options);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->title, "昌邑区商务局2018年政府信息公开工作年度报告");
  EXPECT_EQ(report->generated_on, "2019-01-03");
  EXPECT_EQ(report->format, &RealFormat("2008"));
  EXPECT_EQ(report->cells.size(), 65u);
  EXPECT_EQ(report->Value("C1"), Decimal::FromInt(2));
  EXPECT_EQ(report->Value("A"), std::nullopt);
  ASSERT_EQ(report->sections.size(), 8u);
  EXPECT_EQ(report->sections[3].heading, "四、依申请公开政府信息情况");
  EXPECT_THAT(report->sections[3].text,
              HasSubstr("2018年，本机关收到政府信息公开申请2件，其中当面申请1件、传真申请1件"));
  EXPECT_THAT(report->sections[3].text, HasSubstr("全年办结申请2件，其中按时办结1件、延期办结0件"));
  EXPECT_EQ(report->sections.back().tables, std::vector<std::string>{"T"});
  // The late answer: explained by compute, then caught by the hard identity.
  EXPECT_THAT(RulesOf(*report), Contains("2008.late_closing"));
  EXPECT_THAT(RulesOf(*report), Contains("2008.C2.sum"));
  EXPECT_EQ(report->ErrorCount(), 1);
  EXPECT_GE(report->WarningCount(), 1);
}

TEST(BuildReportTest, PreviousYearEnablesCrossYearChecks) {
  Application crossing = ApplicationBuilder()
                             .Number("X")
                             .ReceivedOn("2021-12-28")
                             .Answered("2022-01-10", Outcome::kDisclosed);
  YearRecords y2021 = Year(2021);
  y2021.applications = {crossing};
  YearRecords y2022 = Year(2022);
  y2022.applications = {crossing};
  BuildOptions options;
  options.previous = &y2021;
  Result<Report> report = BuildReport(RealFormat("2021"), y2022, RealCalendar(), options);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_THAT(report->findings, IsEmpty());
  EXPECT_EQ(report->Value("R2/TOT"), Decimal::FromInt(1));

  YearRecords empty2021 = Year(2021);  // last year's records lost the case
  options.previous = &empty2021;
  report = BuildReport(RealFormat("2021"), y2022, RealCalendar(), options);
  ASSERT_TRUE(report.ok());
  EXPECT_THAT(RulesOf(*report), Contains("2021.T3.carry_over/TOT"));
  EXPECT_EQ(report->ErrorCount(), 0);
}

TEST(BuildReportTest, WrittenNarrativeOfThisFormatReplacesTheDefault) {
  YearRecords r = Year(2021);
  r.narrative = {Section(2021, "2021", "S5", "{{year}}年本机关的问题是……"),
                 Section(2021, "2019", "S6", "另一格式的正文")};
  Result<Report> report = BuildReport(RealFormat("2021"), r, RealCalendar(), {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->sections[4].text, "2021年本机关的问题是……");
  EXPECT_THAT(report->sections[5].text, HasSubstr("据实补充"));
}

TEST(BuildReportTest, UnsupportedOutcomeStopsTheReport) {
  YearRecords r = Year(2018);
  r.applications = {ApplicationBuilder()
                        .Number("2018-09")
                        .ReceivedOn("2018-05-02")
                        .Answered("2018-05-10", Outcome::kExcessiveRequests)};
  Result<Report> report = BuildReport(RealFormat("2008"), r, RealCalendar(), {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), ErrorCode::kUnsupported);
  EXPECT_THAT(report.status().message(), HasSubstr("2018-09"));
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// The default narrative of every format binds every number it states, so an agency that wrote
// nothing gets a report without findings.
TEST(BuildReportTest, DefaultNarrativesStateNoUnboundNumbers) {
  for (const auto& [id, year] :
       std::vector<std::pair<std::string, int>>{{"2008", 2018}, {"2019", 2020}, {"2021", 2023}}) {
    YearRecords r;
    r.year = year;
    r.agency.name = "某机关";
    Result<Report> report = BuildReport(testing::RealFormat(id), r, testutil::RealCalendar(), {});
    ASSERT_TRUE(report.ok()) << report.status().message();
    EXPECT_TRUE(report->findings.empty()) << id << ": " << report->findings.front().message;
    EXPECT_EQ(report->sections.size(), testing::RealFormat(id).sections.size());
  }
}

}  // namespace
}  // namespace gongkai
