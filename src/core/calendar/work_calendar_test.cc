#include "core/calendar/work_calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <string>
#include <vector>

#include "core/application/testing.h"

namespace gongkai {
namespace {

using ::testing::HasSubstr;
using testutil::D;
using testutil::RealCalendar;

// --- The real calendar (data/holidays-cn.csv) -------------------------------------------------

TEST(WorkCalendarRealTest, CoversExactly2008To2026) {
  const WorkCalendar& cal = RealCalendar();
  EXPECT_EQ(cal.first_year(), 2008);
  EXPECT_EQ(cal.last_year(), 2026);
  for (int y = 2008; y <= 2026; ++y) EXPECT_TRUE(cal.Covers(y)) << y;
  // 2007 has entries (2007-12-29/30/31) but they belong to the 2008 notice.
  EXPECT_FALSE(cal.Covers(2007));
  EXPECT_FALSE(cal.Covers(2027));
}

struct DayCase {
  const char* date;
  bool working;
  const char* why;
};

void PrintTo(const DayCase& c, std::ostream* os) { *os << c.date; }

class WorkCalendarDayTest : public ::testing::TestWithParam<DayCase> {};

TEST_P(WorkCalendarDayTest, IsWorkingDay) {
  const DayCase& c = GetParam();
  Result<bool> w = RealCalendar().IsWorkingDay(D(c.date));
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_EQ(*w, c.working) << c.date << " " << c.why;
}

INSTANTIATE_TEST_SUITE_P(
    Days, WorkCalendarDayTest,
    ::testing::Values(
        DayCase{"2019-06-03", true, "ordinary Monday"},
        DayCase{"2019-06-08", false, "Saturday listed as 端午节 holiday (weekend anyway)"},
        DayCase{"2019-06-15", false, "ordinary Saturday"},
        DayCase{"2019-06-16", false, "ordinary Sunday"},
        DayCase{"2019-06-07", false, "端午节 Friday"},
        DayCase{"2019-09-29", true, "Sunday worked for 国庆节 (调休)"},
        DayCase{"2019-10-01", false, "国庆节 Tuesday"},
        DayCase{"2019-10-07", false, "国庆节 Monday"},
        DayCase{"2019-10-08", true, "first day back"},
        DayCase{"2019-10-12", true, "Saturday worked for 国庆节"},
        DayCase{"2019-10-13", false, "Sunday after the 调休 Saturday"},
        DayCase{"2018-02-11", true, "Sunday worked before 春节 2018"},
        DayCase{"2018-02-15", false, "春节 2018 Thursday"},
        DayCase{"2018-02-21", false, "春节 2018 last day (Wednesday)"},
        DayCase{"2018-02-22", true, "back after 春节 2018"},
        DayCase{"2018-02-24", true, "Saturday worked after 春节 2018"},
        DayCase{"2020-01-19", true, "Sunday worked before 春节 2020"},
        DayCase{"2020-01-31", false, "春节 2020 extension (国办发明电〔2020〕1号)"},
        DayCase{"2020-02-01", false, "Saturday: the original 调休 workday cancelled"},
        DayCase{"2020-02-02", false, "Sunday, end of the extended break"},
        DayCase{"2020-02-03", true, "back after the extended break"},
        DayCase{"2015-09-03", false, "抗战胜利70周年纪念日"},
        DayCase{"2015-09-04", false, "joined to the 纪念日"},
        DayCase{"2015-09-06", true, "Sunday worked for the 纪念日"},
        DayCase{"2024-02-09", true, "除夕 2024: only encouraged leave, a working day"},
        DayCase{"2008-01-02", true, "ordinary Wednesday after 元旦 2008"},
        DayCase{"2026-12-31", true, "ordinary Thursday, last covered day"}));

TEST(WorkCalendarRealTest, WeekdayHolidaysMinusWorkdaysMatchTheStatutoryTotals) {
  // regulation.md §7: per notice year, weekday holidays − 调休 workdays = the statutory holiday
  // count: 11 (2008–2024), 12 in 2015 (纪念日), 13 in 2020 (COVID extension), 13 from 2025.
  // Here the difference is measured through IsWorkingDay over the notice year: days 25–31
  // December belong to the next notice, as in the calendar's own coverage rule.
  const WorkCalendar& cal = RealCalendar();
  for (int y = 2009; y <= 2026; ++y) {
    int lost = 0;  // weekdays not worked − weekend days worked
    for (Date d = D(std::to_string(y - 1) + "-12-25"); d < D(std::to_string(y) + "-12-25");
         d = d.Next()) {
      Result<bool> w = cal.IsWorkingDay(d);
      ASSERT_TRUE(w.ok()) << d.ToString();
      if (!d.is_weekend() && !*w) ++lost;
      if (d.is_weekend() && *w) --lost;
    }
    const int expected = y == 2015 ? 12 : y == 2020 ? 13 : y >= 2025 ? 13 : 11;
    EXPECT_EQ(lost, expected) << y;
  }
}

TEST(WorkCalendarRealTest, YearsOutsideTheFileAreErrorsNotGuesses) {
  const WorkCalendar& cal = RealCalendar();
  Result<bool> w = cal.IsWorkingDay(D("2027-03-01"));
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), ErrorCode::kOutOfCalendar);
  EXPECT_THAT(w.status().message(), HasSubstr("日历未收录2027年的节假日安排"));
  EXPECT_THAT(w.status().message(), HasSubstr("holidays-cn.csv"));

