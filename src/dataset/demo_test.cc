#include "dataset/demo.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/application/deadline.h"
#include "core/application/state.h"
#include "dataset/format_check.h"
#include "dataset/json_dataset.h"
#include "dataset/testing.h"
#include "report/format.h"

namespace gongkai {
namespace {

std::string ReadData(const std::string& rel) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DATA_DIR) + "/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const WorkCalendar& Calendar() {
  static const WorkCalendar* cal = [] {
    Result<WorkCalendar> c = WorkCalendar::FromCsv(ReadData("holidays-cn.csv"));
    EXPECT_TRUE(c.ok()) << c.status().message();
    return new WorkCalendar(std::move(c).value());
  }();
  return *cal;
}

const Format* FormatById(const std::string& id) {
  static std::map<std::string, std::unique_ptr<Format>> formats;
  auto it = formats.find(id);
  if (it == formats.end()) {
    Result<Format> f = ParseFormat(ReadData("formats/" + id + ".json"), id + ".json");
    EXPECT_TRUE(f.ok()) << f.status().message();
    if (!f.ok()) return nullptr;
    it = formats.emplace(id, std::make_unique<Format>(std::move(f).value())).first;
  }
  return it->second.get();
}

DemoOptions Official() {
  DemoOptions o;
  o.agencies = 2;
  o.applications = 600;
  o.seed = 2026;
  o.first_year = 2018;
  o.last_year = 2025;
  o.calendar = &Calendar();
  return o;
}

// The official demo, generated once for the tests that only read it.
const Dataset& OfficialDemo() {
  static const Dataset* d = [] {
    Result<Dataset> r = GenerateDemo(Official());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return new Dataset(r.ok() ? std::move(r).value() : Dataset());
  }();
  return *d;
}

TEST(DemoTest, SameSeedSameJsonOtherSeedOtherJson) {
  Result<Dataset> a = GenerateDemo(Official());
  Result<Dataset> b = GenerateDemo(Official());
  ASSERT_TRUE(a.ok() && b.ok());
  Result<std::string> ja = DatasetToJson(*a);
  Result<std::string> jb = DatasetToJson(*b);
  ASSERT_TRUE(ja.ok() && jb.ok());
  EXPECT_EQ(*ja, *jb);
  DemoOptions other = Official();
  other.seed = 7;
  Result<Dataset> c = GenerateDemo(other);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(*DatasetToJson(*c), *ja);
}

TEST(DemoTest, WritesAndReadsBackThroughTheStrictParser) {
  // ParseDataset replays every application's events through the state machine, checks codes,
  // dates, amounts and duplicate keys: the demo must pass all of it.
  Result<std::string> json = DatasetToJson(OfficialDemo());
  ASSERT_TRUE(json.ok());
  Result<Dataset> back = ParseDataset(*json, "demo.json");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_TRUE(testing_util::SameRecords(*back, OfficialDemo()));
}

TEST(DemoTest, ManualFiguresAndNarrativesMatchTheFormats) {
  const Dataset& d = OfficialDemo();
  Status st =
      CheckAgainstFormats(d, "demo.json", [](const std::string& id) -> Result<const Format*> {
        const Format* f = FormatById(id);
        if (f == nullptr) return NotFound(id);
        return f;
      });
  EXPECT_TRUE(st.ok()) << st.message();
  // Every placeholder names a cell of the section's format (or a known name), and no number with
  // a counting unit is written out.
  const std::regex placeholder(R"(\{\{([^}]+)\}\})");
  const std::set<std::string> names = {"year", "agency", "agency_full", "next_year", "prev_year"};
  const std::regex bare_number(R"([0-9]+(件|条|次|人|篇|个|元|万元|人次))");
  for (const auto& n : d.narratives) {
    const Format* f = FormatById(n.record.format_id);
    ASSERT_NE(f, nullptr);
    const std::vector<std::string> ids = f->CellIds();
    const std::set<std::string> cells(ids.begin(), ids.end());
    for (std::sregex_iterator it(n.record.body.begin(), n.record.body.end(), placeholder), e;
         it != e; ++it) {
      const std::string name = (*it)[1];
      EXPECT_TRUE(names.count(name) || (cells.count(name) && !f->IsHeading(name)))
          << n.record.format_id << " " << n.record.section_id << ": {{" << name << "}}";
    }
    const std::string without = std::regex_replace(n.record.body, placeholder, "");
    EXPECT_FALSE(std::regex_search(without, bare_number)) << n.record.section_id << ": " << without;
  }
}

