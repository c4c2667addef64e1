#include "core/calendar/work_calendar.h"

#include <algorithm>
#include <utility>

namespace gongkai {
namespace {

// The year whose notice an entry belongs to: 25–31 December rows are the following year's
// 元旦 break or 调休 (regulation.md §7: 2007-12-29/30/31 come from the 2008 notice).
int NoticeYear(Date d) {
  const int y = d.year();
  return d.month() == 12 && d.day() >= 25 ? y + 1 : y;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits one CSV line into fields; a field may be double-quoted with "" for a quote.
// Returns false on an unterminated quote.
bool SplitCsvLine(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  size_t i = 0;
  while (true) {
    std::string field;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i < line.size() && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        field += line[i++];
      }
      if (!closed) return false;
      while (i < line.size() && line[i] != ',') {
        if (line[i] != ' ' && line[i] != '\t') return false;  // text after the closing quote
        ++i;
      }
    } else {
      const size_t comma = line.find(',', i);
      const size_t end = comma == std::string_view::npos ? line.size() : comma;
      field = std::string(Trim(line.substr(i, end - i)));
      i = end;
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) return true;
    ++i;  // the comma
  }
}

}  // namespace

namespace internal_calendar {

// An entry with its locator for messages.
struct Located {
  CalendarEntry entry;
  std::string where;  // "holidays-cn.csv:12" or the date
};

// Defined here rather than in an anonymous namespace so it can fill the private members.
struct Builder {
  static Result<WorkCalendar> Build(std::vector<Located> rows, std::string source) {
    std::stable_sort(rows.begin(), rows.end(), [](const Located& a, const Located& b) {
      return a.entry.date < b.entry.date;
    });
    for (size_t i = 0; i < rows.size(); ++i) {
      const CalendarEntry& e = rows[i].entry;
      if (i > 0 && rows[i - 1].entry.date == e.date) {
        return InvalidInput(rows[i].where + ": 日期 " + e.date.ToString() + " 重复出现（另见 " +
                            rows[i - 1].where + "）");
      }
      if (e.kind == DayKind::kWorkday && !e.date.is_weekend()) {
        return InvalidInput(rows[i].where + ": 调休上班日 " + e.date.ToString() + " 是" +
                            e.date.WeekdayChinese() + "，不是周末（workday 只用于周六、周日）");
      }
    }

    WorkCalendar cal;
    cal.source_ = std::move(source);
    cal.entries_.reserve(rows.size());
    for (Located& r : rows) cal.entries_.push_back(std::move(r.entry));
    if (cal.entries_.empty()) return cal;

    int first = NoticeYear(cal.entries_.front().date);
    int last = first;
    for (const CalendarEntry& e : cal.entries_) {
      first = std::min(first, NoticeYear(e.date));
      last = std::max(last, NoticeYear(e.date));
    }
    cal.first_year_ = first;
    cal.last_year_ = last;
    cal.covered_.assign(static_cast<size_t>(last - first + 1), false);
    for (const CalendarEntry& e : cal.entries_) {
      cal.covered_[static_cast<size_t>(NoticeYear(e.date) - first)] = true;
    }

    cal.first_day_ = Date::FromYmd(first, 1, 1).days();
    const int32_t end_day = Date::FromYmd(last + 1, 1, 1).days();
    cal.working_.assign(static_cast<size_t>(end_day - cal.first_day_), WorkCalendar::kRestDay);
    for (int y = first; y <= last; ++y) {
      const int32_t from = Date::FromYmd(y, 1, 1).days();
      const int32_t to = Date::FromYmd(y + 1, 1, 1).days();
      const bool covered = cal.covered_[static_cast<size_t>(y - first)];
      for (int32_t d = from; d < to; ++d) {
        unsigned char flag = WorkCalendar::kUncoveredDay;
        if (covered) {
          flag =
              Date::FromDays(d).is_weekend() ? WorkCalendar::kRestDay : WorkCalendar::kWorkingDay;
        }
        cal.working_[static_cast<size_t>(d - cal.first_day_)] = flag;
      }
    }
    for (const CalendarEntry& e : cal.entries_) {
      const int32_t i = e.date.days() - cal.first_day_;
      if (i < 0 || i >= cal.day_count()) continue;  // e.g. 2007-12-29 before the first year
      unsigned char& flag = cal.working_[static_cast<size_t>(i)];
      if (flag == WorkCalendar::kUncoveredDay) continue;  // its own year has no notice
      flag = e.kind == DayKind::kWorkday ? WorkCalendar::kWorkingDay : WorkCalendar::kRestDay;
    }
    return cal;
  }
};

}  // namespace internal_calendar