  // 2007-12-31 is listed (2008 notice) but 2007 itself is not covered.
  w = cal.IsWorkingDay(D("2007-12-31"));
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), ErrorCode::kOutOfCalendar);
  EXPECT_THAT(w.status().message(), HasSubstr("2007年"));
  w = cal.IsWorkingDay(D("1999-01-04"));
  EXPECT_EQ(w.status().code(), ErrorCode::kOutOfCalendar);
}

TEST(WorkCalendarRealTest, FindReturnsNamedEntries) {
  const WorkCalendar& cal = RealCalendar();
  const CalendarEntry* e = cal.Find(D("2019-09-29"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, DayKind::kWorkday);
  EXPECT_EQ(e->name, "国庆节");
  e = cal.Find(D("2015-09-03"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, DayKind::kHoliday);
  EXPECT_EQ(e->name, "抗战胜利70周年纪念日");
  e = cal.Find(D("2007-12-29"));  // outside the covered years, still found
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, DayKind::kWorkday);
  EXPECT_EQ(cal.Find(D("2019-06-04")), nullptr);
  EXPECT_EQ(cal.Find(D("2030-01-01")), nullptr);
}

// --- Parsing ------------------------------------------------------------------------------------

TEST(WorkCalendarCsvTest, AcceptsBomCrlfBlankLinesAndQuotedNames) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "date,kind,name\r\n"
      "2019-10-01,holiday,国庆节\r\n"
      "\r\n"
      "2019-09-29,workday,\"国庆节, 调休\"\r\n"
      "  2019-10-02 , holiday , \"他说\"\"放假\"\"\"  \n"
      "2019-10-03,holiday,";  // no final newline, empty name
  Result<WorkCalendar> cal = WorkCalendar::FromCsv(csv, "t.csv");
  ASSERT_TRUE(cal.ok()) << cal.status().message();
  ASSERT_EQ(cal->entries().size(), 4u);
  EXPECT_EQ(cal->Find(D("2019-09-29"))->name, "国庆节, 调休");
  EXPECT_EQ(cal->Find(D("2019-10-02"))->name, "他说\"放假\"");
  EXPECT_EQ(cal->Find(D("2019-10-03"))->name, "");
  EXPECT_EQ(cal->entries().front().date, D("2019-09-29"));  // sorted
  EXPECT_TRUE(*cal->IsWorkingDay(D("2019-09-29")));
  EXPECT_FALSE(*cal->IsWorkingDay(D("2019-10-01")));
  EXPECT_FALSE(*cal->IsWorkingDay(D("2019-10-03")));
  EXPECT_TRUE(*cal->IsWorkingDay(D("2019-10-04")));  // not listed in this small file
  EXPECT_TRUE(cal->Covers(2019));
  EXPECT_FALSE(cal->Covers(2018));
  EXPECT_FALSE(cal->Covers(2020));
}

struct BadCsvCase {
  const char* name;
  std::string csv;
  std::string expected;  // substring of the message
};

void PrintTo(const BadCsvCase& c, std::ostream* os) { *os << c.name; }

class WorkCalendarBadCsvTest : public ::testing::TestWithParam<BadCsvCase> {};

TEST_P(WorkCalendarBadCsvTest, NamesFileAndLine) {
  const BadCsvCase& c = GetParam();
  Result<WorkCalendar> cal = WorkCalendar::FromCsv(c.csv, "holidays-cn.csv");
  ASSERT_FALSE(cal.ok()) << c.name;
  EXPECT_EQ(cal.status().code(), ErrorCode::kInvalidInput);
  EXPECT_THAT(cal.status().message(), HasSubstr(c.expected)) << c.name;
}

