// Test helpers for applications and deadlines (STYLE.md §11): named builders so a test reads
// like the case it describes.
//
//   Application app = ApplicationBuilder().ReceivedOn("2019-06-03").ByFax()
//                         .ConsultationStarted("2019-06-05").ConsultationEnded("2019-06-20")
//                         .Answered("2019-07-10", Outcome::kDisclosed).Build();
//
// Header-only; for test binaries only (it aborts on a malformed date literal).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "core/application.h"
#include "core/calendar/work_calendar.h"
#include "core/date.h"

namespace gongkai::testutil {

// "2019-06-03" → Date. Aborts with a message on a malformed literal (a bug in the test).
inline Date D(std::string_view text) {
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) {
    std::fprintf(stderr, "testutil::D: %s\n", d.status().message().c_str());
    std::abort();
  }
  return *d;
}

// Defaults: received 2019-06-03 in person, number "测试-001", no events.
class ApplicationBuilder {
 public:
  ApplicationBuilder() {
    app_.received_on = D("2019-06-03");
    app_.number = "测试-001";
  }

  ApplicationBuilder& Id(int64_t id) {
    app_.id = id;
    return *this;
  }
  ApplicationBuilder& Agency(int64_t agency_id) {
    app_.agency_id = agency_id;
    return *this;
  }
  ApplicationBuilder& Number(std::string number) {
    app_.number = std::move(number);
    return *this;
  }
  ApplicationBuilder& ReceivedOn(Date d) {
    app_.received_on = d;
    return *this;
  }
  ApplicationBuilder& ReceivedOn(std::string_view d) { return ReceivedOn(D(d)); }
  ApplicationBuilder& ConfirmedOn(Date d) {
    app_.confirmed_on = d;
    return *this;
  }
  ApplicationBuilder& ConfirmedOn(std::string_view d) { return ConfirmedOn(D(d)); }
  ApplicationBuilder& Via(Channel c) {
    app_.channel = c;
    return *this;
  }
  ApplicationBuilder& InPerson() { return Via(Channel::kInPerson); }
  ApplicationBuilder& BySignedPost() { return Via(Channel::kPostSigned); }
  ApplicationBuilder& ByOrdinaryPost() { return Via(Channel::kPostOrdinary); }
  ApplicationBuilder& Online() { return Via(Channel::kOnline); }
  ApplicationBuilder& ByFax() { return Via(Channel::kFax); }
  ApplicationBuilder& Applicant(ApplicantType t) {
    app_.applicant_type = t;
    return *this;
  }
  ApplicationBuilder& Content(std::string text) {
    app_.content = std::move(text);
    return *this;
  }
  ApplicationBuilder& UnderRules(RuleSet r) {
    app_.rules_override = r;
    return *this;
  }

  // Appends any event (the typed helpers below cover the usual ones).
  ApplicationBuilder& Event(ApplicationEvent e) {
    app_.events.push_back(std::move(e));
    return *this;
  }
  ApplicationBuilder& Event(EventKind kind, std::string_view on) {
    ApplicationEvent e;
    e.kind = kind;
    e.on = D(on);
    e.actor = "test";
    return Event(std::move(e));
  }
  ApplicationBuilder& CorrectionRequested(std::string_view on) {
    return Event(EventKind::kCorrectionRequested, on);
  }
  ApplicationBuilder& CorrectionReceived(std::string_view on) {
    return Event(EventKind::kCorrectionReceived, on);
  }
  ApplicationBuilder& CorrectionLapsed(std::string_view on) {
    return Event(EventKind::kCorrectionLapsed, on);
  }
  ApplicationBuilder& ConsultationStarted(
      std::string_view on, ConsultationParty party = ConsultationParty::kThirdParty) {
    Event(EventKind::kConsultationStarted, on);
    app_.events.back().party = party;
    return *this;
  }
  ApplicationBuilder& ConsultationEnded(std::string_view on) {
    return Event(EventKind::kConsultationEnded, on);
  }
  ApplicationBuilder& ExtensionApproved(std::string_view on, int days) {
    Event(EventKind::kExtensionApproved, on);
    app_.events.back().extension_days = days;
    return *this;
  }
  ApplicationBuilder& FeeNotified(std::string_view on, int64_t fen) {
    Event(EventKind::kFeeNotified, on);
    app_.events.back().fee_fen = fen;
    return *this;
  }
  ApplicationBuilder& FeePaid(std::string_view on, int64_t fen) {
    Event(EventKind::kFeePaid, on);
    app_.events.back().fee_fen = fen;
    return *this;
  }
  ApplicationBuilder& FeeLapsed(std::string_view on) { return Event(EventKind::kFeeLapsed, on); }
  ApplicationBuilder& Answered(std::string_view on, Outcome outcome) {
    Event(EventKind::kAnswered, on);
    app_.events.back().outcome = outcome;
    return *this;
  }
  ApplicationBuilder& Withdrawn(std::string_view on) { return Event(EventKind::kWithdrawn, on); }

  Application Build() const { return app_; }
  operator Application() const { return app_; }  // NOLINT(google-explicit-constructor)

 private:
  Application app_;
};

#ifdef GONGKAI_SOURCE_DATA_DIR
// The real calendar of the source tree (data/holidays-cn.csv), loaded once. Aborts if the file
// is missing or invalid — every deadline test depends on it.
inline const WorkCalendar& RealCalendar() {
  static const WorkCalendar* cal = [] {
    const std::string path = std::string(GONGKAI_SOURCE_DATA_DIR) + "/holidays-cn.csv";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Result<WorkCalendar> c = WorkCalendar::FromCsv(text.str(), path);
    if (!in || !c.ok()) {
      std::fprintf(stderr, "RealCalendar: cannot load %s: %s\n", path.c_str(),
                   c.ok() ? "read error" : c.status().message().c_str());
      std::abort();
    }
    return new WorkCalendar(std::move(c).value());
  }();
  return *cal;
}
#endif

}  // namespace gongkai::testutil