TEST(DemoTest, CoversEveryChannelApplicantTypeAndOutcome) {
  const Dataset& d = OfficialDemo();
  ASSERT_EQ(d.applications.size(), 600u);
  std::set<Channel> channels;
  std::set<ApplicantType> types;
  std::set<Outcome> outcomes_2019;
  int corrections = 0, consultations_third = 0, consultations_agency = 0, extensions = 0, fees = 0,
      late = 0, carry_overs = 0, open_at_end = 0;
  for (const auto& owned : d.applications) {
    const Application& a = owned.record;
    channels.insert(a.channel);
    types.insert(a.applicant_type);
    ASSERT_TRUE(ReplayEvents(a).ok()) << a.number;
    const std::optional<Closing> c = ClosingOf(a);
    if (!c) {
      ++open_at_end;
      continue;
    }
    if (a.Rules() == RuleSet::k2019) outcomes_2019.insert(c->outcome);
    if (c->on.year() > a.StatutoryReceiptDate().year()) ++carry_overs;
    for (const ApplicationEvent& e : a.events) {
      corrections += e.kind == EventKind::kCorrectionRequested;
      extensions += e.kind == EventKind::kExtensionApproved;
      fees += e.kind == EventKind::kFeePaid;
      if (e.kind == EventKind::kConsultationStarted) {
        (e.party == ConsultationParty::kThirdParty ? consultations_third : consultations_agency)++;
      }
    }
    if (c->outcome != Outcome::kCorrectionLapsed && c->outcome != Outcome::kFeeLapsed &&
        c->outcome != Outcome::kWithdrawn) {
      Result<Deadline> dl = ComputeDeadline(DeadlineInputOf(a, c->on), Calendar(), false);
      ASSERT_TRUE(dl.ok()) << a.number << ": " << dl.status().message();
      late += c->on > dl->due;
    }
  }
  EXPECT_EQ(channels.size(), 5u);
  EXPECT_EQ(types.size(), 6u);
  for (Outcome o : AllOutcomes()) EXPECT_TRUE(outcomes_2019.count(o)) << "missing " << ToCode(o);
  EXPECT_GT(corrections, 10);
  EXPECT_GT(consultations_third, 5);
  EXPECT_GT(consultations_agency, 0);
  EXPECT_GT(extensions, 10);
  EXPECT_GT(fees, 0);
  EXPECT_GT(late, 0);
  EXPECT_LT(late, 60);  // answered within the law mostly
  EXPECT_GT(carry_overs, 8);
  EXPECT_GT(open_at_end, 0);
  EXPECT_EQ(d.fees.size(), static_cast<size_t>(fees));
}

TEST(DemoTest, OutcomesAreLegalForTheRuleSetAndNothingIsDatedAfterTheEnd) {
  const Date end = Date::FromYmd(2025, 12, 31);
  for (const auto& owned : OfficialDemo().applications) {
    const Application& a = owned.record;
    EXPECT_LE(a.received_on, end);
    for (const ApplicationEvent& e : a.events) {
      EXPECT_LE(e.on, end) << a.number;
      if (a.Rules() == RuleSet::k2008) {
        EXPECT_NE(e.kind, EventKind::kFeeNotified) << a.number;
        EXPECT_NE(e.outcome, Outcome::kExcessiveRequests) << a.number;
        EXPECT_NE(e.kind, EventKind::kWithdrawn) << a.number;  // no row in the 2008 table
      }
    }
    if (a.confirmed_on) {
      EXPECT_EQ(a.confirmed_on->year(), a.received_on.year()) << a.number;
    }
  }
  for (const auto& c : OfficialDemo().catalog_items) {
    EXPECT_GE(c.record.created_on.year(), 2008);
    EXPECT_LE(c.record.created_on, end);
    if (c.record.published_on) {
      EXPECT_LE(*c.record.published_on, end);
    }
    for (const auto& p : c.record.channels) EXPECT_LE(p.published_on, end);
  }
}

