// WorkCalendar (工作日历): which days are working days (工作日) — Monday to Friday unless an
// announced holiday, plus weekend days announced as 调休 working days. Built from the rows of
// data/holidays-cn.csv (regulation.md §7); reading the file is the caller's job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace gongkai {

enum class DayKind { kHoliday, kWorkday };  // "holiday" / "workday" in the CSV

struct CalendarEntry {
  Date date;
  DayKind kind;
  std::string name;  // e.g. "春节"
};

class WorkCalendar {
 public:
  // Parses the CSV text (header "date,kind,name"). Errors name the line: "holidays-cn.csv:12: …".
  // The covered years are those with at least one entry dated in them (a notice always lists
  // the year's holidays), so the file from 2008 to 2026 covers exactly 2008–2026.
  static Result<WorkCalendar> FromCsv(std::string_view csv_text,
                                      std::string_view source_name = "holidays-cn.csv");
  static Result<WorkCalendar> FromEntries(std::vector<CalendarEntry> entries);

  // Whether `day` is a working day. kOutOfCalendar ("日历未收录 2031 年的节假日安排…") if
  // the year is not covered — never a guess.
  Result<bool> IsWorkingDay(Date day) const;
  // The entry for `day` if the notice names it (holiday or 调休 workday).
  const CalendarEntry* Find(Date day) const;
  bool Covers(int year) const;
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }

 private:
  // Flat per-day table for fast arithmetic: 0 = rest day, 1 = working day.
  std::vector<unsigned char> working_;
  std::vector<CalendarEntry> entries_;  // sorted by date
  int32_t first_day_ = 0;               // days() of 1 Jan first_year_
  int first_year_ = 0;
  int last_year_ = -1;
  std::vector<bool> covered_;           // index = year - first_year_
};

}  // namespace gongkai
