// The demo data generator (`gongkai demo generate`): fictional agencies of a fictional city
// (江北省江城市) with years of consistent records — catalog items and normative documents,
// applications over every channel, applicant type and outcome with 补正, consultations,
// extensions, fees, withdrawals, late answers and carry-overs, reviews and lawsuits, responses,
// meetings, trainings, staffing, manual figures and narratives — so that every report built
// from them balances by construction.
#pragma once

#include <optional>

#include <cstdint>

#include "core/calendar/work_calendar.h"
#include "core/records.h"
#include "core/status.h"

namespace gongkai {

struct DemoOptions {
  int agencies = 2;        // the first is a district government office, the rest departments
  int applications = 600;  // in total, spread over agencies and years (more in later years)
  uint64_t seed = 2026;
  int first_year = 2018;
  int last_year = 2025;  // nothing is dated after 31 December of this year; cases still
                         // running then stay open
  // Stop at this day instead of 31 December of last_year (it must fall in last_year): nothing
  // is received, decided or published after it, and cases still running then stay open — a demo
  // that ends "today".
  std::optional<Date> until;
  const WorkCalendar* calendar = nullptr;  // REQUIRED: working days for dates and deadlines
};

// Deterministic: the same options give the same dataset on every platform (std::mt19937_64 with
// our own distributions). Errors: kInvalidInput for options out of range (agencies 1–60,
// applications 0–1,000,000, years inside the calendar, first ≤ last, `until` outside last_year,
// no calendar).
Result<Dataset> GenerateDemo(const DemoOptions& options);

}  // namespace gongkai