const std::string kHeader = "date,kind,name\n";
const std::string kGood = "2019-10-01,holiday,国庆节\n";

INSTANTIATE_TEST_SUITE_P(
    Errors, WorkCalendarBadCsvTest,
    ::testing::Values(
        BadCsvCase{"impossible date", kHeader + kGood + "2019-13-01,holiday,x\n",
                   "holidays-cn.csv:3: 日期 \"2019-13-01\" 无效"},
        BadCsvCase{"29 February of a common year", kHeader + "2019-02-29,holiday,春节\n",
                   "holidays-cn.csv:2: 日期"},
        BadCsvCase{"slashes", kHeader + "2019/10/01,holiday,国庆节\n", "holidays-cn.csv:2: 日期"},
        BadCsvCase{"no leading zeros", kHeader + "2019-10-1,holiday,国庆节\n",
                   "holidays-cn.csv:2: 日期"},
        BadCsvCase{"unknown kind", kHeader + kGood + "2019-10-02,rest,国庆节\n",
                   "holidays-cn.csv:3: 类型 \"rest\" 无效（应为 holiday 或 workday）"},
        BadCsvCase{"kind in Chinese", kHeader + "2019-10-02,放假,国庆节\n",
                   "holidays-cn.csv:2: 类型"},
        BadCsvCase{"two columns", kHeader + "2019-10-02,holiday\n", "holidays-cn.csv:2: 应有 3 列"},
        BadCsvCase{"four columns", kHeader + "2019-10-02,holiday,国庆节,extra\n",
                   "holidays-cn.csv:2: 应有 3 列"},
        BadCsvCase{"duplicate date", kHeader + kGood + "2019-10-02,holiday,国庆节\n" + kGood,
                   "holidays-cn.csv:4: 日期 2019-10-01 重复出现（另见 holidays-cn.csv:2）"},
        BadCsvCase{"workday on a weekday", kHeader + "2019-09-30,workday,国庆节\n",
                   "holidays-cn.csv:2: 调休上班日 2019-09-30 是星期一，不是周末"},
        BadCsvCase{"wrong header", "datum,art,name\n" + kGood, "holidays-cn.csv:1: 表头应为"},
        BadCsvCase{"header missing", kGood, "holidays-cn.csv:1: 表头应为"},
        BadCsvCase{"empty file", "", "holidays-cn.csv:1: 文件为空"},
        BadCsvCase{"header only", kHeader, "没有任何节假日条目"},
        BadCsvCase{"unterminated quote", kHeader + "2019-10-02,holiday,\"国庆节\n",
                   "holidays-cn.csv:2: 引号不配对"},
        BadCsvCase{"text after a quoted field", kHeader + "2019-10-02,holiday,\"国庆\"节\n",
                   "holidays-cn.csv:2: 引号不配对"}),
    [](const ::testing::TestParamInfo<BadCsvCase>& info) {
      std::string n = info.param.name;
      for (char& ch : n) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return n;
    });

TEST(WorkCalendarCsvTest, ErrorUsesTheGivenSourceName) {
  Result<WorkCalendar> cal =
      WorkCalendar::FromCsv(kHeader + "x,holiday,y\n", "/srv/data/holidays-cn.csv");
  ASSERT_FALSE(cal.ok());
  EXPECT_THAT(cal.status().message(), HasSubstr("/srv/data/holidays-cn.csv:2:"));
}

// --- Coverage -----------------------------------------------------------------------------------

TEST(WorkCalendarCoverageTest, AYearWithoutEntriesBetweenTwoCoveredYearsIsNotCovered) {
  Result<WorkCalendar> cal = WorkCalendar::FromCsv(kHeader + "2019-10-01,holiday,国庆节\n" +
                                                   "2021-10-01,holiday,国庆节\n");
  ASSERT_TRUE(cal.ok());
  EXPECT_TRUE(cal->Covers(2019));
  EXPECT_FALSE(cal->Covers(2020));
  EXPECT_TRUE(cal->Covers(2021));
  Result<bool> w = cal->IsWorkingDay(D("2020-06-01"));
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), ErrorCode::kOutOfCalendar);
  EXPECT_EQ(
      w.status().message(),
      "日历未收录2020年的节假日安排：请在 holidays-cn.csv 中加入该年国务院办公厅通知的放假安排");
  EXPECT_TRUE(*cal->IsWorkingDay(D("2021-06-01")));
}

