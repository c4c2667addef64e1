#include "report/compute.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/application/testing.h"
#include "report/testing_formats.h"
#include "report/validate.h"

namespace gongkai {
namespace {

using ::gongkai::testing::RealFormat;
using ::gongkai::testutil::ApplicationBuilder;
using ::gongkai::testutil::D;
using ::gongkai::testutil::RealCalendar;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

using Cells = std::map<std::string, CellValue>;

YearRecords Year(int year) {
  YearRecords r;
  r.year = year;
  r.agency.name = "吉林市昌邑区商务局";
  r.agency.short_name = "昌邑区商务局";
  return r;
}

Cells Compute(const std::string& format, const YearRecords& r) {
  Result<Cells> cells = ComputeCells(RealFormat(format), r, RealCalendar());
  EXPECT_TRUE(cells.ok()) << cells.status().message();
  return cells.ok() ? *cells : Cells{};
}

// The value of a cell as an integer (fails on a heading or a missing cell).
int64_t N(const Cells& cells, const std::string& id) {
  auto it = cells.find(id);
  if (it == cells.end() || !it->second.value) {
    ADD_FAILURE() << "no value for " << id;
    return -1;
  }
  EXPECT_TRUE(it->second.value->is_integer()) << id;
  return it->second.value->integer_part();
}

// The non-zero cells among `ids`, as "ID=N" strings, for compact assertions.
std::vector<std::string> NonZero(const Cells& cells, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    const auto& v = cells.at(id).value;
    if (v && *v != Decimal()) out.push_back(id + "=" + v->ToString());
  }
  return out;
}

std::vector<std::string> Errors(const Format& f, const Cells& cells,
                                const Cells* previous = nullptr) {
  std::vector<std::string> out;
  for (const Finding& x : ValidateCells(f, cells, previous)) {
    if (x.severity == Severity::kError) out.push_back(x.rule + " " + x.message);
  }
  return out;
}

// An application that ends with `o` on `closed_on`; derived outcomes get their own event.
Application EndingWith(Outcome o, const std::string& received, const std::string& closed_on,
                       const std::string& number = "A-1") {
  ApplicationBuilder b;
  b.Number(number).ReceivedOn(received).InPerson();
  switch (o) {
    case Outcome::kCorrectionLapsed:
      b.CorrectionRequested(received).CorrectionLapsed(closed_on);
      break;
    case Outcome::kFeeLapsed:
      b.UnderRules(RuleSet::k2019).FeeNotified(received, 10000).FeeLapsed(closed_on);
      break;
    case Outcome::kWithdrawn:
      b.Withdrawn(closed_on);
      break;
    default:
      b.Answered(closed_on, o);
  }
  return b.Build();
}

TEST(ComputeTest, EveryFormatsRulesUseKnownMeasuresAndFilters) {
  for (const char* id : {"2008", "2019", "2021"}) {
    Status st = CheckCellRules(RealFormat(id));
    EXPECT_TRUE(st.ok()) << id << ": " << st.message();
  }
}

TEST(ComputeTest, NoRecordsGivesZerosAndDashes) {
  for (const auto& [id, year] :
       std::vector<std::pair<std::string, int>>{{"2008", 2018}, {"2019", 2019}, {"2021", 2021}}) {
    const Format& f = RealFormat(id);
    Cells cells = Compute(id, Year(year));
    EXPECT_EQ(cells.size(), f.CellIds().size()) << id;
    for (const std::string& cell : f.CellIds()) {
      const CellValue& v = cells.at(cell);
      if (f.IsHeading(cell)) {
        EXPECT_EQ(v.source, CellSource::kHeading);
        EXPECT_FALSE(v.value.has_value());
      } else {
        ASSERT_TRUE(v.value.has_value()) << cell;
        EXPECT_EQ(*v.value, Decimal()) << cell;
      }
    }
    EXPECT_THAT(ValidateCells(f, cells, &cells), IsEmpty()) << id;
  }
  Cells c21 = Compute("2021", Year(2021));
  EXPECT_EQ(c21.at("T2.6.1/DEC").note, "无记录，按0计（本项无法从平台记录计算，须手工填报）");
  EXPECT_THAT(Compute("2008", Year(2018)).at("H3").note, HasSubstr("未录入2018年人员和经费情况"));
}

// --- Each outcome lands in its row, in each format ---------------------------------------

struct OutcomeCase {
  Outcome outcome;
  const char* row2021;
  const char* row2019;
  std::vector<std::string> rows2008;  // {} = counted nowhere; {"!"} = unsupported
};

class OutcomeCountTest : public ::testing::TestWithParam<OutcomeCase> {};

std::vector<std::string> T3Rows(const Format& f) {
  std::vector<std::string> ids;
  for (const Row& r : f.FindTable("T3")->rows) {
    if (r.id.starts_with("R3.")) ids.push_back(r.id + "/SO");
  }
  return ids;
}

TEST_P(OutcomeCountTest, Format2021And2019) {
  const OutcomeCase& c = GetParam();
  YearRecords r = Year(2021);
  Application a = EndingWith(c.outcome, "2021-03-01", "2021-03-10");
  a.applicant_type = ApplicantType::kSocialWelfareOrg;
  r.applications.push_back(a);
  for (const auto& [fid, row] : {std::pair<std::string, std::string>{"2021", c.row2021},
                                 std::pair<std::string, std::string>{"2019", c.row2019}}) {
    const Format& f = RealFormat(fid);
    Cells cells = Compute(fid, r);
    EXPECT_THAT(NonZero(cells, T3Rows(f)), ::testing::ElementsAre(row + "/SO=1", "R3.7/SO=1"))
        << fid << " " << ToCode(c.outcome);
    EXPECT_EQ(N(cells, row + "/TOT"), 1);
    EXPECT_EQ(N(cells, "R1/SO"), 1);
    EXPECT_EQ(N(cells, "R4/SO"), 0);
    EXPECT_THAT(Errors(f, cells), IsEmpty());
  }
}

TEST_P(OutcomeCountTest, Format2008) {
  const OutcomeCase& c = GetParam();
  YearRecords r = Year(2018);
  r.applications.push_back(EndingWith(c.outcome, "2018-03-01", "2018-03-09", "2018-007"));
  const Format& f = RealFormat("2008");
  if (c.rows2008 == std::vector<std::string>{"!"}) {
    Result<Cells> cells = ComputeCells(f, r, RealCalendar());
    ASSERT_FALSE(cells.ok());
    EXPECT_EQ(cells.status().code(), ErrorCode::kUnsupported);
    EXPECT_THAT(cells.status().message(), HasSubstr("2018-007"));
    EXPECT_THAT(cells.status().message(), HasSubstr(std::string(ToChinese(c.outcome))));
    return;
  }
  Cells cells = Compute("2008", r);
  std::vector<std::string> c3 = {"C3.1",  "C3.2",  "C3.3",  "C3.4", "C3.4a", "C3.4b", "C3.4c",
                                 "C3.4d", "C3.4e", "C3.4f", "C3.5", "C3.6",  "C3.7",  "C3.8"};
  std::vector<std::string> expected;
  for (const std::string& row : c.rows2008) expected.push_back(row + "=1");
  EXPECT_EQ(NonZero(cells, c3), expected) << ToCode(c.outcome);
  EXPECT_EQ(N(cells, "C1"), 1);
  EXPECT_EQ(N(cells, "C1.1"), 1);
  const int64_t answered = c.rows2008.empty() ? 0 : 1;
  EXPECT_EQ(N(cells, "C2"), answered);
  EXPECT_EQ(N(cells, "C2.1"), answered);  // 6 working days: on time
  EXPECT_EQ(N(cells, "C3"), answered);
  EXPECT_THAT(Errors(f, cells), IsEmpty());
}

using V = std::vector<std::string>;
INSTANTIATE_TEST_SUITE_P(
    Every, OutcomeCountTest,
    ::testing::Values(
        OutcomeCase{Outcome::kAlreadyPublished, "R3.1", "R3.1", V{"C3.1"}},
        OutcomeCase{Outcome::kDisclosed, "R3.1", "R3.1", V{"C3.2"}},
        OutcomeCase{Outcome::kPartiallyDisclosed, "R3.2", "R3.2", V{"C3.3"}},
        OutcomeCase{Outcome::kRefusedStateSecret, "R3.3.1", "R3.3.1", V{"C3.4", "C3.4a"}},
        OutcomeCase{Outcome::kRefusedLawProhibits, "R3.3.2", "R3.3.2", V{"C3.4", "C3.4f"}},
        OutcomeCase{Outcome::kRefusedThreeSecurities, "R3.3.3", "R3.3.3", V{"C3.4", "C3.4d"}},
        OutcomeCase{Outcome::kRefusedTradeSecret, "R3.3.4", "R3.3.4", V{"C3.4", "C3.4b"}},
        OutcomeCase{Outcome::kRefusedPrivacy, "R3.3.4", "R3.3.4", V{"C3.4", "C3.4c"}},
        OutcomeCase{Outcome::kRefusedInternalAffairs, "R3.3.5", "R3.3.5", V{"C3.4", "C3.4e"}},
        OutcomeCase{Outcome::kRefusedProcessInfo, "R3.3.6", "R3.3.6", V{"C3.4", "C3.4e"}},
        OutcomeCase{Outcome::kRefusedEnforcementFile, "R3.3.7", "R3.3.7", V{"C3.4", "C3.4f"}},
        OutcomeCase{Outcome::kRefusedAdministrativeQuery, "R3.3.8", "R3.3.8", V{"C3.8"}},
        OutcomeCase{Outcome::kNotHeld, "R3.4.1", "R3.4.1", V{"C3.6"}},
        OutcomeCase{Outcome::kNotThisAgency, "R3.4.1", "R3.4.1", V{"C3.5"}},
        OutcomeCase{Outcome::kNeedsCreation, "R3.4.2", "R3.4.2", V{"C3.4", "C3.4e"}},
        OutcomeCase{Outcome::kUnclearAfterCorrection, "R3.4.3", "R3.4.3", V{"C3.7"}},
        OutcomeCase{Outcome::kPetitionComplaint, "R3.5.1", "R3.5.1", V{"C3.8"}},
        OutcomeCase{Outcome::kRepeatApplication, "R3.5.2", "R3.5.2", V{"C3.8"}},
        OutcomeCase{Outcome::kPublication, "R3.5.3", "R3.5.3", V{"C3.8"}},
        OutcomeCase{Outcome::kExcessiveRequests, "R3.5.4", "R3.5.4", V{"!"}},
        OutcomeCase{Outcome::kConfirmOrReissue, "R3.5.5", "R3.5.5", V{"C3.8"}},
        OutcomeCase{Outcome::kCorrectionLapsed, "R3.6.1", "R3.6", V{"C3.7"}},
        OutcomeCase{Outcome::kFeeLapsed, "R3.6.2", "R3.6", V{"!"}},
        OutcomeCase{Outcome::kWithdrawn, "R3.6.3", "R3.6", V{}},
        OutcomeCase{Outcome::kSpecialProcedure, "R3.6.3", "R3.6", V{"C3.8"}},
        OutcomeCase{Outcome::kOther, "R3.6.3", "R3.6", V{"C3.8"}}),
    [](const auto& info) { return std::string(ToCode(info.param.outcome)); });

// --- Receipt, channels, applicant types, carry-over --------------------------------------

TEST(ComputeApplicationsTest, ChannelsCountByStatutoryReceiptDate) {
  YearRecords r = Year(2018);
  r.applications = {
      ApplicationBuilder().Number("1").ReceivedOn("2018-02-01").InPerson(),
      ApplicationBuilder().Number("2").ReceivedOn("2018-02-01").ByFax(),
      ApplicationBuilder().Number("3").ReceivedOn("2018-02-01").Online(),
      ApplicationBuilder().Number("4").ReceivedOn("2018-02-01").BySignedPost(),
      ApplicationBuilder().Number("5").ReceivedOn("2018-02-01").ByOrdinaryPost(),
      // Arrived in 2017 but confirmed in 2018: received in 2018 (Art. 31 / 207号).
      ApplicationBuilder().Number("6").ReceivedOn("2017-12-29").ConfirmedOn("2018-01-02").Online(),
      // Arrived in 2018, confirmed in 2019: not this year's.
      ApplicationBuilder().Number("7").ReceivedOn("2018-12-30").ConfirmedOn("2019-01-02").ByFax(),
  };
  Cells cells = Compute("2008", r);
  EXPECT_EQ(N(cells, "C1"), 6);
  EXPECT_EQ(N(cells, "C1.1"), 1);
  EXPECT_EQ(N(cells, "C1.2"), 1);
  EXPECT_EQ(N(cells, "C1.3"), 2);
  EXPECT_EQ(N(cells, "C1.4"), 2);
  EXPECT_THAT(cells.at("C1.4").note, HasSubstr("渠道：信函（签收）、平信"));
}

TEST(ComputeApplicationsTest, ApplicantTypesAreColumns) {
  YearRecords r = Year(2021);
  const std::vector<std::pair<ApplicantType, std::string>> types = {
      {ApplicantType::kNaturalPerson, "NP"},       {ApplicantType::kCommercialEnterprise, "CE"},
      {ApplicantType::kResearchInstitution, "RI"}, {ApplicantType::kSocialWelfareOrg, "SO"},
      {ApplicantType::kLegalServiceOrg, "LS"},     {ApplicantType::kOtherOrg, "OT"}};
  int n = 0;
  for (size_t i = 0; i < types.size(); ++i) {
    for (size_t k = 0; k <= i; ++k) {  // i+1 applications of type i
      r.applications.push_back(ApplicationBuilder()
                                   .Number(std::to_string(++n))
                                   .ReceivedOn("2021-05-06")
                                   .Applicant(types[i].first)
                                   .Answered("2021-05-20", Outcome::kDisclosed));
    }
  }
  Cells cells = Compute("2021", r);
  for (size_t i = 0; i < types.size(); ++i) {
    EXPECT_EQ(N(cells, "R1/" + types[i].second), static_cast<int64_t>(i + 1));
    EXPECT_EQ(N(cells, "R3.1/" + types[i].second), static_cast<int64_t>(i + 1));
  }
  EXPECT_EQ(N(cells, "R1/TOT"), 21);
  EXPECT_EQ(N(cells, "R3.7/TOT"), 21);
  EXPECT_THAT(Errors(RealFormat("2021"), cells), IsEmpty());
}

// Received late in 2020, answered in 2021; received late in 2021, still open.
TEST(ComputeApplicationsTest, CarryOverAcrossYears) {
  Application crossing = ApplicationBuilder()
                             .Number("2020-090")
                             .ReceivedOn("2020-12-28")
                             .Applicant(ApplicantType::kLegalServiceOrg)
                             .Answered("2021-01-15", Outcome::kPartiallyDisclosed);
  Application open = ApplicationBuilder().Number("2021-200").ReceivedOn("2021-12-30");
  Application old = ApplicationBuilder()
                        .Number("2020-001")
                        .ReceivedOn("2020-03-02")
                        .Answered("2020-03-20", Outcome::kDisclosed);

  YearRecords y2020 = Year(2020);
  y2020.applications = {crossing, old};
  YearRecords y2021 = Year(2021);
  y2021.applications = {crossing, open};

  Cells c2020 = Compute("2021", y2020);
  EXPECT_EQ(N(c2020, "R1/TOT"), 2);
  EXPECT_EQ(N(c2020, "R3.7/TOT"), 1);
  EXPECT_EQ(N(c2020, "R4/LS"), 1);
  EXPECT_EQ(N(c2020, "R4/TOT"), 1);

  Cells c2021 = Compute("2021", y2021);
  EXPECT_EQ(N(c2021, "R2/LS"), 1);
  EXPECT_EQ(N(c2021, "R2/TOT"), 1);
  EXPECT_EQ(N(c2021, "R1/NP"), 1);
  EXPECT_EQ(N(c2021, "R3.2/LS"), 1);
  EXPECT_EQ(N(c2021, "R3.7/TOT"), 1);
  EXPECT_EQ(N(c2021, "R4/NP"), 1);
  EXPECT_EQ(N(c2021, "R4/LS"), 0);
  const Format& f = RealFormat("2021");
  EXPECT_THAT(ValidateCells(f, c2021, &c2020), IsEmpty());

  // Last year's report without the crossing case: its R4 no longer matches this year's R2.
  y2020.applications = {old};
  Cells wrong2020 = Compute("2021", y2020);
  std::vector<std::string> rules;
  for (const Finding& x : ValidateCells(f, c2021, &wrong2020)) rules.push_back(x.rule);
  EXPECT_THAT(rules, ::testing::ElementsAre("2021.T3.carry_over/LS", "2021.T3.carry_over/TOT"));
}

// --- 按时办结 / 延期办结 / late ---------------------------------------------------------

TEST(ComputeApplicationsTest, OnTimeExtendedAndLate2008) {
  YearRecords r = Year(2018);
  // Received Mon 2018-03-05: 15 working days → due Mon 2018-03-26.
  r.applications = {
      ApplicationBuilder()
          .Number("on-time")
          .ReceivedOn("2018-03-05")
          .Answered("2018-03-26", Outcome::kDisclosed),
      ApplicationBuilder()
          .Number("extended")
          .ReceivedOn("2018-03-05")
          .ExtensionApproved("2018-03-20", 15)
          .Answered("2018-04-10", Outcome::kNotHeld),
      ApplicationBuilder()
          .Number("late")
          .ReceivedOn("2018-03-05")
          .Answered("2018-03-27", Outcome::kDisclosed),
  };
  Result<ComputedCells> out = ComputeCellsWithFindings(RealFormat("2008"), r, RealCalendar());
  ASSERT_TRUE(out.ok()) << out.status().message();
  const Cells& cells = out->cells;
  EXPECT_EQ(N(cells, "C2"), 3);
  EXPECT_EQ(N(cells, "C2.1"), 1);
  EXPECT_EQ(N(cells, "C2.2"), 1);
  ASSERT_EQ(out->findings.size(), 1u);
  EXPECT_EQ(out->findings[0].rule, "2008.late_closing");
  EXPECT_EQ(out->findings[0].severity, Severity::kWarning);
  EXPECT_THAT(out->findings[0].message,
              HasSubstr("逾期办结 1 件（编号：late（期限 2018-03-26，办结 2018-03-27））"));
  EXPECT_THAT(out->findings[0].message, HasSubstr("按时办结数(C2.1)"));
  // The hard identity then reports the gap with its numbers.
  EXPECT_THAT(Errors(RealFormat("2008"), cells),
              ::testing::ElementsAre(
                  HasSubstr("申请办结数(C2)=3，但按时办结数(C2.1)=1 加 延期办结数(C2.2)=1 共 2")));
}

TEST(ComputeApplicationsTest, ConsultationPausesTheClock) {
  YearRecords r = Year(2018);
  r.applications = {ApplicationBuilder()
                        .Number("paused")
                        .ReceivedOn("2018-03-05")
                        .ConsultationStarted("2018-03-06")
                        .ConsultationEnded("2018-03-12")
                        .Answered("2018-03-30", Outcome::kDisclosed)};
  Cells cells = Compute("2008", r);
  EXPECT_EQ(N(cells, "C2.1"), 1);
}

TEST(ComputeApplicationsTest, BrokenEventHistoryIsAnError) {
  YearRecords r = Year(2021);
  r.applications = {ApplicationBuilder()
                        .Number("bad")
                        .ReceivedOn("2021-03-05")
                        .Answered("2021-03-10", Outcome::kDisclosed)
                        .Answered("2021-03-11", Outcome::kDisclosed)};
  Result<Cells> cells = ComputeCells(RealFormat("2021"), r, RealCalendar());
  ASSERT_FALSE(cells.ok());
  EXPECT_THAT(cells.status().message(), HasSubstr("申请 bad"));
}

// --- Manual figures -------------------------------------------------------------------

ManualFigure Figure(const std::string& format, const std::string& cell, const char* value,
                    const std::string& at = "2022-01-05T10:00:00") {
  ManualFigure m;
  m.year = 2021;
  m.format_id = format;
  m.cell_id = cell;
  m.value = *Decimal::Parse(value);
  m.entered_by = "张三";
  m.entered_at = at;
  m.source = "执法办案系统导出";
  return m;
}

TEST(ComputeManualTest, FigureOverridesItsCell) {
  YearRecords r = Year(2021);
  r.applications = {ApplicationBuilder().ReceivedOn("2021-04-01")};
  r.manual_figures = {Figure("2021", "T2.6.1/DEC", "12"), Figure("2021", "R1/NP", "7"),
                      Figure("2019", "T2.9.1/CNT", "3"),  // another format: ignored
                      Figure("2021", "T2.8.1/FEE", "1.5", "2022-01-01T00:00:00"),
                      Figure("2021", "T2.8.1/FEE", "2.25", "2022-01-09T00:00:00")};
  Cells cells = Compute("2021", r);
  EXPECT_EQ(N(cells, "T2.6.1/DEC"), 12);
  EXPECT_EQ(cells.at("T2.6.1/DEC").source, CellSource::kManual);
  EXPECT_THAT(cells.at("T2.6.1/DEC").note, HasSubstr("张三"));
  EXPECT_THAT(cells.at("T2.6.1/DEC").note, HasSubstr("执法办案系统导出"));
  EXPECT_EQ(N(cells, "R1/NP"), 7);  // overrides the computed 1
  EXPECT_EQ(cells.at("R1/TOT").source, CellSource::kRule);
  EXPECT_EQ(*cells.at("T2.8.1/FEE").value, *Decimal::Parse("2.25"));  // latest entry wins
}

TEST(ComputeManualTest, UnknownCellOrHeadingIsInvalidInput) {
  YearRecords r = Year(2021);
  r.manual_figures = {Figure("2021", "T2.9.1/CNT", "3")};
  Result<Cells> cells = ComputeCells(RealFormat("2021"), r, RealCalendar());
  ASSERT_FALSE(cells.ok());
  EXPECT_EQ(cells.status().code(), ErrorCode::kInvalidInput);
  EXPECT_THAT(cells.status().message(), HasSubstr("T2.9.1/CNT"));

  YearRecords r08 = Year(2018);
  ManualFigure m = Figure("2008", "A2", "30");
  m.year = 2018;
  r08.manual_figures = {m};
  cells = ComputeCells(RealFormat("2008"), r08, RealCalendar());
  ASSERT_FALSE(cells.ok());
  EXPECT_EQ(cells.status().code(), ErrorCode::kInvalidInput);
  EXPECT_THAT(cells.status().message(), HasSubstr("标题行"));
}

// --- Everything but applications ------------------------------------------------------

CatalogItem Item(const std::string& published, std::vector<PublicationChannel> channels = {}) {
  CatalogItem i;
  i.created_on = D(published);
  i.published_on = D(published);
  for (PublicationChannel c : channels) i.channels.push_back({c, D(published)});
  return i;
}

NormativeDocument Normative(bool is_rule, const std::string& issued) {
  NormativeDocument d;
  d.is_rule = is_rule;
  d.issued_on = D(issued);
  return d;
}

TEST(ComputeOtherTest, Catalog2008) {
  YearRecords r = Year(2018);
  CatalogItem normative =
      Item("2018-04-02", {PublicationChannel::kWebsite, PublicationChannel::kWechat});
  normative.normative = Normative(false, "2018-03-30");
  CatalogItem withdrawn_first = Item("2018-05-02", {PublicationChannel::kWebsite});
  withdrawn_first.withdrawn_on = D("2018-05-01");
  CatalogItem issued_not_published;
  issued_not_published.normative = Normative(false, "2018-12-28");
  r.catalog_items = {
      Item("2018-01-10", {PublicationChannel::kWebsite}),
      Item("2018-02-10", {PublicationChannel::kGazette, PublicationChannel::kWebsite}),
      Item("2017-12-10", {PublicationChannel::kWebsite}),  // last year
      normative,
      withdrawn_first,
      issued_not_published};
  Cells cells = Compute("2008", r);
  EXPECT_EQ(N(cells, "A1"), 3);
  EXPECT_EQ(N(cells, "A1a"), 1);
  EXPECT_EQ(N(cells, "A1b"), 2);
  EXPECT_EQ(N(cells, "A2.1"), 1);
  EXPECT_EQ(N(cells, "A2.2"), 3);
  EXPECT_EQ(N(cells, "A2.4"), 1);
  EXPECT_EQ(N(cells, "A2.3"), 0);
  EXPECT_THAT(ValidateCells(RealFormat("2008"), cells), IsEmpty());
}

TEST(ComputeOtherTest, NormativeDocuments2021And2019) {
  YearRecords r = Year(2021);
  CatalogItem rule_old = Item("2019-06-01");
  rule_old.normative = Normative(true, "2019-05-20");
  CatalogItem doc_old = Item("2018-06-01");
  doc_old.normative = Normative(false, "2018-05-20");
  doc_old.normative->repealed_on = D("2021-07-01");
  CatalogItem doc_expired = Item("2018-06-01");
  doc_expired.normative = Normative(false, "2018-05-20");
  doc_expired.normative->expired_on = D("2020-12-31");
  CatalogItem doc_new = Item("2021-03-03");
  doc_new.normative = Normative(false, "2021-03-01");
  CatalogItem doc_new2 = Item("2022-01-04");  // issued 2021, published 2022
  doc_new2.normative = Normative(false, "2021-12-30");
  r.catalog_items = {rule_old, doc_old, doc_expired, doc_new, doc_new2};
  Cells c21 = Compute("2021", r);
  EXPECT_EQ(N(c21, "T2.1.1/ISS"), 0);
  EXPECT_EQ(N(c21, "T2.1.1/EFF"), 1);
  EXPECT_EQ(N(c21, "T2.1.2/ISS"), 2);
  EXPECT_EQ(N(c21, "T2.1.2/REP"), 1);
  EXPECT_EQ(N(c21, "T2.1.2/EFF"), 2);
  r.year = 2020;  // the same records seen at the end of 2020, in the 2019 format
  Cells c19 = Compute("2019", r);
  EXPECT_EQ(N(c19, "T2.1.2/NEW"), 0);
  EXPECT_EQ(N(c19, "T2.1.2/PUB"), 0);
  EXPECT_EQ(N(c19, "T2.1.2/TOT"), 2);
  EXPECT_EQ(N(c19, "T2.1.1/TOT"), 1);
  r.year = 2021;
  c19 = Compute("2019", r);
  EXPECT_EQ(N(c19, "T2.1.2/NEW"), 2);
  EXPECT_EQ(N(c19, "T2.1.2/PUB"), 1);
  EXPECT_EQ(N(c19, "T2.1.2/TOT"), 3);
}

TEST(ComputeOtherTest, ReviewsAndLawsuits) {
  YearRecords r = Year(2021);
  auto review = [](const char* filed, std::optional<const char*> decided, CaseResult res) {
    Review v;
    v.filed_on = D(filed);
    if (decided) v.decided_on = D(*decided);
    v.result = res;
    return v;
  };
  r.reviews = {review("2021-02-01", "2021-04-01", CaseResult::kUpheld),
               review("2021-03-01", "2021-05-01", CaseResult::kCorrected),
               review("2021-11-01", "2022-01-10", CaseResult::kUpheld),  // pending at 31 Dec
               review("2021-06-01", std::nullopt, CaseResult::kPending)};
  auto suit = [](const char* filed, bool after_review, CaseResult res) {
    Lawsuit l;
    l.filed_on = D(filed);
    l.after_review = after_review;
    if (res != CaseResult::kPending) l.decided_on = D("2021-12-01");
    l.result = res;
    return l;
  };
  r.lawsuits = {suit("2021-01-05", false, CaseResult::kOther),
                suit("2021-01-06", true, CaseResult::kUpheld),
                suit("2021-01-07", true, CaseResult::kPending)};
  Cells cells = Compute("2021", r);
  EXPECT_EQ(NonZero(cells, RealFormat("2021").CellIds()),
            (std::vector<std::string>{"RV.M=1", "RV.C=1", "RV.P=2", "RV.T=4", "LD.O=1", "LD.T=1",
                                      "LR.M=1", "LR.P=1", "LR.T=2"}));
  r.year = 2021;
  Cells c08 = Compute("2008", r);
  EXPECT_EQ(N(c08, "D"), 4);
  EXPECT_EQ(N(c08, "D1"), 1);
  EXPECT_EQ(N(c08, "D2"), 1);
  EXPECT_EQ(N(c08, "D3"), 2);
  EXPECT_EQ(N(c08, "E"), 3);
  EXPECT_EQ(N(c08, "E3"), 2);
}

TEST(ComputeOtherTest, ResponsesCapacityAndFees2008) {
  YearRecords r = Year(2018);
  auto response = [](ResponseKind k, bool leader, std::string topic,
                     const char* on = "2018-05-05") {
    Response x;
    x.kind = k;
    x.principal_leader = leader;
    x.hot_topic_key = std::move(topic);
    x.on = D(on);
    return x;
  };
  r.responses = {response(ResponseKind::kPressConference, true, "flood"),
                 response(ResponseKind::kPressConference, false, "flood"),
                 response(ResponseKind::kOnlineInterview, false, "prices"),
                 response(ResponseKind::kInterpretation, false, ""),
                 response(ResponseKind::kSocialMedia, false, "old", "2017-12-30")};
  r.meetings = {Meeting{0, 0, D("2018-02-02"), "部署会"}};
  r.trainings = {Training{0, 0, D("2018-03-03"), "培训", 25},
                 Training{0, 0, D("2018-09-03"), "培训", 30}};
  r.complaints = {Complaint{0, 0, D("2018-06-06"), "投诉"}};
  r.fees = {FeeCollected{0, 0, D("2018-07-07"), 12345, std::nullopt, ""},
            FeeCollected{0, 0, D("2017-07-07"), 99999, std::nullopt, ""}};
  r.staffing = Staffing{0, 2018, 1, 2, 1, 1, 5000000};
  Cells cells = Compute("2008", r);
  EXPECT_EQ(N(cells, "B1"), 2);
  EXPECT_EQ(N(cells, "B2.1"), 2);
  EXPECT_EQ(N(cells, "B2.1a"), 1);
  EXPECT_EQ(N(cells, "B2.2"), 1);
  EXPECT_EQ(N(cells, "B2.3"), 1);
  EXPECT_EQ(N(cells, "B2.4"), 0);
  EXPECT_EQ(N(cells, "I1"), 1);
  EXPECT_EQ(N(cells, "I2"), 2);
  EXPECT_EQ(N(cells, "I3"), 55);
  EXPECT_EQ(N(cells, "F"), 1);
  EXPECT_EQ(cells.at("G").value->ToString(), "0.012345");  // 123.45 元
  EXPECT_EQ(N(cells, "H1"), 1);
  EXPECT_EQ(N(cells, "H2"), 1);
  EXPECT_EQ(N(cells, "H3"), 3);
  EXPECT_EQ(N(cells, "H3.1"), 1);
  EXPECT_EQ(N(cells, "H3.2"), 2);
  EXPECT_EQ(cells.at("H4").value->ToString(), "5");  // 50,000.00 元
  EXPECT_THAT(ValidateCells(RealFormat("2008"), cells), IsEmpty());
}

// Bulk: one pass, a deadline per closed application; checks the sums, not the time.
TEST(ComputeBulkTest, HundredThousandApplications) {
  YearRecords r = Year(2018);
  r.applications.reserve(100000);
  const std::array<Outcome, 4> outcomes = {Outcome::kDisclosed, Outcome::kNotHeld,
                                           Outcome::kRefusedPrivacy, Outcome::kPublication};
  for (int i = 0; i < 100000; ++i) {
    ApplicationBuilder b;
    b.Number(std::to_string(i)).ReceivedOn(Date::FromYmd(2018, 1 + i % 11, 1 + i % 28));
    b.Via(static_cast<Channel>(i % 5));
    if (i % 10 != 0) {
      Date closed = Date::FromYmd(2018, 1 + i % 11, 1 + i % 28).AddDays(5);
      ApplicationEvent e;
      e.kind = EventKind::kAnswered;
      e.on = closed;
      e.outcome = outcomes[i % 4];
      b.Event(e);
    }
    r.applications.push_back(b.Build());
  }
  Cells cells = Compute("2008", r);
  EXPECT_EQ(N(cells, "C1"), 100000);
  EXPECT_EQ(N(cells, "C1.1") + N(cells, "C1.2") + N(cells, "C1.3") + N(cells, "C1.4"), 100000);
  EXPECT_EQ(N(cells, "C2"), 90000);
  EXPECT_EQ(N(cells, "C2.1"), 90000);
  EXPECT_EQ(N(cells, "C3.4"), N(cells, "C3.4c"));
  EXPECT_THAT(Errors(RealFormat("2008"), cells), IsEmpty());
}

}  // namespace
}  // namespace gongkai
