// The statutory answer deadline of an application (regulation.md §2.3–2.4), computed from its
// events and the working-day calendar — never stored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/application.h"
#include "core/calendar/work_calendar.h"
#include "core/date.h"
#include "core/status.h"

namespace gongkai {

// A closed, inclusive range of days during which the clock is paused (a consultation, Art. 32–34).
struct Pause {
  Date from;
  Date to;
};

// The facts the deadline depends on, independent of how they were recorded.
struct DeadlineInput {
  Date received_on;
  Channel channel = Channel::kInPerson;
  std::optional<Date> confirmed_on;         // defaults to received_on
  std::optional<RuleSet> rules;             // defaults by statutory receipt date
  std::optional<Date> correction_received;  // 补正 received: the period restarts (Art. 30)
  std::vector<Pause> pauses;
  int extension_days = 0;                   // approved extension, ≤ 15 (2008) / ≤ 20 (2019)
};

// One line of the explanation, in Chinese, e.g. "2019-10-01 国庆节 放假，不计".
struct DeadlineStep {
  Date on;
  std::string text;
};

struct Deadline {
  RuleSet rules = RuleSet::k2019;
  Date statutory_receipt;   // 收到申请之日 (Art. 31)
  Date start;               // the day the count starts after (receipt, or 补正 received)
  int base_days = 20;       // 15 or 20
  int extension_days = 0;
  Date base_due;            // due without extension: extensions must be approved before it
  Date due;                 // last day to answer
  bool confirmed_defaulted = false;  // 平信/网络/传真 without confirmed_on: received_on was used
  int paused_days = 0;      // working days up to `due` not counted because of a pause
  std::vector<DeadlineStep> steps;  // the reasoning, in order
};

// Computes the deadline. Errors: kInvalidInput (extension negative or above the maximum, a pause
// that ends before it starts, a correction before the statutory receipt, a confirmation before
// receipt, a statutory receipt before 2008-05-01 when no regulation was in force),
// kOutOfCalendar (a day to count lies in a year the calendar does not cover).
// With explain = false, `steps` stays empty (the fast path for bulk use; no allocation).
//
// Counting: day 1 is the first working day after `start`; working days from a pause's first to
// its last day (inclusive) are skipped; `base_due` is the base_days-th counted day and `due`
// the (base_days + extension_days)-th. docs/deadlines.md has worked examples.
Result<Deadline> ComputeDeadline(const DeadlineInput& in, const WorkCalendar& cal,
                                 bool explain = true);

// The 7-working-day limit for sending the 补正 notice (Reg2019 Art. 30), counted from the
// statutory receipt date (the 7th working day after it). kOutOfCalendar as above.
Result<Date> CorrectionNoticeDue(Date statutory_receipt, const WorkCalendar& cal);

// The deadline input an application's events imply: the last correction received, every
// consultation as a pause (an open one runs to `today`), the sum of approved extensions.
// Under the 2008 rules only third-party consultations pause the clock (Reg2008 Art. 24 para 3;
// consulting other agencies became excluded time only with Reg2019 Art. 33).
DeadlineInput DeadlineInputOf(const Application& app, Date today);

// Working days from `from` (exclusive) to `to` (inclusive); negative if `to` is before `from`.
// kOutOfCalendar if a day in between lies in a year the calendar does not cover.
Result<int> WorkingDaysBetween(Date from, Date to, const WorkCalendar& cal);

}  // namespace gongkai
