// The answer deadline (regulation.md §2.3–2.4). Article numbers: Reg2019 = 国务院令第711号,
// Reg2008 = 国务院令第492号, 207号 = 国办公开办函〔2015〕207号.
#include "core/application/deadline.h"

#include <algorithm>
#include <string>

namespace gongkai {
namespace {

// Reg2008 Art. 24 para 2: 15 working days, extension at most 15.
constexpr int kBaseDays2008 = 15;
constexpr int kMaxExtension2008 = 15;
// Reg2019 Art. 33 para 2: 20 working days, extension at most 20.
constexpr int kBaseDays2019 = 20;
constexpr int kMaxExtension2019 = 20;
// Reg2019 Art. 30: the 补正 notice goes out within 7 working days of receipt.
constexpr int kCorrectionNoticeDays = 7;

// Reg2008 took effect on 2008-05-01 (Art. 38); before it no statutory period existed.
Date Reg2008EffectiveDate() { return Date::FromYmd(2008, 5, 1); }

// Reg2019 Art. 31(2)(3): for ordinary post, online and fax the receipt date is the
// confirmation date (207号 says the same for the 2008 rules).
bool StartsOnConfirmation(Channel c) {
  return c == Channel::kPostOrdinary || c == Channel::kOnline || c == Channel::kFax;
}

bool InPause(const Pause* p, const Pause* end, int32_t d) {
  for (; p != end; ++p) {
    if (p->from.days() <= d && d <= p->to.days()) return true;
  }
  return false;
}

// The tight loop: walks forward from `start` (exclusive), skipping rest days and paused
// working days, and stops at the `total`-th counted working day (recording the `base`-th).
// REQUIRES: 0 < base <= total.
Status Count(const WorkCalendar& cal, Date start, int base, int total, const Pause* pauses,
             const Pause* pauses_end, Date* base_due, Date* due, int* paused) {
  const unsigned char* flags = cal.day_flags();
  const int32_t first = cal.first_day();
  const auto size = static_cast<uint32_t>(cal.day_count());
  int32_t d = start.days();
  int count = 0;
  int skipped = 0;
  for (;;) {
    ++d;
    const auto i = static_cast<uint32_t>(d - first);  // wraps for days before the table
    if (i >= size) return cal.OutOfCalendarError(Date::FromDays(d).year());
    const unsigned char f = flags[i];
    if (f == WorkCalendar::kWorkingDay) {
      if (pauses != pauses_end && InPause(pauses, pauses_end, d)) {
        ++skipped;
        continue;
      }
      ++count;
      if (count == base) *base_due = Date::FromDays(d);
      if (count == total) break;
    } else if (f == WorkCalendar::kUncoveredDay) {
      return cal.OutOfCalendarError(Date::FromDays(d).year());
    }
  }
  *due = Date::FromDays(d);
  *paused = skipped;
  return Status::Ok();
}

std::string Label(Date d) { return d.ToString() + "（" + d.WeekdayChinese() + "）"; }

std::string HolidayName(const CalendarEntry* e) {
  return e == nullptr || e->name.empty() ? std::string("节假日") : e->name;
}

// Where the statutory receipt date comes from, with the article.
std::string ReceiptText(Channel channel, Date receipt, RuleSet rules) {
  const bool r2019 = rules == RuleSet::k2019;
  std::string basis;
  std::string what;
  switch (channel) {
    case Channel::kInPerson:
      what = "当面提交，以提交之日 ";
      basis = r2019 ? "第三十一条第一项" : "国办公开办函〔2015〕207号";
      break;
    case Channel::kPostSigned:
      what = "邮寄提交（签收），以签收之日 ";
      basis = r2019 ? "第三十一条第二项" : "国办公开办函〔2015〕207号";
      break;
    case Channel::kPostOrdinary:
      what = "平常信函提交，以与申请人确认之日 ";
      basis = r2019 ? "第三十一条第二项" : "国办公开办函〔2015〕207号";
      break;
    case Channel::kOnline:
      what = "网络提交，以双方确认之日 ";
      basis = r2019 ? "第三十一条第三项" : "国办公开办函〔2015〕207号";
      break;
    case Channel::kFax:
      what = "传真提交，以双方确认之日 ";
      basis = r2019 ? "第三十一条第三项" : "国办公开办函〔2015〕207号";
      break;
  }
  return what + Label(receipt) + "为收到申请之日（" + basis + "）";
}

std::string RulesName(RuleSet r) { return r == RuleSet::k2019 ? "2019年条例" : "2008年条例"; }
std::string PeriodArticle(RuleSet r) { return r == RuleSet::k2019 ? "第三十三条" : "第二十四条"; }
std::string PauseArticle(RuleSet r) {
  return r == RuleSet::k2019 ? "第三十二条至第三十四条" : "第二十四条第三款";
}

void Add(Deadline& out, Date on, std::string text) {
  out.steps.push_back(DeadlineStep{on, std::move(text)});
}

// The explanation: the same walk as Count, one line for every day that is not an ordinary
// working day, plus the facts that fixed the rule set, the receipt date and the start.
void Explain(const DeadlineInput& in, const WorkCalendar& cal, RuleSet default_rules,
             Deadline& out) {
  const RuleSet rules = out.rules;
  const std::string period = std::to_string(out.base_days) + "个工作日";
  const Date receipt = out.statutory_receipt;
  const Date reg2019 = Reg2019EffectiveDate();

  if (out.confirmed_defaulted) {
    Add(out, in.received_on, "未提供确认日期，确认日期默认为收到日期 " + in.received_on.ToString());
  } else if (in.confirmed_on && !StartsOnConfirmation(in.channel)) {
    Add(out, *in.confirmed_on,
        std::string(ToChinese(in.channel)) + "无需确认，确认日期 " + in.confirmed_on->ToString() +
            " 不影响收到申请之日");
  }
  Add(out, receipt, ReceiptText(in.channel, receipt, rules));

  std::string why;
  if (in.rules) {
    why = "指定适用" + RulesName(rules) + "（按收到申请日期 " + receipt.ToString() + " 应适用" +
          RulesName(default_rules) + "）";
  } else if (receipt == reg2019) {
    why = "收到申请日期 " + receipt.ToString() + " 为2019年条例施行之日，适用2019年条例";
  } else if (receipt > reg2019) {
    why = "收到申请日期 " + receipt.ToString() + " 在 " + reg2019.ToString() +
          " 之后，适用2019年条例";
  } else {
    why = "收到申请日期 " + receipt.ToString() + " 在 " + reg2019.ToString() +
          " 之前，适用2008年条例";
  }
  Add(out, receipt, why + "，答复期限" + period + "（" + PeriodArticle(rules) + "）");

  if (in.correction_received) {
    Add(out, *in.correction_received,
        Label(*in.correction_received) + " 收到补正后的申请，答复期限自该日重新起算（" +
            (rules == RuleSet::k2019 ? std::string("第三十条")
                                     : std::string("2008年条例第二十一条第四项告知更改、补充；"
                                                   "按补正后的申请重新起算")) +
            "）");
  }
  Add(out, out.start,
      "期限自 " + out.start.ToString() + " 的次日起算：当日不计，其后的第一个工作日为第1个工作日");

  for (const Pause& p : in.pauses) {
    if (p.to <= out.start) {
      Add(out, p.from,
          "征求意见期间 " + p.from.ToString() + " 至 " + p.to.ToString() +
              " 不晚于起算日，不影响期限");
    } else if (p.from <= out.start) {
      Add(out, p.from,
          "征求意见期间 " + p.from.ToString() + " 至 " + p.to.ToString() + "，起算日之后至 " +
              p.to.ToString() + " 的工作日不计（" + PauseArticle(rules) + "）");
    }
  }

  const int total = out.base_days + out.extension_days;
  const Pause* pb = in.pauses.data();
  const Pause* pe = pb + in.pauses.size();
  int count = 0;
  for (Date d = out.start.Next(); d <= out.due; d = d.Next()) {
    for (const Pause& p : in.pauses) {
      if (p.from == d && p.from > out.start) {
        Add(out, d,
            "征求意见期间 " + p.from.ToString() + " 至 " + p.to.ToString() +
                "，其间的工作日不计（" + PauseArticle(rules) + "）");
      }
    }
    const bool working = cal.IsWorkingDay(d).value();  // Count() checked the coverage
    const CalendarEntry* entry = cal.Find(d);
    if (!working) {
      if (entry != nullptr && entry->kind == DayKind::kHoliday) {
        Add(out, d, Label(d) + HolidayName(entry) + "放假，不计");
      } else {
        Add(out, d, Label(d) + "周末，不计");
      }
      continue;
    }
    const bool is_adjusted = entry != nullptr && entry->kind == DayKind::kWorkday;
    if (InPause(pb, pe, d.days())) {
      Add(out, d,
          Label(d) + (is_adjusted ? HolidayName(entry) + "调休上班，但在征求意见期间，不计"
                                  : std::string("征求意见期间，不计")));
      continue;
    }
    ++count;
    if (is_adjusted) {
      Add(out, d,
          Label(d) + HolidayName(entry) + "调休上班，计为工作日（第" + std::to_string(count) +
              "个）");
    }
    if (count == out.base_days) {
      Add(out, d,
          Label(d) + "为第" + std::to_string(count) + "个工作日，" + period + "的答复期限届满");
      if (out.extension_days > 0) {
        Add(out, d,
            "经批准延长答复期限" + std::to_string(out.extension_days) + "个工作日（" +
                PeriodArticle(rules) + "：最长不超过" +
                std::to_string(rules == RuleSet::k2019 ? kMaxExtension2019 : kMaxExtension2008) +
                "个工作日），继续计算");
      }
    } else if (count == total) {
      Add(out, d,
          Label(d) + "为延长期限的第" + std::to_string(out.extension_days) + "个工作日（合计第" +
              std::to_string(total) + "个），延长的答复期限届满");
    }
  }
  for (const Pause& p : in.pauses) {
    if (p.from > out.due) {
      Add(out, p.from,
          "征求意见期间 " + p.from.ToString() + " 至 " + p.to.ToString() +
              " 在答复期限之后开始，不影响期限");
    }
  }
  Add(out, out.due, "答复期限：" + Label(out.due));
}

}  // namespace

Result<Deadline> ComputeDeadline(const DeadlineInput& in, const WorkCalendar& cal, bool explain) {
  if (in.confirmed_on && *in.confirmed_on < in.received_on) {
    return InvalidInput("确认日期 " + in.confirmed_on->ToString() + " 早于收到日期 " +
                        in.received_on.ToString());
  }
  Deadline out;
  out.confirmed_defaulted = StartsOnConfirmation(in.channel) && !in.confirmed_on;
  out.statutory_receipt =
      StartsOnConfirmation(in.channel) ? in.confirmed_on.value_or(in.received_on) : in.received_on;
  if (out.statutory_receipt < Reg2008EffectiveDate()) {
    return InvalidInput("收到申请之日 " + out.statutory_receipt.ToString() +
                        " 早于《政府信息公开条例》施行之日 2008-05-01，没有法定答复期限");
  }
  const RuleSet default_rules =
      out.statutory_receipt < Reg2019EffectiveDate() ? RuleSet::k2008 : RuleSet::k2019;
  out.rules = in.rules.value_or(default_rules);
  const bool r2019 = out.rules == RuleSet::k2019;
  out.base_days = r2019 ? kBaseDays2019 : kBaseDays2008;
  const int max_extension = r2019 ? kMaxExtension2019 : kMaxExtension2008;
  if (in.extension_days < 0) {
    return InvalidInput("延长的期限不能为负数（" + std::to_string(in.extension_days) + "）");
  }
  if (in.extension_days > max_extension) {
    return InvalidInput("延长答复期限 " + std::to_string(in.extension_days) + " 个工作日超过" +
                        (r2019 ? "2019年条例第三十三条" : "2008年条例第二十四条") + "规定的上限 " +
                        std::to_string(max_extension) + " 个工作日");
  }
  out.extension_days = in.extension_days;

  out.start = out.statutory_receipt;
  if (in.correction_received) {
    if (*in.correction_received < out.statutory_receipt) {
      return InvalidInput("收到补正日期 " + in.correction_received->ToString() +
                          " 早于收到申请之日 " + out.statutory_receipt.ToString());
    }
    out.start = *in.correction_received;  // Reg2019 Art. 30
  }
  for (const Pause& p : in.pauses) {
    if (p.to < p.from) {
      return InvalidInput("征求意见期间 " + p.from.ToString() + " 至 " + p.to.ToString() +
                          " 的结束日早于开始日");
    }
  }

  const Pause* pb = in.pauses.data();
  GONGKAI_RETURN_IF_ERROR(Count(cal, out.start, out.base_days, out.base_days + out.extension_days,
                                pb, pb + in.pauses.size(), &out.base_due, &out.due,
                                &out.paused_days));
  if (explain) Explain(in, cal, default_rules, out);
  return out;
}

Result<Date> CorrectionNoticeDue(Date statutory_receipt, const WorkCalendar& cal) {
  Date base_due;
  Date due;
  int paused = 0;
  GONGKAI_RETURN_IF_ERROR(Count(cal, statutory_receipt, kCorrectionNoticeDays,
                                kCorrectionNoticeDays, nullptr, nullptr, &base_due, &due, &paused));
  return due;
}

DeadlineInput DeadlineInputOf(const Application& app, Date today) {
  DeadlineInput in;
  in.received_on = app.received_on;
  in.channel = app.channel;
  in.confirmed_on = app.confirmed_on;
  in.rules = app.rules_override;
  // Reg2008 Art. 24 para 3 excludes only the time spent consulting a third party.
  const bool other_agency_pauses = app.Rules() == RuleSet::k2019;
  bool consulting = false;
  Date consultation_from;
  for (const ApplicationEvent& e : app.events) {
    switch (e.kind) {
      case EventKind::kCorrectionReceived:
        in.correction_received = e.on;
        break;
      case EventKind::kConsultationStarted:
        if (e.party == ConsultationParty::kOtherAgency && !other_agency_pauses) break;
        if (!consulting) consultation_from = e.on;
        consulting = true;
        break;
      case EventKind::kConsultationEnded:
        if (consulting) {
          in.pauses.push_back(Pause{consultation_from, std::max(consultation_from, e.on)});
          consulting = false;
        }
        break;
      case EventKind::kExtensionApproved:
        in.extension_days += e.extension_days;
        break;
      default:
        break;
    }
  }
  if (consulting) {
    in.pauses.push_back(Pause{consultation_from, std::max(consultation_from, today)});
  }
  return in;
}

Result<int> WorkingDaysBetween(Date from, Date to, const WorkCalendar& cal) {
  const bool negative = to < from;
  const Date lo = negative ? to : from;
  const Date hi = negative ? from : to;
  const unsigned char* flags = cal.day_flags();
  const auto size = static_cast<uint32_t>(cal.day_count());
  int count = 0;
  for (int32_t d = lo.days() + 1; d <= hi.days(); ++d) {
    const auto i = static_cast<uint32_t>(d - cal.first_day());
    if (i >= size || flags[i] == WorkCalendar::kUncoveredDay) {
      return cal.OutOfCalendarError(Date::FromDays(d).year());
    }
    count += flags[i];  // kWorkingDay == 1, kRestDay == 0
  }
  return negative ? -count : count;
}

}  // namespace gongkai
