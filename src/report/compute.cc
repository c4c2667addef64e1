// Every cell is one measure (a concept counted from records) narrowed by the filters of its row
// and column. docs/report-rules.md documents each measure and filter; keep the two in step.
#include "report/compute.h"

#include <array>
#include <cstdint>
#include <set>
#include <string_view>

#include "core/application/deadline.h"
#include "core/application/state.h"

namespace gongkai {
namespace {

enum class Measure {
  kManual,  // no rule: the cell comes from a ManualFigure, else 0
  kAppReceived,
  kAppCarriedIn,
  kAppCarriedOut,
  kAppClosed,
  kAppClosedOnTime,
  kAppClosedExtended,
  kCatalogPublished,
  kCatalogChannelPublished,
  kNormativeIssued,
  kNormativeRepealed,
  kNormativeInForce,
  kNormativePublishedTotal,
  kHotTopicsResponded,
  kResponsesCount,
  kReviewsCount,
  kLawsuitsCount,
  kComplaintsCount,
  kFeesTotalWan,
  kStaffDedicatedOffices,
  kStaffReadingPoints,
  kStaffStaff,
  kStaffFullTime,
  kStaffPartTime,
  kStaffBudgetWan,
  kMeetingsCount,
  kTrainingsCount,
  kTrainingsTrainees,
};

struct MeasureSpec {
  std::string_view name;
  Measure measure;
  std::string_view filters;      // accepted filter keys, space separated
  std::string_view description;  // Chinese, for the cell note
};

constexpr std::array<MeasureSpec, 27> kMeasures = {{
    {"applications.received", Measure::kAppReceived, "channel applicant_type",
     "法定收到日期在本年的申请"},
    {"applications.carried_in", Measure::kAppCarriedIn, "channel applicant_type",
     "法定收到日期在本年1月1日之前、且1月1日时尚未办结的申请"},
    {"applications.carried_out", Measure::kAppCarriedOut, "channel applicant_type",
     "法定收到日期不晚于本年12月31日、且当日仍未办结的申请"},
    {"applications.closed", Measure::kAppClosed, "channel applicant_type outcome",
     "本年办结、且办理结果在本格式中有对应行的申请"},
    {"applications.closed_on_time", Measure::kAppClosedOnTime, "channel applicant_type outcome",
     "本年办结、未延期且不晚于法定答复期限的申请"},
    {"applications.closed_extended", Measure::kAppClosedExtended, "channel applicant_type outcome",
     "本年办结、经批准延期且不晚于延长后期限的申请"},
    {"catalog.published", Measure::kCatalogPublished, "normative is_rule",
     "本年公开（公开前未撤回）的目录条目"},
    {"catalog.channel_published", Measure::kCatalogChannelPublished, "channel normative is_rule",
     "本年通过该渠道发布过的目录条目（每条计1次）"},
    {"normative.issued", Measure::kNormativeIssued, "is_rule", "本年制发的规章或规范性文件"},
    {"normative.repealed", Measure::kNormativeRepealed, "is_rule", "本年废止的规章或规范性文件"},
    {"normative.in_force", Measure::kNormativeInForce, "is_rule",
     "截至本年12月31日已制发且有效（未废止、未失效）的规章或规范性文件"},
    {"normative.published_total", Measure::kNormativePublishedTotal, "is_rule",
     "截至本年12月31日已公开且未撤回的规章或规范性文件"},
    {"hot_topics.responded", Measure::kHotTopicsResponded, "",
     "本年有回应的热点或舆情（不同方式回应同一热点计1次）"},
    {"responses.count", Measure::kResponsesCount, "kind principal_leader", "本年的回应解读"},
    {"reviews.count", Measure::kReviewsCount, "result",
     "本年提起的行政复议（结果按本年12月31日的状态）"},
    {"lawsuits.count", Measure::kLawsuitsCount, "after_review result",
     "本年提起的行政诉讼（结果按本年12月31日的状态）"},
    {"complaints.count", Measure::kComplaintsCount, "", "本年收到的举报投诉"},
    {"fees.total_wan", Measure::kFeesTotalWan, "", "本年依申请公开实际收取的费用（万元）"},
    {"staffing.dedicated_offices", Measure::kStaffDedicatedOffices, "",
     "本年人员和经费情况：专门机构数"},
    {"staffing.reading_points", Measure::kStaffReadingPoints, "", "本年人员和经费情况：查阅点数"},
    {"staffing.staff", Measure::kStaffStaff, "", "本年人员和经费情况：专职与兼职人员合计"},
    {"staffing.full_time", Measure::kStaffFullTime, "", "本年人员和经费情况：专职人员"},
    {"staffing.part_time", Measure::kStaffPartTime, "", "本年人员和经费情况：兼职人员"},
    {"staffing.budget_wan", Measure::kStaffBudgetWan, "", "本年人员和经费情况：专项经费（万元）"},
    {"meetings.count", Measure::kMeetingsCount, "", "本年召开的政府信息公开工作会议或专题会议"},
    {"trainings.count", Measure::kTrainingsCount, "", "本年举办的培训班"},
    {"trainings.trainees", Measure::kTrainingsTrainees, "", "本年培训班接受培训人次之和"},
}};

const MeasureSpec* FindMeasure(std::string_view name) {
  for (const MeasureSpec& m : kMeasures) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

bool Accepts(const MeasureSpec& m, std::string_view key) {
  std::string_view rest = m.filters;
  while (!rest.empty()) {
    const size_t sp = rest.find(' ');
    if (rest.substr(0, sp) == key) return true;
    if (sp == std::string_view::npos) break;
    rest.remove_prefix(sp + 1);
  }
  return false;
}

bool IsApplicationMeasure(Measure m) {
  return m == Measure::kAppReceived || m == Measure::kAppCarriedIn ||
         m == Measure::kAppCarriedOut || m == Measure::kAppClosed ||
         m == Measure::kAppClosedOnTime || m == Measure::kAppClosedExtended;
}

constexpr int kOutcomeCount = 26;
constexpr int kChannelCount = 5;
constexpr int kApplicantCount = 6;

// A boolean filter: allowed[false], allowed[true].
struct BoolFilter {
  bool allow_false = true;
  bool allow_true = true;
  bool Pass(bool v) const { return v ? allow_true : allow_false; }
  bool restricted() const { return !(allow_false && allow_true); }
};

// The filters of a row and a column, AND-ed, as bit masks over the enum values.
struct Filters {
  uint32_t channel = ~0u;    // application Channel or PublicationChannel, by measure
  uint32_t applicant = ~0u;  // ApplicantType
  uint64_t outcome = ~0ull;  // Outcome
  uint32_t kind = ~0u;       // ResponseKind
  uint32_t result = ~0u;     // CaseResult
  BoolFilter normative;
  BoolFilter is_rule;
  BoolFilter principal_leader;
  BoolFilter after_review;
};

struct CellPlan {
  std::string id;
  Measure measure = Measure::kManual;
  Filters f;
  uint64_t outcomes = ~0ull;  // application closings: outcomes counted in this cell
  std::string note;
};

template <typename E>
uint64_t Bit(E e) {
  return uint64_t{1} << static_cast<int>(e);
}

// Parses one filter into `f`, and appends its Chinese wording to `note`.
Status AddFilter(const MeasureSpec& m, const std::string& key,
                 const std::vector<std::string>& codes, Filters& f, std::string& note,
                 const std::string& where) {
  if (!Accepts(m, key)) {
    return InvalidInput(where + "：计算口径 \"" + std::string(m.name) + "\" 不接受筛选条件 \"" +
                        key + "\"");
  }
  auto bad = [&](const std::string& code) {
    return InvalidInput(where + "：筛选条件 \"" + key + "\" 的取值 \"" + code + "\" 无效");
  };
  std::string words;
  auto word = [&](std::string_view w) {
    if (!words.empty()) words += "、";
    words += w;
  };
  uint64_t mask = 0;
  BoolFilter b{false, false};
  const bool is_bool =
      key == "normative" || key == "is_rule" || key == "principal_leader" || key == "after_review";
  for (const std::string& code : codes) {
    if (is_bool) {
      if (code == "true") {
        b.allow_true = true;
        word("是");
      } else if (code == "false") {
        b.allow_false = true;
        word("否");
      } else {
        return bad(code);
      }
    } else if (key == "channel" && m.measure == Measure::kCatalogChannelPublished) {
      auto c = PublicationChannelFromCode(code);
      if (!c) return bad(code);
      mask |= Bit(*c);
      word(ToChinese(*c));
    } else if (key == "channel") {
      auto c = ChannelFromCode(code);
      if (!c) return bad(code);
      mask |= Bit(*c);
      word(ToChinese(*c));
    } else if (key == "applicant_type") {
      auto t = ApplicantTypeFromCode(code);
      if (!t) return bad(code);
      mask |= Bit(*t);
      word(ToChinese(*t));
    } else if (key == "outcome") {
      auto o = OutcomeFromCode(code);
      if (!o) return bad(code);
      mask |= Bit(*o);
      word(ToChinese(*o));
    } else if (key == "kind") {
      auto k = ResponseKindFromCode(code);
      if (!k) return bad(code);
      mask |= Bit(*k);
      word(ToChinese(*k));
    } else if (key == "result") {
      auto r = CaseResultFromCode(code);
      if (!r) return bad(code);
      mask |= Bit(*r);
      word(ToChinese(*r));
    }
  }
  static const std::map<std::string, std::string> kKeyWords = {
      {"channel", "渠道"},
      {"applicant_type", "申请人"},
      {"outcome", "办理结果"},
      {"kind", "方式"},
      {"result", "结果"},
      {"normative", "属于规范性文件"},
      {"is_rule", "属于规章"},
      {"principal_leader", "主要负责同志参加"},
      {"after_review", "复议后起诉"}};
  note += "；" + kKeyWords.at(key) + "：" + words;
  if (key == "normative") {
    f.normative = BoolFilter{f.normative.allow_false && b.allow_false,
                             f.normative.allow_true && b.allow_true};
  } else if (key == "is_rule") {
    f.is_rule =
        BoolFilter{f.is_rule.allow_false && b.allow_false, f.is_rule.allow_true && b.allow_true};
  } else if (key == "principal_leader") {
    f.principal_leader = BoolFilter{f.principal_leader.allow_false && b.allow_false,
                                    f.principal_leader.allow_true && b.allow_true};
  } else if (key == "after_review") {
    f.after_review = BoolFilter{f.after_review.allow_false && b.allow_false,
                                f.after_review.allow_true && b.allow_true};
  } else if (key == "channel") {
    f.channel &= static_cast<uint32_t>(mask);
  } else if (key == "applicant_type") {
    f.applicant &= static_cast<uint32_t>(mask);
  } else if (key == "outcome") {
    f.outcome &= mask;
  } else if (key == "kind") {
    f.kind &= static_cast<uint32_t>(mask);
  } else if (key == "result") {
    f.result &= static_cast<uint32_t>(mask);
  }
  return Status::Ok();
}

std::string CellId(const Table& t, const Row& r, const Column& c) {
  if (t.cell_ids == "row") return r.id;
  if (t.cell_ids == "col") return c.id;
  return r.id + "/" + c.id;
}

// Compiles the rules of every non-heading cell. `counted[o]` = outcome o has ≥1 row in `fmt`.
Result<std::vector<CellPlan>> Plan(const Format& fmt) {
  std::vector<CellPlan> plans;
  for (const Table& t : fmt.tables) {
    for (const Row& r : t.rows) {
      if (r.heading) continue;
      for (const Column& c : t.columns) {
        CellPlan p;
        p.id = CellId(t, r, c);
        const std::string where = fmt.id + " 格式单元格 " + p.id;
        const std::string& name = r.rule.measure.empty() ? c.rule.measure : r.rule.measure;
        if (name.empty()) {
          if (!r.rule.filters.empty() || !c.rule.filters.empty()) {
            return InvalidInput(where + "：有筛选条件却没有计算口径（measure）");
          }
          p.note = "无记录，按0计（本项无法从平台记录计算，须手工填报）";
          plans.push_back(std::move(p));
          continue;
        }
        const MeasureSpec* m = FindMeasure(name);
        if (m == nullptr) return InvalidInput(where + "：未知的计算口径 \"" + name + "\"");
        p.measure = m->measure;
        p.note = std::string(m->description);
        for (const CellRule* rule : {&r.rule, &c.rule}) {
          for (const auto& [key, codes] : rule->filters) {
            GONGKAI_RETURN_IF_ERROR(AddFilter(*m, key, codes, p.f, p.note, where));
          }
        }
        if (r.rule.by_outcome_row || c.rule.by_outcome_row) {
          uint64_t mask = 0;
          std::string words;
          for (Outcome o : AllOutcomes()) {
            auto it = fmt.outcome_rows.find(std::string(ToCode(o)));
            if (it == fmt.outcome_rows.end()) continue;
            for (const std::string& row : it->second) {
              if (row == r.id) {
                mask |= Bit(o);
                words += (words.empty() ? "" : "、") + std::string(ToChinese(o));
              }
            }
          }
          p.outcomes = mask;
          p.note += "；办理结果：" + words;
        }
        plans.push_back(std::move(p));
      }
    }
  }
  return plans;
}

// Application facts collapsed into counts: [kind][channel][applicant][outcome][timeliness].
// kind: 0 received, 1 carried in, 2 carried out, 3 closed. Outcome and timeliness are used
// for closings only (timeliness: 0 on time, 1 on time after extension, 2 late).
class ApplicationCounts {
 public:
  static constexpr int kReceived = 0, kCarriedIn = 1, kCarriedOut = 2, kClosed = 3;
  static constexpr int kOnTime = 0, kExtended = 1, kLate = 2;

  void Add(int kind, const Application& a, int outcome = 0, int timeliness = 0) {
    ++counts_[Index(kind, static_cast<int>(a.channel), static_cast<int>(a.applicant_type), outcome,
                    timeliness)];
  }

  int64_t Sum(int kind, const Filters& f, uint64_t outcomes, uint32_t timeliness_mask) const {
    int64_t n = 0;
    const bool closed = kind == kClosed;
    for (int c = 0; c < kChannelCount; ++c) {
      if (!(f.channel >> c & 1u)) continue;
      for (int t = 0; t < kApplicantCount; ++t) {
        if (!(f.applicant >> t & 1u)) continue;
        if (!closed) {
          n += counts_[Index(kind, c, t, 0, 0)];
          continue;
        }
        for (int o = 0; o < kOutcomeCount; ++o) {
          if (!((outcomes & f.outcome) >> o & 1ull)) continue;
          for (int s = 0; s < 3; ++s) {
            if (timeliness_mask >> s & 1u) n += counts_[Index(kind, c, t, o, s)];
          }
        }
      }
    }
    return n;
  }

 private:
  static int Index(int kind, int channel, int applicant, int outcome, int timeliness) {
    return (((kind * kChannelCount + channel) * kApplicantCount + applicant) * kOutcomeCount +
            outcome) *
               3 +
           timeliness;
  }
  std::vector<int64_t> counts_ =
      std::vector<int64_t>(4 * kChannelCount * kApplicantCount * kOutcomeCount * 3, 0);
};

bool InYear(Date d, Date jan1, Date dec31) { return jan1 <= d && d <= dec31; }

struct AppPass {
  ApplicationCounts counts;
  std::vector<std::string> late_numbers;
};

// One pass over the applications. `counted[o]`: -1 = the format cannot count outcome o,
// 0 = deliberately counted in no row, 1 = counted.
Status CountApplications(const Format& fmt, const YearRecords& records, const WorkCalendar& cal,
                         const std::array<int, kOutcomeCount>& counted, bool needs_timeliness,
                         AppPass& pass) {
  const Date jan1 = Date::FromYmd(records.year, 1, 1);
  const Date dec31 = Date::FromYmd(records.year, 12, 31);
  for (const Application& a : records.applications) {
    Result<ApplicationState> replay = ReplayEvents(a);
    if (!replay.ok()) {
      return InvalidInput("申请 " + a.number + " 的事件记录有误：" + replay.status().message());
    }
    const Date receipt = a.StatutoryReceiptDate();
    const std::optional<Closing> closing = ClosingOf(a);
    if (InYear(receipt, jan1, dec31)) pass.counts.Add(ApplicationCounts::kReceived, a);
    if (receipt < jan1 && !(closing && closing->on < jan1)) {
      pass.counts.Add(ApplicationCounts::kCarriedIn, a);
    }
    if (receipt <= dec31 && !(closing && closing->on <= dec31)) {
      pass.counts.Add(ApplicationCounts::kCarriedOut, a);
    }
    if (!closing || !InYear(closing->on, jan1, dec31)) continue;
    const int o = static_cast<int>(closing->outcome);
    if (counted[o] < 0) {
      Result<std::vector<std::string>> rows = fmt.RowsForOutcome(closing->outcome);
      return Status(ErrorCode::kUnsupported,
                    "申请 " + a.number + "（" + closing->on.ToString() + " 办结）：" +
                        rows.status().message() +
                        "；该办理结果只在2019年修订的条例下存在，请选用相应年度的格式");
    }
    int timeliness = ApplicationCounts::kOnTime;
    if (needs_timeliness && counted[o] > 0) {
      Result<Deadline> d = ComputeDeadline(DeadlineInputOf(a, closing->on), cal, /*explain=*/false);
      if (!d.ok()) return d.status().WithContext("申请 " + a.number + " 的答复期限");
      if (closing->on > d->due) {
        timeliness = ApplicationCounts::kLate;
        pass.late_numbers.push_back(a.number + "（期限 " + d->due.ToString() + "，办结 " +
                                    closing->on.ToString() + "）");
      } else if (WasExtended(a)) {
        timeliness = ApplicationCounts::kExtended;
      }
    }
    pass.counts.Add(ApplicationCounts::kClosed, a, o, timeliness);
  }
  return Status::Ok();
}

bool PublishedBefore(const CatalogItem& item, Date on) {
  return !(item.withdrawn_on && *item.withdrawn_on < on);
}

bool NormativePass(const CatalogItem& item, const Filters& f) {
  if (f.normative.restricted() && !f.normative.Pass(item.normative.has_value())) return false;
  if (f.is_rule.restricted()) {
    if (!item.normative) return false;
    if (!f.is_rule.Pass(item.normative->is_rule)) return false;
  }
  return true;
}

// Cells measured from everything but applications.
Decimal MeasureOther(const CellPlan& p, const YearRecords& r, std::string& note) {
  const Date jan1 = Date::FromYmd(r.year, 1, 1);
  const Date dec31 = Date::FromYmd(r.year, 12, 31);
  const Filters& f = p.f;
  int64_t n = 0;
  switch (p.measure) {
    case Measure::kCatalogPublished:
      for (const CatalogItem& i : r.catalog_items) {
        if (i.published_on && InYear(*i.published_on, jan1, dec31) &&
            PublishedBefore(i, *i.published_on) && NormativePass(i, f)) {
          ++n;
        }
      }
      break;
    case Measure::kCatalogChannelPublished:
      for (const CatalogItem& i : r.catalog_items) {
        if (!NormativePass(i, f)) continue;
        for (const ChannelPublication& c : i.channels) {
          if ((f.channel >> static_cast<int>(c.channel) & 1u) &&
              InYear(c.published_on, jan1, dec31) && PublishedBefore(i, c.published_on)) {
            ++n;
            break;
          }
        }
      }
      break;
    case Measure::kNormativeIssued:
    case Measure::kNormativeRepealed:
    case Measure::kNormativeInForce:
    case Measure::kNormativePublishedTotal:
      for (const CatalogItem& i : r.catalog_items) {
        if (!i.normative || !NormativePass(i, f)) continue;
        const NormativeDocument& d = *i.normative;
        bool hit = false;
        if (p.measure == Measure::kNormativeIssued) {
          hit = InYear(d.issued_on, jan1, dec31);
        } else if (p.measure == Measure::kNormativeRepealed) {
          hit = d.repealed_on && InYear(*d.repealed_on, jan1, dec31);
        } else if (p.measure == Measure::kNormativeInForce) {
          hit = d.issued_on <= dec31 && d.ValidityOn(dec31) == Validity::kValid;
        } else {
          hit = i.published_on && *i.published_on <= dec31 &&
                !(i.withdrawn_on && *i.withdrawn_on <= dec31);
        }
        n += hit ? 1 : 0;
      }
      break;
    case Measure::kHotTopicsResponded: {
      std::set<std::string> topics;
      for (const Response& x : r.responses) {
        if (!InYear(x.on, jan1, dec31)) continue;
        if (x.hot_topic_id) {
          topics.insert("#" + std::to_string(*x.hot_topic_id));
        } else if (!x.hot_topic_key.empty()) {
          topics.insert(x.hot_topic_key);
        }
      }
      n = static_cast<int64_t>(topics.size());
      break;
    }
    case Measure::kResponsesCount:
      for (const Response& x : r.responses) {
        if (InYear(x.on, jan1, dec31) && (f.kind >> static_cast<int>(x.kind) & 1u) &&
            f.principal_leader.Pass(x.principal_leader)) {
          ++n;
        }
      }
      break;
    case Measure::kReviewsCount:
      for (const Review& x : r.reviews) {
        if (InYear(x.filed_on, jan1, dec31) &&
            (f.result >> static_cast<int>(x.ResultOn(dec31)) & 1u)) {
          ++n;
        }
      }
      break;
    case Measure::kLawsuitsCount:
      for (const Lawsuit& x : r.lawsuits) {
        if (InYear(x.filed_on, jan1, dec31) && f.after_review.Pass(x.after_review) &&
            (f.result >> static_cast<int>(x.ResultOn(dec31)) & 1u)) {
          ++n;
        }
      }
      break;
    case Measure::kComplaintsCount:
      for (const Complaint& x : r.complaints) n += InYear(x.received_on, jan1, dec31) ? 1 : 0;
      break;
    case Measure::kFeesTotalWan: {
      int64_t fen = 0;
      for (const FeeCollected& x : r.fees) fen += InYear(x.on, jan1, dec31) ? x.amount_fen : 0;
      return Decimal::WanYuanFromFen(fen);
    }
    case Measure::kStaffDedicatedOffices:
    case Measure::kStaffReadingPoints:
    case Measure::kStaffStaff:
    case Measure::kStaffFullTime:
    case Measure::kStaffPartTime:
    case Measure::kStaffBudgetWan: {
      if (!r.staffing || r.staffing->year != r.year) {
        note = "未录入" + std::to_string(r.year) + "年人员和经费情况，按0计";
        return Decimal();
      }
      const Staffing& s = *r.staffing;
      switch (p.measure) {
        case Measure::kStaffDedicatedOffices:
          return Decimal::FromInt(s.dedicated_offices);
        case Measure::kStaffReadingPoints:
          return Decimal::FromInt(s.reading_points);
        case Measure::kStaffStaff:
          return Decimal::FromInt(s.full_time + s.part_time);
        case Measure::kStaffFullTime:
          return Decimal::FromInt(s.full_time);
        case Measure::kStaffPartTime:
          return Decimal::FromInt(s.part_time);
        default:
          return Decimal::WanYuanFromFen(s.budget_fen);
      }
    }
    case Measure::kMeetingsCount:
      for (const Meeting& x : r.meetings) n += InYear(x.on, jan1, dec31) ? 1 : 0;
      break;
    case Measure::kTrainingsCount:
      for (const Training& x : r.trainings) n += InYear(x.on, jan1, dec31) ? 1 : 0;
      break;
    case Measure::kTrainingsTrainees:
      for (const Training& x : r.trainings) n += InYear(x.on, jan1, dec31) ? x.trainees : 0;
      break;
    default:
      break;
  }
  return Decimal::FromInt(n);
}

// Manual figures override their cell. The latest entry (by entered_at, then by position) wins.
Status ApplyManualFigures(const Format& fmt, const YearRecords& records,
                          std::map<std::string, CellValue>& cells) {
  std::map<std::string, const ManualFigure*> chosen;
  for (const ManualFigure& m : records.manual_figures) {
    if (!m.format_id.empty() && m.format_id != fmt.id) continue;  // for another format
    const std::string who = "手工填报的数字（" + m.entered_by + "，" + m.entered_at + "）";
    if (m.year != 0 && m.year != records.year) {
      return InvalidInput(who + "属于 " + std::to_string(m.year) + " 年，不能用于 " +
                          std::to_string(records.year) + " 年的报告");
    }
    const Row* row = nullptr;
    if (!fmt.Locate(m.cell_id, nullptr, &row, nullptr)) {
      return InvalidInput(who + "填在单元格 \"" + m.cell_id + "\"，但" + fmt.name + "（" + fmt.id +
                          "）没有这个单元格");
    }
    if (row->heading) {
      return InvalidInput(who + "填在单元格 \"" + m.cell_id + "\"，但它是标题行，不能填数");
    }
    auto [it, inserted] = chosen.emplace(m.cell_id, &m);
    if (!inserted && it->second->entered_at <= m.entered_at) it->second = &m;
  }
  for (const auto& [id, m] : chosen) {
    cells[id] =
        CellValue{m->value, CellSource::kManual,
                  "手工填报：" + m->entered_by + "，" + m->entered_at + "，来源：" + m->source};
  }
  return Status::Ok();
}

}  // namespace

Status CheckCellRules(const Format& fmt) { return Plan(fmt).status(); }

Result<ComputedCells> ComputeCellsWithFindings(const Format& fmt, const YearRecords& records,
                                               const WorkCalendar& cal) {
  Result<std::vector<CellPlan>> plans = Plan(fmt);
  if (!plans.ok()) return plans.status();

  bool needs_apps = false;
  bool needs_timeliness = false;
  std::vector<std::string> timeliness_cells;
  for (const CellPlan& p : *plans) {
    needs_apps |= IsApplicationMeasure(p.measure);
    if (p.measure == Measure::kAppClosedOnTime || p.measure == Measure::kAppClosedExtended) {
      needs_timeliness = true;
      timeliness_cells.push_back(p.id);
    }
  }
  std::array<int, kOutcomeCount> counted{};
  uint64_t counted_mask = 0;
  for (Outcome o : AllOutcomes()) {
    auto it = fmt.outcome_rows.find(std::string(ToCode(o)));
    const int i = static_cast<int>(o);
    counted[i] = it == fmt.outcome_rows.end() ? -1 : it->second.empty() ? 0 : 1;
    if (counted[i] > 0) counted_mask |= Bit(o);
  }
  AppPass pass;
  if (needs_apps) {
    GONGKAI_RETURN_IF_ERROR(CountApplications(fmt, records, cal, counted, needs_timeliness, pass));
  }

  ComputedCells out;
  for (const std::string& id : fmt.CellIds()) {
    if (fmt.IsHeading(id)) out.cells[id] = CellValue{std::nullopt, CellSource::kHeading, ""};
  }
  for (const CellPlan& p : *plans) {
    CellValue v{Decimal(), CellSource::kRule, p.note};
    using C = ApplicationCounts;
    switch (p.measure) {
      case Measure::kManual:
        break;
      case Measure::kAppReceived:
        v.value = Decimal::FromInt(pass.counts.Sum(C::kReceived, p.f, 0, 0));
        break;
      case Measure::kAppCarriedIn:
        v.value = Decimal::FromInt(pass.counts.Sum(C::kCarriedIn, p.f, 0, 0));
        break;
      case Measure::kAppCarriedOut:
        v.value = Decimal::FromInt(pass.counts.Sum(C::kCarriedOut, p.f, 0, 0));
        break;
      case Measure::kAppClosed:
        v.value =
            Decimal::FromInt(pass.counts.Sum(C::kClosed, p.f, p.outcomes & counted_mask, 0b111));
        break;
      case Measure::kAppClosedOnTime:
        v.value =
            Decimal::FromInt(pass.counts.Sum(C::kClosed, p.f, p.outcomes & counted_mask, 0b001));
        break;
      case Measure::kAppClosedExtended:
        v.value =
            Decimal::FromInt(pass.counts.Sum(C::kClosed, p.f, p.outcomes & counted_mask, 0b010));
        break;
      default:
        v.value = MeasureOther(p, records, v.note);
        break;
    }
    out.cells[p.id] = std::move(v);
  }
  GONGKAI_RETURN_IF_ERROR(ApplyManualFigures(fmt, records, out.cells));

  if (!pass.late_numbers.empty()) {
    std::string list;
    for (size_t i = 0; i < pass.late_numbers.size() && i < 20; ++i) {
      list += (i == 0 ? "" : "、") + pass.late_numbers[i];
    }
    if (pass.late_numbers.size() > 20) list += " 等";
    std::string names;
    for (const std::string& id : timeliness_cells) {
      names += (names.empty() ? "" : "，也未计入") + fmt.CellName(id);
    }
    out.findings.push_back(Finding{Severity::kWarning, fmt.id + ".late_closing", timeliness_cells,
                                   "逾期办结 " + std::to_string(pass.late_numbers.size()) +
                                       " 件（编号：" + list +
                                       "）：超过法定答复期限才办结，既未计入" + names +
                                       "，因此办结总数不等于按时办结数与延期办结数之和"});
  }
  return out;
}

Result<std::map<std::string, CellValue>> ComputeCells(const Format& fmt, const YearRecords& records,
                                                      const WorkCalendar& cal) {
  Result<ComputedCells> r = ComputeCellsWithFindings(fmt, records, cal);
  if (!r.ok()) return r.status();
  return std::move(r->cells);
}

}  // namespace gongkai
