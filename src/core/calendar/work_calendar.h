// WorkCalendar (工作日历): which days are working days (工作日) — Monday to Friday unless an
// announced holiday, plus weekend days announced as 调休 working days. Built from the rows of
// data/holidays-cn.csv (regulation.md §7); reading the file is the caller's job.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace gongkai {
namespace internal_calendar {
struct Builder;
}

enum class DayKind { kHoliday, kWorkday };  // "holiday" / "workday" in the CSV

struct CalendarEntry {
  Date date;
  DayKind kind;
  std::string name;  // e.g. "春节"
};

class WorkCalendar {
 public:
  // Parses the CSV text (header "date,kind,name"; a UTF-8 BOM, CRLF line ends, blank lines and
  // a double-quoted name are accepted). Errors (kInvalidInput) name the line:
  // "holidays-cn.csv:12: …" — a bad date, an unknown kind, a wrong number of columns, a date
  // listed twice, a 调休 workday that is not a Saturday or Sunday, or a file without entries.
  // The covered years are those with at least one entry dated in them (a notice always lists
  // the year's holidays), so the file from 2008 to 2026 covers exactly 2008–2026. An entry dated
  // 25–31 December belongs to the following year's notice (元旦 joined with the year-end
  // weekend, e.g. 2007-12-29), so it makes the following year covered, not its own.
  static Result<WorkCalendar> FromCsv(std::string_view csv_text,
                                      std::string_view source_name = "holidays-cn.csv");
  // Same rules as FromCsv, errors name the date instead of the line. No entries = no year
  // covered (every query is kOutOfCalendar).
  static Result<WorkCalendar> FromEntries(std::vector<CalendarEntry> entries);

  // Whether `day` is a working day. kOutOfCalendar ("日历未收录2031年的节假日安排…") if
  // the year is not covered — never a guess.
  Result<bool> IsWorkingDay(Date day) const;
  // The entry for `day` if the notice names it (holiday or 调休 workday), else nullptr. Also
  // finds entries dated outside the covered years (e.g. 2007-12-29).
  const CalendarEntry* Find(Date day) const;
  bool Covers(int year) const;
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  // All entries, sorted by date.
  const std::vector<CalendarEntry>& entries() const { return entries_; }

  // The kOutOfCalendar status for a year the calendar does not cover.
  Status OutOfCalendarError(int year) const;

  // Low-level access for bulk arithmetic (application/deadline.cc): the flag of day `d` is
  // day_flags()[d.days() - first_day()] when 0 <= that index < day_count(); days outside the
  // table are uncovered.
  enum DayFlag : unsigned char { kRestDay = 0, kWorkingDay = 1, kUncoveredDay = 2 };
  const unsigned char* day_flags() const { return working_.data(); }
  int32_t first_day() const { return first_day_; }
  int32_t day_count() const { return static_cast<int32_t>(working_.size()); }

 private:
  friend struct internal_calendar::Builder;

  // Flat per-day table from 1 Jan first_year_ to 31 Dec last_year_: a DayFlag per day.
  std::vector<unsigned char> working_;
  std::vector<CalendarEntry> entries_;  // sorted by date
  int32_t first_day_ = 0;               // days() of 1 Jan first_year_
  int first_year_ = 0;
  int last_year_ = -1;
  std::vector<bool> covered_;           // index = year - first_year_
  std::string source_ = "data/holidays-cn.csv";  // named in kOutOfCalendar messages
};

}  // namespace gongkai