TEST(WorkCalendarCoverageTest, LateDecemberEntriesBelongToTheNextNotice) {
  // A 2031 notice whose 元旦 break starts on 2030-12-30 (cf. 2007-12-29 for 2008).
  Result<WorkCalendar> cal =
      WorkCalendar::FromCsv(kHeader + "2030-12-28,workday,元旦\n" + "2030-12-30,holiday,元旦\n" +
                            "2031-01-01,holiday,元旦\n");
  ASSERT_TRUE(cal.ok()) << cal.status().message();
  EXPECT_FALSE(cal->Covers(2030));
  EXPECT_TRUE(cal->Covers(2031));
  EXPECT_EQ(cal->first_year(), 2031);
  EXPECT_EQ(cal->IsWorkingDay(D("2030-12-30")).status().code(), ErrorCode::kOutOfCalendar);
  EXPECT_FALSE(*cal->IsWorkingDay(D("2031-01-01")));
  EXPECT_TRUE(*cal->IsWorkingDay(D("2031-01-02")));
  ASSERT_NE(cal->Find(D("2030-12-28")), nullptr);

  // An entry on 24 December still counts for its own year.
  cal = WorkCalendar::FromCsv(kHeader + "2030-12-24,holiday,测试\n");
  ASSERT_TRUE(cal.ok());
  EXPECT_TRUE(cal->Covers(2030));
  EXPECT_FALSE(cal->Covers(2031));
}

TEST(WorkCalendarCoverageTest, WeekendHolidayRowsAreInformational) {
  Result<WorkCalendar> cal = WorkCalendar::FromCsv(kHeader + "2019-10-05,holiday,国庆节\n");
  ASSERT_TRUE(cal.ok());
  EXPECT_FALSE(*cal->IsWorkingDay(D("2019-10-05")));  // Saturday
  EXPECT_FALSE(*cal->IsWorkingDay(D("2019-10-06")));  // Sunday, not listed
  EXPECT_TRUE(*cal->IsWorkingDay(D("2019-10-07")));   // Monday, not listed here
}

TEST(WorkCalendarEntriesTest, FromEntriesSortsAndValidates) {
  std::vector<CalendarEntry> entries = {
      {D("2019-10-02"), DayKind::kHoliday, "国庆节"},
      {D("2019-09-29"), DayKind::kWorkday, "国庆节"},
      {D("2019-10-01"), DayKind::kHoliday, "国庆节"},
  };
  Result<WorkCalendar> cal = WorkCalendar::FromEntries(entries);
  ASSERT_TRUE(cal.ok());
  ASSERT_EQ(cal->entries().size(), 3u);
  EXPECT_EQ(cal->entries()[0].date, D("2019-09-29"));
  EXPECT_EQ(cal->entries()[2].date, D("2019-10-02"));
  EXPECT_TRUE(*cal->IsWorkingDay(D("2019-09-29")));

  entries.push_back({D("2019-10-01"), DayKind::kHoliday, "again"});
  cal = WorkCalendar::FromEntries(entries);
  ASSERT_FALSE(cal.ok());
  EXPECT_THAT(cal.status().message(), HasSubstr("2019-10-01 重复出现"));

  cal = WorkCalendar::FromEntries({{D("2019-10-08"), DayKind::kWorkday, "x"}});
  ASSERT_FALSE(cal.ok());
  EXPECT_THAT(cal.status().message(), HasSubstr("是星期二，不是周末"));
}

TEST(WorkCalendarEntriesTest, EmptyCalendarCoversNothing) {
  Result<WorkCalendar> cal = WorkCalendar::FromEntries({});
  ASSERT_TRUE(cal.ok());
  EXPECT_FALSE(cal->Covers(2019));
  Result<bool> w = cal->IsWorkingDay(D("2019-06-03"));
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), ErrorCode::kOutOfCalendar);
  EXPECT_EQ(cal->Find(D("2019-06-03")), nullptr);
}

TEST(WorkCalendarEntriesTest, DayTableAgreesWithIsWorkingDay) {
  const WorkCalendar& cal = RealCalendar();
  ASSERT_EQ(cal.first_day(), D("2008-01-01").days());
  ASSERT_EQ(cal.day_count(), D("2027-01-01").days() - D("2008-01-01").days());
  for (int32_t i = 0; i < cal.day_count(); ++i) {
    const Date d = Date::FromDays(cal.first_day() + i);
    Result<bool> w = cal.IsWorkingDay(d);
    ASSERT_TRUE(w.ok());
    ASSERT_EQ(cal.day_flags()[i], *w ? WorkCalendar::kWorkingDay : WorkCalendar::kRestDay)
        << d.ToString();
  }
}

}  // namespace
}  // namespace gongkai