TEST(DemoTest, ReviewsLawsuitsAndNormativeDocuments) {
  const Dataset& d = OfficialDemo();
  std::set<CaseResult> review_results, direct_results, after_results;
  bool pending_at_a_year_end = false;
  for (const auto& r : d.reviews) {
    review_results.insert(r.record.result);
    if (r.record.decided_on && r.record.decided_on->year() > r.record.filed_on.year()) {
      pending_at_a_year_end = true;
    }
    EXPECT_FALSE(r.record.application_number.empty());
  }
  for (const auto& l : d.lawsuits) {
    (l.record.after_review ? after_results : direct_results).insert(l.record.result);
  }
  EXPECT_GE(review_results.size(), 3u);
  EXPECT_GE(direct_results.size(), 2u);
  EXPECT_GE(after_results.size(), 2u);
  EXPECT_TRUE(pending_at_a_year_end || review_results.count(CaseResult::kPending));
  int issued = 0, repealed = 0, expired = 0, gazette = 0, wechat = 0;
  for (const auto& c : d.catalog_items) {
    if (c.record.normative) {
      ++issued;
      repealed += c.record.normative->repealed_on.has_value();
      expired += c.record.normative->expired_on.has_value();
    }
    for (const auto& p : c.record.channels) {
      gazette += p.channel == PublicationChannel::kGazette;
      wechat += p.channel == PublicationChannel::kWechat;
    }
  }
  EXPECT_GT(issued, 20);
  EXPECT_GT(repealed, 0);
  EXPECT_GT(expired, 0);
  EXPECT_GT(gazette, 0);
  EXPECT_GT(wechat, 0);
  EXPECT_EQ(d.agencies.size(), 2u);
  EXPECT_EQ(d.agencies[1].parent_slug, d.agencies[0].slug);
  EXPECT_EQ(d.agencies[0].org_code.size(), 9u);
  EXPECT_EQ(d.staffing.size(), 16u);  // 2 agencies × 8 years
}

TEST(DemoTest, RejectsBadOptions) {
  DemoOptions o = Official();
  o.first_year = 2030;
  o.last_year = 2031;
  EXPECT_FALSE(GenerateDemo(o).ok());
  o = Official();
  o.calendar = nullptr;
  EXPECT_FALSE(GenerateDemo(o).ok());
  o = Official();
  o.agencies = 0;
  EXPECT_FALSE(GenerateDemo(o).ok());
}

TEST(DemoTest, ManyAgenciesGetDistinctSlugs) {
  DemoOptions o = Official();
  o.agencies = 25;
  o.applications = 300;
  o.first_year = 2021;
  o.last_year = 2022;
  Result<Dataset> d = GenerateDemo(o);
  ASSERT_TRUE(d.ok()) << d.status().message();
  std::set<std::string> slugs;
  for (const Agency& a : d->agencies) slugs.insert(a.slug);
  EXPECT_EQ(slugs.size(), 25u);
  Result<std::string> json = DatasetToJson(*d);
  ASSERT_TRUE(json.ok());
  Result<Dataset> back = ParseDataset(*json, "many.json");
  EXPECT_TRUE(back.ok()) << back.status().message();
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

TEST(DemoTest, UntilEndsTheDemoOnThatDayWithCasesStillOpen) {
  DemoOptions o = Official();
  o.last_year = 2026;
  o.until = Date::FromYmd(2026, 6, 30);
  Result<Dataset> d = GenerateDemo(o);
  ASSERT_TRUE(d.ok()) << d.status().message();
  const Date until = *o.until;
  int open = 0, this_year = 0;
  for (const auto& owned : d->applications) {
    const Application& a = owned.record;
    EXPECT_LE(a.received_on, until) << a.number;
    for (const ApplicationEvent& e : a.events) EXPECT_LE(e.on, until) << a.number;
    if (a.received_on.year() == 2026) ++this_year;
    bool closed = false;
    for (const ApplicationEvent& e : a.events) {
      closed |= e.kind == EventKind::kAnswered || e.kind == EventKind::kWithdrawn ||
                e.kind == EventKind::kCorrectionLapsed || e.kind == EventKind::kFeeLapsed;
    }
    if (!closed) ++open;
  }
  EXPECT_GT(this_year, 0) << "applications received in the first half of 2026";
  EXPECT_GT(open, 0) << "some cases are still running on the last day";
  for (const auto& owned : d->catalog_items) {
    const CatalogItem& c = owned.record;
    EXPECT_LE(c.created_on, until) << c.title;
    if (c.published_on) {
      EXPECT_LE(*c.published_on, until) << c.title;
    }
  }
  // Still a valid dataset.
  Result<std::string> json = DatasetToJson(*d);
  ASSERT_TRUE(json.ok());
  Result<Dataset> back = ParseDataset(*json, "demo.json");
  EXPECT_TRUE(back.ok()) << back.status().message();

  o.until = Date::FromYmd(2025, 6, 30);
  EXPECT_EQ(GenerateDemo(o).status().code(), ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace gongkai
