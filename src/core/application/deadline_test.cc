#include "core/application/deadline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/application/testing.h"

namespace gongkai {
namespace {

using ::testing::HasSubstr;
using testutil::ApplicationBuilder;
using testutil::D;
using testutil::RealCalendar;

struct DeadlineCase {
  const char* name;
  // input
  const char* received;
  Channel channel = Channel::kInPerson;
  const char* confirmed = nullptr;
  std::optional<RuleSet> rules = std::nullopt;
  const char* correction = nullptr;
  std::vector<std::pair<const char*, const char*>> pauses = {};
  int extension = 0;
  // expected
  RuleSet want_rules = RuleSet::k2019;
  const char* want_start = nullptr;
  const char* want_base_due = nullptr;
  const char* want_due = nullptr;
  int want_paused = 0;
};

// Short names in test listings (ctest shows GetParam()).
void PrintTo(const DeadlineCase& c, std::ostream* os) { *os << c.name; }

DeadlineInput InputOf(const DeadlineCase& c) {
  DeadlineInput in;
  in.received_on = D(c.received);
  in.channel = c.channel;
  if (c.confirmed != nullptr) in.confirmed_on = D(c.confirmed);
  in.rules = c.rules;
  if (c.correction != nullptr) in.correction_received = D(c.correction);
  for (const auto& [from, to] : c.pauses) in.pauses.push_back(Pause{D(from), D(to)});
  in.extension_days = c.extension;
  return in;
}

class DeadlineCaseTest : public ::testing::TestWithParam<DeadlineCase> {};

TEST_P(DeadlineCaseTest, ComputesDueDates) {
  const DeadlineCase& c = GetParam();
  for (bool explain : {false, true}) {
    Result<Deadline> dl = ComputeDeadline(InputOf(c), RealCalendar(), explain);
    ASSERT_TRUE(dl.ok()) << dl.status().message();
    EXPECT_EQ(dl->rules, c.want_rules);
    EXPECT_EQ(dl->base_days, c.want_rules == RuleSet::k2019 ? 20 : 15);
    EXPECT_EQ(dl->extension_days, c.extension);
    EXPECT_EQ(dl->start.ToString(), c.want_start);
    EXPECT_EQ(dl->base_due.ToString(), c.want_base_due);
    EXPECT_EQ(dl->due.ToString(), c.want_due);
    EXPECT_EQ(dl->paused_days, c.want_paused);
    EXPECT_EQ(dl->steps.empty(), !explain);
  }
}

// Every expected date below was counted by hand from data/holidays-cn.csv; the comments show
// the count ("n" = n-th working day after the start).
INSTANTIATE_TEST_SUITE_P(
    Cases, DeadlineCaseTest,
    ::testing::Values(
        // Fri before 国庆 2019, online, confirmed the same day. 9-28 Sat off; 9-29 Sun worked = 1;
        // 9-30 = 2; 10-01..07 off; 10-08..11 = 3..6; 10-12 Sat worked = 7; 10-14..18 = 8..12;
        // 10-21..25 = 13..17; 10-28, 29, 30 = 18, 19, 20.
        DeadlineCase{.name = "national_day_2019_online",
                     .received = "2019-09-27",
                     .channel = Channel::kOnline,
                     .confirmed = "2019-09-27",
                     .want_start = "2019-09-27",
                     .want_base_due = "2019-10-30",
                     .want_due = "2019-10-30"},
        // + 20: 10-31, 11-01 = 2; 11-04..08 = 7; 11-11..15 = 12; 11-18..22 = 17; 11-25..27 = 20.
        DeadlineCase{.name = "national_day_2019_extension_20",
                     .received = "2019-09-27",
                     .channel = Channel::kOnline,
                     .confirmed = "2019-09-27",
                     .extension = 20,
                     .want_start = "2019-09-27",
                     .want_base_due = "2019-10-30",
                     .want_due = "2019-11-27"},
        // Received on a holiday: 10-04..07 off; 10-08..11 = 1..4; 10-12 Sat = 5; 10-14..18 = 10;
        // 10-21..25 = 15; 10-28..31 = 19; 11-01 = 20.
        DeadlineCase{.name = "received_during_national_day",
                     .received = "2019-10-03",
                     .channel = Channel::kOnline,
                     .confirmed = "2019-10-03",
                     .want_start = "2019-10-03",
                     .want_base_due = "2019-11-01",
                     .want_due = "2019-11-01"},
        // 2008 rules, Mon before 春节 2018: 2-13, 2-14 = 1, 2; 2-15..21 off; 2-22, 23 = 3, 4;
        // 2-24 Sat worked = 5; 2-26..3-02 = 10; 3-05..09 = 15.
        DeadlineCase{.name = "spring_festival_2018_in_person",
                     .received = "2018-02-12",
                     .want_rules = RuleSet::k2008,
                     .want_start = "2018-02-12",
                     .want_base_due = "2018-03-09",
                     .want_due = "2018-03-09"},
        // 2008 rules, extension 15 (the maximum): 3-12..16, 3-19..23, 3-26..30.
        DeadlineCase{.name = "spring_festival_2018_extension_15",
                     .received = "2018-02-12",
                     .extension = 15,
                     .want_rules = RuleSet::k2008,
                     .want_start = "2018-02-12",
                     .want_base_due = "2018-03-09",
                     .want_due = "2018-03-30"},
        // 2008 rules with a 补正 received 2018-02-22: 2-23 = 1; 2-24 Sat worked = 2;
        // 2-26..3-02 = 7; 3-05..09 = 12; 3-12, 13, 14 = 15.
        DeadlineCase{.name = "spring_festival_2018_correction",
                     .received = "2018-02-12",
                     .correction = "2018-02-22",
                     .want_rules = RuleSet::k2008,
                     .want_start = "2018-02-22",
                     .want_base_due = "2018-03-14",
                     .want_due = "2018-03-14"},
        // 春节 2020 extended to 2-02 and the 2-01 Sat workday cancelled: 1-21..23 = 1..3;
        // 1-24..2-02 off; 2-03..07 = 8; 2-10..14 = 13; 2-17..21 = 18; 2-24, 25 = 20. (With the
        // original notice it would have been 2-19.)
        DeadlineCase{.name = "spring_festival_2020_extended",
                     .received = "2020-01-20",
                     .want_start = "2020-01-20",
                     .want_base_due = "2020-02-25",
                     .want_due = "2020-02-25"},
        // 春节 2021, 2019 rules: 2-07 Sun worked = 1; 2-08..10 = 4; 2-11..17 off; 2-18, 19 = 6;
        // 2-20 Sat worked = 7; 2-22..26 = 12; 3-01..05 = 17; 3-08..10 = 20.
        DeadlineCase{.name = "spring_festival_2021",
                     .received = "2021-02-05",
                     .want_start = "2021-02-05",
                     .want_base_due = "2021-03-10",
                     .want_due = "2021-03-10"},
        // 2015-09-03 纪念日 (9-03..05 off, 9-06 Sun worked), 2008 rules: 9-02 = 1; 9-06 = 2;
        // 9-07..11 = 7; 9-14..18 = 12; 9-21..23 = 15.
        DeadlineCase{.name = "special_holiday_2015",
                     .received = "2015-09-01",
                     .want_rules = RuleSet::k2008,
                     .want_start = "2015-09-01",
                     .want_base_due = "2015-09-23",
                     .want_due = "2015-09-23"},
        // 补正 received Mon 2019-06-17: the period restarts (Art. 30): 6-18..21 = 4;
        // 6-24..28 = 9; 7-01..05 = 14; 7-08..12 = 19; 7-15 = 20.
        DeadlineCase{.name = "correction_restarts_the_period",
                     .received = "2019-06-03",
                     .correction = "2019-06-17",
                     .want_start = "2019-06-17",
                     .want_base_due = "2019-07-15",
                     .want_due = "2019-07-15"},
        // A consultation before the restart does not count against the new period.
        DeadlineCase{.name = "pause_before_correction_ignored",
                     .received = "2019-06-03",
                     .correction = "2019-06-17",
                     .pauses = {{"2019-06-05", "2019-06-10"}},
                     .want_start = "2019-06-17",
                     .want_base_due = "2019-07-15",
                     .want_due = "2019-07-15"},
        // Pause 9-26..10-10 across 国庆 2019: 9-23..25 = 3; paused working days 9-26, 27,
        // 9-29 (Sun worked), 9-30, 10-08, 09, 10 (7 days); 10-11 = 4; 10-12 Sat = 5;
        // 10-14..18 = 10; 10-21..25 = 15; 10-28..31 = 19; 11-01 = 20.
        DeadlineCase{.name = "pause_spanning_national_day",
                     .received = "2019-09-20",
                     .channel = Channel::kOnline,
                     .confirmed = "2019-09-20",
                     .pauses = {{"2019-09-26", "2019-10-10"}},
                     .want_start = "2019-09-20",
                     .want_base_due = "2019-11-01",
                     .want_due = "2019-11-01",
                     .want_paused = 7},
        // A pause that began before the start: 6-04, 05 paused; 6-06 = 1; 6-07 端午;
        // 6-10..14 = 6; 6-17..21 = 11; 6-24..28 = 16; 7-01..04 = 20.
        DeadlineCase{.name = "pause_straddling_start",
                     .received = "2019-06-03",
                     .pauses = {{"2019-06-01", "2019-06-05"}},
                     .want_start = "2019-06-03",
                     .want_base_due = "2019-07-04",
                     .want_due = "2019-07-04",
                     .want_paused = 2},
        // Overlapping pauses count each day once: 6-04..06, 6-10, 11 paused (5);
        // 6-12..14 = 3; 6-17..21 = 8; 6-24..28 = 13; 7-01..05 = 18; 7-08, 09 = 20.
        DeadlineCase{.name = "overlapping_pauses",
                     .received = "2019-06-03",
                     .pauses = {{"2019-06-04", "2019-06-06"}, {"2019-06-05", "2019-06-11"}},
                     .want_start = "2019-06-03",
                     .want_base_due = "2019-07-09",
                     .want_due = "2019-07-09",
                     .want_paused = 5},
        // One paused day shifts the base due (7-02 → 7-03); extension 5: 7-04, 05, 08, 09, 10.
        DeadlineCase{.name = "pause_then_extension",
                     .received = "2019-06-03",
                     .pauses = {{"2019-06-20", "2019-06-20"}},
                     .extension = 5,
                     .want_start = "2019-06-03",
                     .want_base_due = "2019-07-03",
                     .want_due = "2019-07-10",
                     .want_paused = 1},
        // A pause after the due date changes nothing.
        DeadlineCase{.name = "pause_after_due",
                     .received = "2019-06-03",
                     .pauses = {{"2019-08-01", "2019-08-05"}},
                     .want_start = "2019-06-03",
                     .want_base_due = "2019-07-02",
                     .want_due = "2019-07-02"},
        // The last day under the 2008 rules: 5-15..17 = 3; 5-20..24 = 8; 5-27..31 = 13;
        // 6-03, 04 = 15.
        DeadlineCase{.name = "last_day_of_2008_rules",
                     .received = "2019-05-14",
                     .want_rules = RuleSet::k2008,
                     .want_start = "2019-05-14",
                     .want_base_due = "2019-06-04",
                     .want_due = "2019-06-04"},
        // The first day of the 2019 rules: 5-16, 17 = 2; 5-20..24 = 7; 5-27..31 = 12;
        // 6-03..06 = 16; 6-07 端午; 6-10..13 = 20.
        DeadlineCase{.name = "first_day_of_2019_rules",
                     .received = "2019-05-15",
                     .want_start = "2019-05-15",
                     .want_base_due = "2019-06-13",
                     .want_due = "2019-06-13"},
        // Online, arrived 5-14, confirmed 5-15: the confirmation is the receipt (Art. 31), so
        // the 2019 rules apply.
        DeadlineCase{.name = "confirmation_decides_the_rules",
                     .received = "2019-05-14",
                     .channel = Channel::kOnline,
                     .confirmed = "2019-05-15",
                     .want_start = "2019-05-15",
                     .want_base_due = "2019-06-13",
                     .want_due = "2019-06-13"},
        // Signed post: the signing day counts, a confirmation date is irrelevant.
        DeadlineCase{.name = "signed_post_ignores_confirmation",
                     .received = "2019-05-14",
                     .channel = Channel::kPostSigned,
                     .confirmed = "2019-05-15",
                     .want_rules = RuleSet::k2008,
                     .want_start = "2019-05-14",
                     .want_base_due = "2019-06-04",
                     .want_due = "2019-06-04"},
        // Fax arrived Thu 6-06, confirmed Mon 6-10: 6-11..14 = 4; 6-17..21 = 9; 6-24..28 = 14;
        // 7-01..05 = 19; 7-08 = 20.
        DeadlineCase{.name = "fax_confirmed_later",
                     .received = "2019-06-06",
                     .channel = Channel::kFax,
                     .confirmed = "2019-06-10",
                     .want_start = "2019-06-10",
                     .want_base_due = "2019-07-08",
                     .want_due = "2019-07-08"},
        // Ordinary post without a confirmation date: defaults to the arrival (6-04..06 = 3;
        // 6-07 端午; 6-10..14 = 8; 6-17..21 = 13; 6-24..28 = 18; 7-01, 02 = 20).
        DeadlineCase{.name = "ordinary_post_confirmation_defaults",
                     .received = "2019-06-03",
                     .channel = Channel::kPostOrdinary,
                     .want_start = "2019-06-03",
                     .want_base_due = "2019-07-02",
                     .want_due = "2019-07-02"},
        // An administrator's override: 15 days although received under the 2019 rules
        // (… 6-24, 25 = 14, 15).
        DeadlineCase{.name = "rules_override",
                     .received = "2019-06-03",
                     .rules = RuleSet::k2008,
                     .want_rules = RuleSet::k2008,
                     .want_start = "2019-06-03",
                     .want_base_due = "2019-06-25",
                     .want_due = "2019-06-25"}),
    [](const ::testing::TestParamInfo<DeadlineCase>& info) {
      return std::string(info.param.name);
    });

struct ErrorCase {
  const char* name;
  DeadlineInput in;
  ErrorCode code;
  const char* message;  // substring
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }

DeadlineInput Received(const char* d, Channel c = Channel::kInPerson) {
  DeadlineInput in;
  in.received_on = D(d);
  in.channel = c;
  return in;
}

template <typename F>
DeadlineInput With(DeadlineInput in, F f) {
  f(in);
  return in;
}

class DeadlineErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(DeadlineErrorTest, Refuses) {
  const ErrorCase& c = GetParam();
  for (bool explain : {false, true}) {
    Result<Deadline> dl = ComputeDeadline(c.in, RealCalendar(), explain);
    ASSERT_FALSE(dl.ok());
    EXPECT_EQ(dl.status().code(), c.code);
    EXPECT_THAT(dl.status().message(), HasSubstr(c.message));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Errors, DeadlineErrorTest,
    ::testing::Values(
        ErrorCase{"extension_21_under_2019",
                  With(Received("2019-09-27"), [](DeadlineInput& in) { in.extension_days = 21; }),
                  ErrorCode::kInvalidInput, "超过2019年条例第三十三条规定的上限 20 个工作日"},
        ErrorCase{"extension_16_under_2008",
                  With(Received("2018-02-12"), [](DeadlineInput& in) { in.extension_days = 16; }),
                  ErrorCode::kInvalidInput, "超过2008年条例第二十四条规定的上限 15 个工作日"},
        ErrorCase{"extension_20_under_overridden_2008",
                  With(Received("2019-09-27"),
                       [](DeadlineInput& in) {
                         in.extension_days = 20;
                         in.rules = RuleSet::k2008;
                       }),
                  ErrorCode::kInvalidInput, "上限 15"},
        ErrorCase{"negative_extension",
                  With(Received("2019-09-27"), [](DeadlineInput& in) { in.extension_days = -1; }),
                  ErrorCode::kInvalidInput, "不能为负数"},
        ErrorCase{"confirmation_before_arrival",
                  With(Received("2019-09-27", Channel::kOnline),
                       [](DeadlineInput& in) { in.confirmed_on = D("2019-09-26"); }),
                  ErrorCode::kInvalidInput, "确认日期 2019-09-26 早于收到日期 2019-09-27"},
        ErrorCase{"correction_before_receipt",
                  With(Received("2019-06-03", Channel::kFax),
                       [](DeadlineInput& in) {
                         in.confirmed_on = D("2019-06-05");
                         in.correction_received = D("2019-06-04");
                       }),
                  ErrorCode::kInvalidInput, "收到补正日期 2019-06-04 早于收到申请之日 2019-06-05"},
        ErrorCase{"pause_reversed",
                  With(Received("2019-06-03"),
                       [](DeadlineInput& in) {
                         in.pauses.push_back({D("2019-06-20"), D("2019-06-10")});
                       }),
                  ErrorCode::kInvalidInput, "2019-06-20 至 2019-06-10 的结束日早于开始日"},
        ErrorCase{"before_the_2008_regulation", Received("2008-04-30"), ErrorCode::kInvalidInput,
                  "早于《政府信息公开条例》施行之日 2008-05-01"},
        // 2026-12-15 Tue: 12 working days remain in 2026, the 13th would be in 2027.
        ErrorCase{"runs_into_uncovered_2027", Received("2026-12-15"), ErrorCode::kOutOfCalendar,
                  "日历未收录2027年的节假日安排"},
        ErrorCase{"received_in_uncovered_2031", Received("2031-03-03"), ErrorCode::kOutOfCalendar,
                  "日历未收录2031年的节假日安排：请在 "},
        ErrorCase{"extension_runs_into_2027",
                  With(Received("2026-11-20"), [](DeadlineInput& in) { in.extension_days = 20; }),
                  ErrorCode::kOutOfCalendar, "2027年"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

TEST(DeadlineTest, BaseDueInsideTheCalendarEvenIfTheExtensionIsNot) {
  // Without the extension the same case fits in 2026.
  Result<Deadline> dl = ComputeDeadline(Received("2026-11-20"), RealCalendar(), false);
  ASSERT_TRUE(dl.ok()) << dl.status().message();
  EXPECT_EQ(dl->due.year(), 2026);
}

// --- Explanation --------------------------------------------------------------------------------

std::vector<std::string> Texts(const Deadline& dl) {
  std::vector<std::string> out;
  for (const DeadlineStep& s : dl.steps) out.push_back(s.text);
  return out;
}

TEST(DeadlineExplainTest, NationalDay2019Online) {
  DeadlineInput in = Received("2019-09-27", Channel::kOnline);
  in.confirmed_on = D("2019-09-27");
  Result<Deadline> dl = ComputeDeadline(in, RealCalendar());
  ASSERT_TRUE(dl.ok());
  EXPECT_FALSE(dl->confirmed_defaulted);
  const std::vector<std::string> t = Texts(*dl);
  using ::testing::Contains;
  using ::testing::ElementsAre;
  EXPECT_THAT(
      std::vector<std::string>(t.begin(), t.begin() + 3),
      ElementsAre("网络提交，以双方确认之日 2019-09-27（星期五）为收到申请之日（第三十一条第三项）",
                  "收到申请日期 2019-09-27 在 2019-05-15 之后，适用2019年条例，"
                  "答复期限20个工作日（第三十三条）",
                  "期限自 2019-09-27 的次日起算：当日不计，其后的第一个工作日为第1个工作日"));
  EXPECT_THAT(t, Contains("2019-09-28（星期六）周末，不计"));
  EXPECT_THAT(t, Contains("2019-09-29（星期日）国庆节调休上班，计为工作日（第1个）"));
  EXPECT_THAT(t, Contains("2019-10-01（星期二）国庆节放假，不计"));
  EXPECT_THAT(t, Contains("2019-10-05（星期六）国庆节放假，不计"));
  EXPECT_THAT(t, Contains("2019-10-12（星期六）国庆节调休上班，计为工作日（第7个）"));
  EXPECT_THAT(t, Contains("2019-10-13（星期日）周末，不计"));
  EXPECT_THAT(t, Contains("2019-10-30（星期三）为第20个工作日，20个工作日的答复期限届满"));
  EXPECT_EQ(t.back(), "答复期限：2019-10-30（星期三）");
  // Ordinary working days get no line of their own.
  for (const std::string& line : t) {
    EXPECT_THAT(line, ::testing::Not(HasSubstr("2019-10-08"))) << line;
    EXPECT_THAT(line, ::testing::Not(HasSubstr("2019-10-29"))) << line;
  }
  // 7 holidays + 2 ordinary weekend days in the break area + weekends of 10-19/20, 10-26/27
  // + 9-28 + 10-13 → every skipped day is listed once.
  int skipped = 0;
  for (const std::string& line : t) skipped += line.ends_with("，不计") ? 1 : 0;
  EXPECT_EQ(skipped, 1 /*9-28*/ + 7 /*10-01..07*/ + 1 /*10-13*/ + 4 /*10-19,20,26,27*/);
  // The walk is in date order.
  for (size_t i = 4; i < dl->steps.size(); ++i) {
    EXPECT_LE(dl->steps[i - 1].on, dl->steps[i].on) << dl->steps[i].text;
  }
}

TEST(DeadlineExplainTest, RuleChoiceIsExplained) {
  Result<Deadline> dl = ComputeDeadline(Received("2019-05-14"), RealCalendar());
  ASSERT_TRUE(dl.ok());
  EXPECT_THAT(Texts(*dl),
              ::testing::Contains("收到申请日期 2019-05-14 在 2019-05-15 之前，适用2008年条例，"
                                  "答复期限15个工作日（第二十四条）"));
  EXPECT_THAT(Texts(*dl)[0], HasSubstr("国办公开办函〔2015〕207号"));

  dl = ComputeDeadline(Received("2019-05-15"), RealCalendar());
  ASSERT_TRUE(dl.ok());
  EXPECT_THAT(Texts(*dl), ::testing::Contains("收到申请日期 2019-05-15 为2019年条例施行之日，"
                                              "适用2019年条例，答复期限20个工作日（第三十三条）"));

  DeadlineInput in = Received("2019-06-03");
  in.rules = RuleSet::k2008;
  dl = ComputeDeadline(in, RealCalendar());
  ASSERT_TRUE(dl.ok());
  EXPECT_THAT(Texts(*dl), ::testing::Contains("指定适用2008年条例（按收到申请日期 2019-06-03 应适用"
                                              "2019年条例），答复期限15个工作日（第二十四条）"));
}

TEST(DeadlineExplainTest, DefaultedConfirmationIsSaid) {
  for (Channel c : {Channel::kPostOrdinary, Channel::kOnline, Channel::kFax}) {
    Result<Deadline> dl = ComputeDeadline(Received("2019-06-03", c), RealCalendar());
    ASSERT_TRUE(dl.ok());
    EXPECT_TRUE(dl->confirmed_defaulted);
    EXPECT_EQ(dl->steps[0].text, "未提供确认日期，确认日期默认为收到日期 2019-06-03");
  }
  for (Channel c : {Channel::kInPerson, Channel::kPostSigned}) {
    Result<Deadline> dl = ComputeDeadline(Received("2019-06-03", c), RealCalendar());
    ASSERT_TRUE(dl.ok());
    EXPECT_FALSE(dl->confirmed_defaulted);
    EXPECT_THAT(dl->steps[0].text, ::testing::Not(HasSubstr("默认")));
  }
  Result<Deadline> dl =
      ComputeDeadline(Received("2019-06-03", Channel::kPostOrdinary), RealCalendar());
  EXPECT_THAT(dl->steps[1].text,
              HasSubstr("平常信函提交，以与申请人确认之日 2019-06-03（星期一）"));
}

TEST(DeadlineExplainTest, PauseCorrectionAndExtensionAreExplained) {
  DeadlineInput in = Received("2019-09-16", Channel::kFax);
  in.confirmed_on = D("2019-09-17");
  in.correction_received = D("2019-09-20");
  in.pauses.push_back({D("2019-09-26"), D("2019-10-10")});
  in.extension_days = 3;
  Result<Deadline> dl = ComputeDeadline(in, RealCalendar());
  ASSERT_TRUE(dl.ok());
  // Same count as the pause_spanning_national_day case (base 2019-11-01), then 11-04, 05, 06.
  EXPECT_EQ(dl->base_due, D("2019-11-01"));
  EXPECT_EQ(dl->due, D("2019-11-06"));
  const std::vector<std::string> t = Texts(*dl);
  using ::testing::Contains;
  EXPECT_THAT(
      t,
      Contains("传真提交，以双方确认之日 2019-09-17（星期二）为收到申请之日（第三十一条第三项）"));
  EXPECT_THAT(
      t, Contains("2019-09-20（星期五） 收到补正后的申请，答复期限自该日重新起算（第三十条）"));
  EXPECT_THAT(
      t, Contains(
             "征求意见期间 2019-09-26 至 2019-10-10，其间的工作日不计（第三十二条至第三十四条）"));
  EXPECT_THAT(t, Contains("2019-09-26（星期四）征求意见期间，不计"));
  EXPECT_THAT(t, Contains("2019-09-29（星期日）国庆节调休上班，但在征求意见期间，不计"));
  EXPECT_THAT(t, Contains("2019-10-02（星期三）国庆节放假，不计"));
  EXPECT_THAT(t, Contains("2019-10-10（星期四）征求意见期间，不计"));
  EXPECT_THAT(t, Contains("2019-10-12（星期六）国庆节调休上班，计为工作日（第5个）"));
  EXPECT_THAT(t, Contains("2019-11-01（星期五）为第20个工作日，20个工作日的答复期限届满"));
  EXPECT_THAT(
      t, Contains("经批准延长答复期限3个工作日（第三十三条：最长不超过20个工作日），继续计算"));
  EXPECT_THAT(
      t, Contains("2019-11-06（星期三）为延长期限的第3个工作日（合计第23个），延长的答复期限届满"));
  EXPECT_EQ(t.back(), "答复期限：2019-11-06（星期三）");
}

TEST(DeadlineExplainTest, SpecialHolidayNameFromTheCsv) {
  Result<Deadline> dl = ComputeDeadline(Received("2015-09-01"), RealCalendar());
  ASSERT_TRUE(dl.ok());
  EXPECT_THAT(Texts(*dl),
              ::testing::Contains("2015-09-03（星期四）抗战胜利70周年纪念日放假，不计"));
  EXPECT_THAT(
      Texts(*dl),
      ::testing::Contains("2015-09-06（星期日）抗战胜利70周年纪念日调休上班，计为工作日（第2个）"));
}

// --- Cross-check against a naive reference ------------------------------------------------------

// Counts one day at a time through the public IsWorkingDay, straight from the rules.
Date ReferenceNth(const WorkCalendar& cal, Date start, int n, const std::vector<Pause>& pauses) {
  Date d = start;
  int count = 0;
  while (count < n) {
    d = d.Next();
    if (!cal.IsWorkingDay(d).value()) continue;
    bool paused = false;
    for (const Pause& p : pauses) paused = paused || (p.from <= d && d <= p.to);
    if (!paused) ++count;
  }
  return d;
}

TEST(DeadlinePropertyTest, AgreesWithANaiveDayByDayCount) {
  const WorkCalendar& cal = RealCalendar();
  std::mt19937 rng(20190515);
  const int32_t lo = D("2008-05-01").days();
  const int32_t hi = D("2026-06-30").days();
  auto uniform = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
  for (int iter = 0; iter < 5000; ++iter) {
    DeadlineInput in;
    in.received_on = Date::FromDays(uniform(lo, hi));
    in.channel = static_cast<Channel>(uniform(0, 4));
    if (uniform(0, 1)) in.confirmed_on = in.received_on.AddDays(uniform(0, 4));
    if (uniform(0, 3) == 0) in.rules = static_cast<RuleSet>(uniform(0, 1));
    const Date receipt = (in.channel == Channel::kInPerson || in.channel == Channel::kPostSigned)
                             ? in.received_on
                             : in.confirmed_on.value_or(in.received_on);
    if (uniform(0, 3) == 0) in.correction_received = receipt.AddDays(uniform(0, 30));
    for (int p = uniform(0, 3); p > 0; --p) {
      const Date from = receipt.AddDays(uniform(-10, 40));
      in.pauses.push_back({from, from.AddDays(uniform(0, 25))});
    }
    const RuleSet rules =
        in.rules.value_or(receipt < Reg2019EffectiveDate() ? RuleSet::k2008 : RuleSet::k2019);
    const int base = rules == RuleSet::k2019 ? 20 : 15;
    in.extension_days = uniform(0, base);

    Result<Deadline> fast = ComputeDeadline(in, cal, false);
    Result<Deadline> slow = ComputeDeadline(in, cal, true);
    ASSERT_TRUE(fast.ok()) << fast.status().message();
    ASSERT_TRUE(slow.ok());
    const Date start = in.correction_received.value_or(receipt);
    const Date want_base = ReferenceNth(cal, start, base, in.pauses);
    const Date want_due = ReferenceNth(cal, start, base + in.extension_days, in.pauses);
    SCOPED_TRACE(in.received_on.ToString() + " " + std::string(ToCode(in.channel)));
    ASSERT_EQ(fast->statutory_receipt, receipt);
    ASSERT_EQ(fast->rules, rules);
    ASSERT_EQ(fast->start, start);
    ASSERT_EQ(fast->base_due, want_base);
    ASSERT_EQ(fast->due, want_due);
    ASSERT_EQ(slow->due, want_due);
    ASSERT_EQ(slow->base_due, want_base);
    ASSERT_EQ(slow->paused_days, fast->paused_days);
    ASSERT_EQ(slow->steps.back().text,
              "答复期限：" + want_due.ToString() + "（" + want_due.WeekdayChinese() + "）");
    // Every counted day plus every paused working day lies between start and due.
    Result<int> between = WorkingDaysBetween(start, want_due, cal);
    ASSERT_TRUE(between.ok());
    ASSERT_EQ(*between, base + in.extension_days + fast->paused_days);
  }
}

// --- Other timers -------------------------------------------------------------------------------

TEST(CorrectionNoticeDueTest, SevenWorkingDaysAfterReceipt) {
  // 6-04, 05, 06 = 3; 6-07 端午; 6-10..13 = 7.
  EXPECT_EQ(*CorrectionNoticeDue(D("2019-06-03"), RealCalendar()), D("2019-06-13"));
  // 9-29 Sun worked = 1; 9-30 = 2; 10-08..11 = 6; 10-12 Sat worked = 7.
  EXPECT_EQ(*CorrectionNoticeDue(D("2019-09-27"), RealCalendar()), D("2019-10-12"));
  Result<Date> d = CorrectionNoticeDue(D("2026-12-28"), RealCalendar());
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), ErrorCode::kOutOfCalendar);
}

TEST(WorkingDaysBetweenTest, CountsExclusiveInclusive) {
  const WorkCalendar& cal = RealCalendar();
  // 9-29 (Sun, worked), 9-30, 10-08.
  EXPECT_EQ(*WorkingDaysBetween(D("2019-09-27"), D("2019-10-08"), cal), 3);
  EXPECT_EQ(*WorkingDaysBetween(D("2019-10-08"), D("2019-09-27"), cal), -3);
  EXPECT_EQ(*WorkingDaysBetween(D("2019-10-08"), D("2019-10-08"), cal), 0);
  EXPECT_EQ(*WorkingDaysBetween(D("2019-09-30"), D("2019-10-07"), cal), 0);
  // 2019: 365 days, 104 weekend days, 2019-01-01 itself is a holiday, so 250 working days in
  // 2019-01-01..12-31 minus nothing: (2018-12-31, 2019-12-31].
  EXPECT_EQ(*WorkingDaysBetween(D("2018-12-31"), D("2019-12-31"), cal), 250);
  Result<int> r = WorkingDaysBetween(D("2026-12-30"), D("2027-01-05"), cal);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kOutOfCalendar);
}

// --- From an application's events ----------------------------------------------------------------

TEST(DeadlineInputOfTest, CollectsCorrectionPausesAndExtensions) {
  const Application app = ApplicationBuilder()
                              .ReceivedOn("2019-06-03")
                              .ByFax()
                              .ConfirmedOn("2019-06-04")
                              .CorrectionRequested("2019-06-05")
                              .CorrectionReceived("2019-06-10")
                              .ConsultationStarted("2019-06-12")
                              .ConsultationEnded("2019-06-20")
                              .ExtensionApproved("2019-06-25", 10)
                              .ConsultationStarted("2019-07-01", ConsultationParty::kOtherAgency)
                              .Build();
  const DeadlineInput in = DeadlineInputOf(app, D("2019-07-05"));
  EXPECT_EQ(in.received_on, D("2019-06-03"));
  EXPECT_EQ(in.channel, Channel::kFax);
  EXPECT_EQ(in.confirmed_on, D("2019-06-04"));
  EXPECT_FALSE(in.rules.has_value());
  EXPECT_EQ(in.correction_received, D("2019-06-10"));
  ASSERT_EQ(in.pauses.size(), 2u);
  EXPECT_EQ(in.pauses[0].from, D("2019-06-12"));
  EXPECT_EQ(in.pauses[0].to, D("2019-06-20"));
  EXPECT_EQ(in.pauses[1].from, D("2019-07-01"));
  EXPECT_EQ(in.pauses[1].to, D("2019-07-05"));  // open: runs to today
  EXPECT_EQ(in.extension_days, 10);

  // Start 6-10; 6-11 = 1; 6-12..14 and 6-17..20 paused (7); 6-21 = 2; 6-24..28 = 7;
  // 7-01..05 paused (5); 7-08..12 = 12; 7-15..19 = 17; 7-22..24 = 20 → base due 7-24;
  // + 10: 7-25, 26 = 2; 7-29..8-02 = 7; 8-05..07 = 10.
  Result<Deadline> dl = ComputeDeadline(in, RealCalendar(), false);
  ASSERT_TRUE(dl.ok());
  EXPECT_EQ(dl->base_due, D("2019-07-24"));
  EXPECT_EQ(dl->due, D("2019-08-07"));
  EXPECT_EQ(dl->paused_days, 12);
}

TEST(DeadlineInputOfTest, OverrideAndNoEvents) {
  const Application app =
      ApplicationBuilder().ReceivedOn("2019-06-03").InPerson().UnderRules(RuleSet::k2008).Build();
  const DeadlineInput in = DeadlineInputOf(app, D("2019-06-03"));
  EXPECT_EQ(in.rules, RuleSet::k2008);
  EXPECT_FALSE(in.correction_received.has_value());
  EXPECT_TRUE(in.pauses.empty());
  EXPECT_EQ(in.extension_days, 0);
  EXPECT_FALSE(in.confirmed_on.has_value());
}

TEST(DeadlineInputOfTest, Under2008RulesOnlyThirdPartyConsultationsPause) {
  // Reg2008 Art. 24 para 3 excludes the time spent consulting a third party only.
  const auto app = [](const char* received) {
    return ApplicationBuilder()
        .ReceivedOn(received)
        .ConsultationStarted(received, ConsultationParty::kOtherAgency)
        .ConsultationEnded(received)
        .Build();
  };
  EXPECT_TRUE(DeadlineInputOf(app("2018-06-04"), D("2018-07-01")).pauses.empty());
  EXPECT_EQ(DeadlineInputOf(app("2019-06-04"), D("2019-07-01")).pauses.size(), 1u);
  const Application third_party = ApplicationBuilder()
                                      .ReceivedOn("2018-06-04")
                                      .ConsultationStarted("2018-06-05")
                                      .ConsultationEnded("2018-06-08")
                                      .Build();
  const DeadlineInput in = DeadlineInputOf(third_party, D("2018-07-01"));
  ASSERT_EQ(in.pauses.size(), 1u);
  EXPECT_EQ(in.pauses[0].to, D("2018-06-08"));
  // The override decides too: a 2019 receipt handled under the 2008 rules.
  Application overridden = app("2019-06-04");
  overridden.rules_override = RuleSet::k2008;
  EXPECT_TRUE(DeadlineInputOf(overridden, D("2019-07-01")).pauses.empty());
}

TEST(DeadlineInputOfTest, OpenConsultationStartedAfterTodayIsOneDay) {
  const Application app =
      ApplicationBuilder().ReceivedOn("2019-06-03").ConsultationStarted("2019-06-10").Build();
  const DeadlineInput in = DeadlineInputOf(app, D("2019-06-05"));
  ASSERT_EQ(in.pauses.size(), 1u);
  EXPECT_EQ(in.pauses[0].from, D("2019-06-10"));
  EXPECT_EQ(in.pauses[0].to, D("2019-06-10"));
}

}  // namespace
}  // namespace gongkai