Result<WorkCalendar> WorkCalendar::FromCsv(std::string_view csv_text,
                                           std::string_view source_name) {
  const std::string source(source_name);
  std::string_view text = csv_text;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  std::vector<internal_calendar::Located> rows;
  std::vector<std::string> fields;
  bool header_seen = false;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t nl = text.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    const std::string where = source + ":" + std::to_string(line_no);
    const std::string_view line = Trim(raw);
    if (line.empty()) {
      if (nl == std::string_view::npos) break;
      continue;
    }
    if (!SplitCsvLine(line, fields)) {
      return InvalidInput(where + ": 引号不配对：" + std::string(line.substr(0, 60)));
    }
    if (!header_seen) {
      header_seen = true;
      if (fields.size() != 3 || fields[0] != "date" || fields[1] != "kind" || fields[2] != "name") {
        return InvalidInput(where + ": 表头应为 date,kind,name，实际为 \"" +
                            std::string(line.substr(0, 60)) + "\"");
      }
      continue;
    }
    if (fields.size() != 3) {
      return InvalidInput(where + ": 应有 3 列（date,kind,name），实际为 " +
                          std::to_string(fields.size()) + " 列：" +
                          std::string(line.substr(0, 60)));
    }
    Result<Date> date = Date::Parse(fields[0]);
    if (!date.ok() || fields[0].size() != 10 || fields[0][4] != '-') {
      return InvalidInput(where + ": 日期 \"" + fields[0].substr(0, 40) +
                          "\" 无效（应为 YYYY-MM-DD）");
    }
    DayKind kind;
    if (fields[1] == "holiday") {
      kind = DayKind::kHoliday;
    } else if (fields[1] == "workday") {
      kind = DayKind::kWorkday;
    } else {
      return InvalidInput(where + ": 类型 \"" + fields[1].substr(0, 40) +
                          "\" 无效（应为 holiday 或 workday）");
    }
    rows.push_back({CalendarEntry{*date, kind, std::move(fields[2])}, where});
    if (nl == std::string_view::npos) break;
  }
  if (!header_seen) return InvalidInput(source + ":1: 文件为空（应有表头 date,kind,name）");
  if (rows.empty()) return InvalidInput(source + ": 没有任何节假日条目");
  return internal_calendar::Builder::Build(std::move(rows), source);
}

Result<WorkCalendar> WorkCalendar::FromEntries(std::vector<CalendarEntry> entries) {
  std::vector<internal_calendar::Located> rows;
  rows.reserve(entries.size());
  for (CalendarEntry& e : entries) {
    std::string where = e.date.ToString();
    rows.push_back({std::move(e), std::move(where)});
  }
  return internal_calendar::Builder::Build(std::move(rows), "data/holidays-cn.csv");
}

Status WorkCalendar::OutOfCalendarError(int year) const {
  return OutOfCalendar("日历未收录" + std::to_string(year) + "年的节假日安排：请在 " + source_ +
                       " 中加入该年国务院办公厅通知的放假安排");
}

Result<bool> WorkCalendar::IsWorkingDay(Date day) const {
  const int32_t i = day.days() - first_day_;
  if (i < 0 || i >= day_count() || working_[static_cast<size_t>(i)] == kUncoveredDay) {
    return OutOfCalendarError(day.year());
  }
  return working_[static_cast<size_t>(i)] == kWorkingDay;
}

const CalendarEntry* WorkCalendar::Find(Date day) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), day,
                             [](const CalendarEntry& e, Date d) { return e.date < d; });
  if (it == entries_.end() || it->date != day) return nullptr;
  return &*it;
}

bool WorkCalendar::Covers(int year) const {
  if (year < first_year_ || year > last_year_) return false;
  return covered_[static_cast<size_t>(year - first_year_)];
}

}  // namespace gongkai
