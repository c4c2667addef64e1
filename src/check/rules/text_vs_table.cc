// Numbers the narrative states against the cells they describe: "共收到政府信息公开申请70件"
// against 本年新收 (R1/TOT, 2008: C1), "尚未收到政府信息公开申请" against 0, "未发生…行政复议、
// 行政诉讼" against the review and lawsuit totals, and so on (docs/checker.md lists them).
//
// Precision first: a statement is compared only when its subject is this agency (no subject,
// 我局, 本机关, its own name) or, for a government's report, the whole area (全区, 全市 — the
// table may cover only the government itself, so a difference is a note, not a warning).
// Statements about parts (其中, 各乡镇, 县直各单位, another office, one channel), about other
// years or cumulative totals (历年, 累计, 2017年), approximate numbers (5500余条) and sentences
// about other kinds of applications (行政审批, 政务服务, 信访) are skipped.
#include <algorithm>

#include "check/rules/rules.h"

namespace gongkai::check::rules {
namespace {

constexpr size_t npos = std::u32string::npos;

enum class Concept {
  kReceived,
  kCarriedIn,
  kCarriedOut,
  kClosed,
  kAnswered,
  kDisclosed,
  kPartial,
  kActive,
  kNormativePublished,
  kNormativeIssued,
  kNormativeInForce,
  kNormativeRepealed,
  kReview,
  kReviewUpheld,
  kReviewCorrected,
  kReviewOther,
  kReviewPending,
  kLawsuit,
  kLawsuitUpheld,
  kLawsuitCorrected,
  kLawsuitOther,
  kLawsuitPending,
  kFee,
};

// The cells a what is compared with in a format ({} = the format has no such cell).
std::vector<std::string> CellsFor(Concept c, const std::string& f) {
  const bool old = f == "2008";
  switch (c) {
    case Concept::kReceived:
      return {old ? "C1" : "R1/TOT"};
    case Concept::kCarriedIn:
      return old ? std::vector<std::string>{} : std::vector<std::string>{"R2/TOT"};
    case Concept::kCarriedOut:
      return old ? std::vector<std::string>{} : std::vector<std::string>{"R4/TOT"};
    case Concept::kClosed:
      return {old ? "C2" : "R3.7/TOT"};
    case Concept::kAnswered:
      return {old ? "C3" : "R3.7/TOT"};
    case Concept::kDisclosed:
      return {old ? "C3.2" : "R3.1/TOT"};
    case Concept::kPartial:
      return {old ? "C3.3" : "R3.2/TOT"};
    case Concept::kActive:
      return old ? std::vector<std::string>{"A1"} : std::vector<std::string>{};
    case Concept::kNormativePublished:
      return old ? std::vector<std::string>{"A1a"} : std::vector<std::string>{};
    case Concept::kNormativeIssued:
      if (old) return {"A1b"};
      return {f == "2019" ? "T2.1.2/NEW" : "T2.1.2/ISS"};
    case Concept::kNormativeInForce:
      return f == "2021" ? std::vector<std::string>{"T2.1.2/EFF"} : std::vector<std::string>{};
    case Concept::kNormativeRepealed:
      return f == "2021" ? std::vector<std::string>{"T2.1.2/REP"} : std::vector<std::string>{};
    case Concept::kReview:
      return {old ? "D" : "RV.T"};
    case Concept::kReviewUpheld:
      return {old ? "D1" : "RV.M"};
    case Concept::kReviewCorrected:
      return {old ? "D2" : "RV.C"};
    case Concept::kReviewOther:
      return {old ? "D3" : "RV.O"};
    case Concept::kReviewPending:
      return old ? std::vector<std::string>{} : std::vector<std::string>{"RV.P"};
    case Concept::kLawsuit:
      return old ? std::vector<std::string>{"E"} : std::vector<std::string>{"LD.T", "LR.T"};
    case Concept::kLawsuitUpheld:
      return old ? std::vector<std::string>{"E1"} : std::vector<std::string>{"LD.M", "LR.M"};
    case Concept::kLawsuitCorrected:
      return old ? std::vector<std::string>{"E2"} : std::vector<std::string>{"LD.C", "LR.C"};
    case Concept::kLawsuitOther:
      return old ? std::vector<std::string>{"E3"} : std::vector<std::string>{"LD.O", "LR.O"};
    case Concept::kLawsuitPending:
      return old ? std::vector<std::string>{} : std::vector<std::string>{"LD.P", "LR.P"};
    case Concept::kFee:
      return old ? std::vector<std::string>{"G"} : std::vector<std::string>{};
  }
  return {};
}

bool IsApplicationConcept(Concept c) {
  return c == Concept::kReceived || c == Concept::kCarriedIn || c == Concept::kCarriedOut ||
         c == Concept::kClosed || c == Concept::kAnswered || c == Concept::kDisclosed ||
         c == Concept::kPartial;
}

// A total (not a breakdown): "其中" before it makes it a part of something else.
bool IsTotalConcept(Concept c) {
  return c == Concept::kReceived || c == Concept::kClosed || c == Concept::kAnswered ||
         c == Concept::kActive || c == Concept::kReview || c == Concept::kLawsuit ||
         c == Concept::kNormativeIssued;
}

enum class Scope { kOwn, kArea, kPart };

struct Statement {
  Concept what;
  Decimal value;
  size_t quote_begin = 0, quote_end = 0;
  size_t anchor = 0;  // the trigger, for scope
  bool zero = false;  // "尚未收到…" rather than a number
  // "予以公开": in the 2008 table an application granted may be C3.1 (已主动公开) or C3.2
  // (同意公开), so only "同意公开" is compared there.
  bool not_2008 = false;
};

bool IsHardBoundary(char32_t c) {
  return IsClauseEnd(c) || c == '(' || c == ')' || c == '|' || c == U'《' || c == U'》' ||
         c == U'“' || c == U'”';
}

struct Trigger {
  Concept what;
  std::u32string_view word;
};

// Triggers that precede the number ("受理…申请3119件").
const std::vector<Trigger>& PreTriggers() {
  static const std::vector<Trigger> k = {
      {Concept::kReceived, U"收到"},
      {Concept::kReceived, U"受理"},
      {Concept::kReceived, U"接收"},
      {Concept::kReceived, U"接到"},
      {Concept::kReceived, U"新收"},
      {Concept::kCarriedIn, U"上年结转"},
      {Concept::kCarriedIn, U"上年度结转"},
      {Concept::kCarriedIn, U"上一年度结转"},
      {Concept::kCarriedIn, U"上年转结"},
      {Concept::kCarriedOut, U"结转下年度"},
      {Concept::kCarriedOut, U"结转到下年度"},
      {Concept::kCarriedOut, U"结转至下年度"},
      {Concept::kCarriedOut, U"转入下年度"},
      {Concept::kClosed, U"办结"},
      {Concept::kClosed, U"办理完毕"},
      {Concept::kClosed, U"处理完毕"},
      {Concept::kAnswered, U"答复"},
      {Concept::kAnswered, U"回复"},
      {Concept::kDisclosed, U"予以公开"},
      {Concept::kDisclosed, U"同意公开"},
      {Concept::kDisclosed, U"全部公开"},
      {Concept::kPartial, U"部分公开"},
      {Concept::kActive, U"主动公开"},
      {Concept::kNormativeIssued, U"制发"},
      {Concept::kNormativeIssued, U"出台"},
      {Concept::kNormativeIssued, U"印发"},
      {Concept::kNormativeIssued, U"制定"},
      {Concept::kNormativeInForce, U"现行有效"},
      {Concept::kNormativeRepealed, U"废止"},
      {Concept::kReview, U"行政复议"},
      {Concept::kReview, U"复议"},
      {Concept::kLawsuit, U"行政诉讼"},
      {Concept::kLawsuit, U"诉讼"},
      {Concept::kFee, U"收取"},
      {Concept::kFee, U"收费"},
  };
  return k;
}

// Triggers that follow the number ("1件结转下年度", "103件顺延到下年度答复", "2件予以公开").
const std::vector<Trigger>& PostTriggers() {
  static const std::vector<Trigger> k = {
      {Concept::kCarriedOut, U"结转下年度"},   {Concept::kCarriedOut, U"结转到下年度"},
      {Concept::kCarriedOut, U"结转至下年度"}, {Concept::kCarriedOut, U"顺延到下年度"},
      {Concept::kCarriedOut, U"顺延至下年度"}, {Concept::kCarriedOut, U"转入下年度"},
      {Concept::kCarriedOut, U"结转下一年度"}, {Concept::kDisclosed, U"予以公开"},
      {Concept::kDisclosed, U"同意公开"},      {Concept::kPartial, U"部分公开"},
  };
  return k;
}

// Breakdown words after a review or lawsuit total ("其中结果维持72件，结果纠正64件…").
struct Breakdown {
  std::u32string_view word;
  Concept review, lawsuit;
};
const std::vector<Breakdown>& Breakdowns() {
  static const std::vector<Breakdown> k = {
      {U"维持", Concept::kReviewUpheld, Concept::kLawsuitUpheld},
      {U"纠正", Concept::kReviewCorrected, Concept::kLawsuitCorrected},
      {U"纠错", Concept::kReviewCorrected, Concept::kLawsuitCorrected},
      {U"其他结果", Concept::kReviewOther, Concept::kLawsuitOther},
      {U"其他情形", Concept::kReviewOther, Concept::kLawsuitOther},
      {U"未审结", Concept::kReviewPending, Concept::kLawsuitPending},
      {U"审理中", Concept::kReviewPending, Concept::kLawsuitPending},
  };
  return k;
}

// Words that make a number about something narrower or different than the what.
bool GapExcluded(Concept c, std::u32string_view gap) {
  static const std::vector<std::u32string_view> kApplication = {
      U"复议", U"诉讼", U"举报", U"投诉", U"信访", U"咨询", U"来信", U"来电", U"留言",
      U"诉求", U"建议", U"提案", U"当面", U"信函", U"网上", U"网络", U"传真", U"邮件",
      U"邮寄", U"其中", U"累计", U"以来", U"按时", U"延期", U"逾期", U"超期", U"办件",
      U"审批", U"许可", U"率",   U"当场", U"当日", U"平均"};
  static const std::vector<std::u32string_view> kActive = {
      U"其中", U"累计", U"历年", U"网站",   U"公报",   U"微博", U"微信",
      U"渠道", U"栏目", U"专栏", U"新媒体", U"公众号", U"目录", U"率"};
  static const std::vector<std::u32string_view> kCase = {U"诉讼", U"复议", U"决定", U"维持",
                                                         U"纠正", U"纠错", U"其中", U"累计",
                                                         U"率",   U"败诉", U"应诉", U"出庭"};
  const std::vector<std::u32string_view>* words = nullptr;
  if (IsApplicationConcept(c)) words = &kApplication;
  if (c == Concept::kActive) words = &kActive;
  if (c == Concept::kReview || c == Concept::kLawsuit) words = &kCase;
  if (words == nullptr) return false;
  for (std::u32string_view w : *words) {
    if (c == Concept::kReview && w == U"复议") continue;
    if (c == Concept::kLawsuit && (w == U"诉讼" || w == U"应诉")) continue;
    if (gap.find(w) != npos) return true;
  }
  return false;
}

class Reader {
 public:
  explicit Reader(const RuleContext& ctx) : ctx_(ctx), t_(ctx.narrative.text()) {}

  std::vector<Statement> Read() {
    std::vector<Statement> out;
    ReadNumbers(out);
    ReadZeros(out);
    return out;
  }

  // Scope of a statement from the text of its sentence before the trigger.
  std::optional<Scope> ScopeOf(const Statement& s) const {
    const size_t sb = ctx_.narrative.SentenceBegin(s.anchor);
    const std::u32string_view prefix = std::u32string_view(t_).substr(sb, s.anchor - sb);
    const size_t cb = ctx_.narrative.ClauseBegin(s.anchor);
    const std::u32string_view clause = std::u32string_view(t_).substr(cb, s.anchor - cb);
    // Other years and cumulative figures.
    for (std::u32string_view w : {U"历年", U"累计", U"以来", U"至今", U"截至"}) {
      if (prefix.find(w) != npos) return std::nullopt;
    }
    for (std::u32string_view w : {U"去年", U"前年", U"上一年", U"同比"}) {
      if (clause.find(w) != npos) return std::nullopt;
    }
    if (s.what != Concept::kCarriedIn && clause.find(U"上年") != npos) return std::nullopt;
    if (ctx_.year && MentionsOtherYear(prefix, *ctx_.year)) return std::nullopt;
    if (IsTotalConcept(s.what) && clause.find(U"其中") != npos) return Scope::kPart;
    for (std::u32string_view w :
         {U"各乡", U"各镇", U"各街道", U"各部门", U"各单位", U"各县",   U"各区", U"各地",
          U"各委", U"各处", U"各科",   U"县直",   U"区直",   U"市直",   U"省直", U"乡镇",
          U"街道", U"下属", U"所属",   U"分别",   U"部门中", U"单位中", U"本级"}) {
      if (prefix.find(w) != npos) return Scope::kPart;
    }
    if (OtherBody(clause)) return Scope::kPart;
    for (std::u32string_view w : {U"全区", U"全市", U"全县", U"全省", U"全州", U"全盟", U"全旗",
                                  U"全镇", U"全乡", U"全系统", U"全行业", U"各级"}) {
      if (prefix.find(w) != npos) return Scope::kArea;
    }
    return Scope::kOwn;
  }

 private:
  static bool MentionsOtherYear(std::u32string_view s, int year) {
    for (size_t p = 0; p + 4 < s.size(); ++p) {
      if (!IsAsciiDigit(s[p]) || (p > 0 && IsAsciiDigit(s[p - 1]))) continue;
      std::optional<Number> n = NumberAt(s, p);
      if (n && !n->chinese && n->end - n->begin == 4 && n->end < s.size() && s[n->end] == U'年' &&
          n->value.integer_part() != year) {
        return true;
      }
    }
    return false;
  }

  // The clause names a body that is not this agency: "县政府公开办主动公开…".
  bool OtherBody(std::u32string_view clause) const {
    std::u32string c(clause);
    for (std::u32string_view w : {U"我", U"本"}) {
      if (c.find(w) != npos) return false;
    }
    const std::u32string agency = Compact(ctx_.report->agency);
    if (!agency.empty() && agency.size() >= 4) {
      const std::u32string tail = agency.substr(agency.size() - std::min<size_t>(agency.size(), 5));
      if (c.find(tail) != npos) return false;
    }
    // Strip trailing adverbs, then see whether what precedes the verb ends like a body.
    for (bool changed = true; changed && !c.empty();) {
      changed = false;
      for (std::u32string_view w : {U"共", U"已", U"均", U"依法", U"先后", U"一共", U"总共",
                                    U"合计", U"全年", U"年内", U"及时", U"依规", U"尚", U"累计"}) {
        if (c.ends_with(w)) {
          c.resize(c.size() - w.size());
          changed = true;
        }
      }
    }
    if (c.size() < 2) return false;
    static const std::u32string kBody = U"局办委厅院站所队室处署馆";
    return kBody.find(c.back()) != npos && !c.ends_with(U"全局");
  }

  // True if the text before `pos` (back to the last heading, at most 400 characters) is about
  // applications for disclosure.
  bool ApplicationTopic(size_t pos) const {
    const size_t from = pos > 400 ? pos - 400 : 0;
    size_t heading = from;
    for (size_t i = pos; i > from; --i) {
      const char32_t c = t_[i - 1];
      if ((c == U'、' && i >= 2 && IsChineseOrdinal(t_[i - 2])) ||
          (c == ')' && i >= 3 && t_[i - 3] == '(' && IsChineseOrdinal(t_[i - 2]))) {
        heading = i >= 3 && c == ')' ? i - 3 : i - 2;
        break;
      }
    }
    return ContainsAny(t_, heading, pos + 12,
                       {U"依申请公开", U"信息公开申请", U"公开申请", U"依申请"});
  }

  static bool IsChineseOrdinal(char32_t c) {
    return std::u32string_view(U"一二三四五六七八九十").find(c) != npos;
  }

  bool SentenceDenied(size_t pos) const {
    const size_t sb = ctx_.narrative.SentenceBegin(pos);
    const size_t se = ctx_.narrative.SentenceEnd(pos);
    return ContainsAny(t_, sb, se,
                       {U"审批", U"政务服务", U"办件", U"行政许可", U"窗口", U"12345", U"热线",
                        U"信访", U"诉求", U"咨询", U"人大代表", U"政协", U"提案"});
  }

  // Start of the window before a number: the last hard boundary or digit, at most 40
  // characters back (a trigger is never farther from its number).
  size_t PreStart(size_t begin) const {
    size_t s = begin;
    const size_t limit = begin > 40 ? begin - 40 : 0;
    while (s > limit && !IsHardBoundary(t_[s - 1]) && !IsAsciiDigit(t_[s - 1])) --s;
    return s;
  }
  size_t PostEnd(size_t from) const {
    size_t e = from;
    while (e < t_.size() && !IsHardBoundary(t_[e]) && e - from < 30) ++e;
    return e;
  }

  void ReadNumbers(std::vector<Statement>& out) {
    // The case group (review / lawsuit) a breakdown number belongs to, per sentence.
    bool in_group = false;
    Concept group = Concept::kReview;
    size_t group_sentence_end = 0;
    for (size_t u = 1; u < t_.size(); ++u) {
      const char32_t unit = t_[u];
      if (unit != U'件' && unit != U'条' && unit != U'元' && unit != U'起') continue;
      size_t num_end = u;
      bool wan = false;
      if (unit == U'元' && t_[u - 1] == U'万') {
        wan = true;
        num_end = u - 1;
      }
      bool approximate = false;
      if (num_end > 0 && (t_[num_end - 1] == U'余' || t_[num_end - 1] == U'多')) {
        approximate = true;
        --num_end;
      }
      std::optional<Number> n = NumberBefore(t_, num_end);
      if (!n) continue;
      if (n->begin > 0 && (t_[n->begin - 1] == U'约' || t_[n->begin - 1] == U'近')) {
        approximate = true;
      }
      if (u + 1 < t_.size() && (t_[u + 1] == U'以' || t_[u + 1] == U'左')) approximate = true;
      const size_t pre_begin = PreStart(n->begin);
      const std::u32string_view pre =
          std::u32string_view(t_).substr(pre_begin, n->begin - pre_begin);
      const size_t post_begin = u + 1;
      const size_t post_end = PostEnd(post_begin);
      const std::u32string_view post =
          std::u32string_view(t_).substr(post_begin, post_end - post_begin);
      if (in_group && n->begin >= group_sentence_end) in_group = false;

      std::optional<Statement> s;
      // Breakdown of a review / lawsuit total in the same sentence.
      if (in_group && (unit == U'件' || unit == U'起')) {
        for (const Breakdown& b : Breakdowns()) {
          const size_t at = pre.rfind(b.word);
          if (at == npos || pre.size() - (at + b.word.size()) > 2) continue;
          s = Statement{group == Concept::kReview ? b.review : b.lawsuit,
                        n->value,
                        pre_begin,
                        u + 1,
                        pre_begin + at,
                        false};
          break;
        }
      }
      if (!s) s = FromPre(pre, pre_begin, *n, unit, wan, post, u);
      if (!s) s = FromPost(post, post_begin, *n, unit, pre_begin);
      if (!s || approximate) continue;
      if (s->what == Concept::kReview || s->what == Concept::kLawsuit) {
        in_group = true;
        group = s->what;
        group_sentence_end = ctx_.narrative.SentenceEnd(u);
      }
      out.push_back(*s);
    }
  }

  std::optional<Statement> FromPre(std::u32string_view pre, size_t pre_begin, const Number& n,
                                   char32_t unit, bool wan, std::u32string_view post,
                                   size_t unit_pos) const {
    // The trigger closest to the number wins.
    const Trigger* best = nullptr;
    size_t best_at = npos;
    for (const Trigger& tr : PreTriggers()) {
      const size_t at = pre.rfind(tr.word);
      if (at == npos) continue;
      if (best == nullptr || at + tr.word.size() > best_at + best->word.size() ||
          (at + tr.word.size() == best_at + best->word.size() &&
           tr.word.size() > best->word.size())) {
        best = &tr;
        best_at = at;
      }
    }
    if (best == nullptr) return std::nullopt;
    Concept c = best->what;
    const std::u32string_view gap = pre.substr(best_at + best->word.size());
    // "行政复议答复3件", "举报投诉办结5件": applications of another kind.
    if (IsApplicationConcept(c) &&
        ContainsAny(pre, 0, best_at, {U"复议", U"诉讼", U"举报", U"投诉", U"信访", U"咨询"})) {
      return std::nullopt;
    }
    const size_t trigger_pos = pre_begin + best_at;
    if (gap.size() > 14 || GapExcluded(c, gap)) return std::nullopt;
    const bool count_unit = unit == U'件' || unit == U'条';

    switch (c) {
      case Concept::kReceived: {
        if (!count_unit) return std::nullopt;
        const bool noun_before = gap.find(U"申请") != npos;
        const bool noun_after = post.starts_with(U"申请") || post.starts_with(U"的申请") ||
                                post.starts_with(U"政府信息公开申请") ||
                                post.starts_with(U"信息公开申请") || post.starts_with(U"依申请");
        if (!noun_before && !noun_after) return std::nullopt;
        if (gap.find(U"公开") == npos && !Contains(post.substr(0, 12), U"公开") &&
            !ApplicationTopic(trigger_pos)) {
          return std::nullopt;
        }
        if (SentenceDenied(trigger_pos)) return std::nullopt;
        break;
      }
      case Concept::kCarriedIn:
      case Concept::kCarriedOut:
      case Concept::kClosed:
      case Concept::kAnswered:
      case Concept::kDisclosed:
      case Concept::kPartial:
        if (!count_unit || gap.size() > 8) return std::nullopt;
        if (c == Concept::kDisclosed && gap.find(U"部分") != npos) return std::nullopt;
        if (c != Concept::kCarriedIn && c != Concept::kCarriedOut &&
            !ApplicationTopic(trigger_pos)) {
          return std::nullopt;
        }
        if (SentenceDenied(trigger_pos)) return std::nullopt;
        if (c == Concept::kDisclosed || c == Concept::kPartial) {
          // "予以公开" also describes proactive disclosure.
          const size_t sb = ctx_.narrative.SentenceBegin(trigger_pos);
          if (ContainsAny(t_, sb, ctx_.narrative.SentenceEnd(trigger_pos), {U"主动公开"})) {
            return std::nullopt;
          }
        }
        break;
      case Concept::kActive: {
        if (unit != U'条') return std::nullopt;
        // "其他应主动公开的信息946条", "属于主动公开范围": a category, not the total.
        const std::u32string_view before = pre.substr(0, best_at);
        if (before.ends_with(U"应") || before.ends_with(U"属于") ||
            ContainsAny(before, 0, before.size(), {U"其他", U"其它", U"类"})) {
          return std::nullopt;
        }
        if (gap.find(U"规范性文件") != npos) c = Concept::kNormativePublished;
        if (ContainsAny(pre, 0, best_at,
                        {U"网站", U"公报", U"微博", U"微信", U"栏目", U"专栏", U"新媒体", U"公众号",
                         U"平台"})) {
          return std::nullopt;  // one channel
        }
        break;
      }
      case Concept::kNormativeIssued:
      case Concept::kNormativeInForce:
      case Concept::kNormativeRepealed: {
        if (unit != U'件') return std::nullopt;
        const size_t doc = gap.find(U"规范性文件");
        if (doc == npos || gap.size() - (doc + 5) > 3) return std::nullopt;
        if (ContainsAny(gap, 0, gap.size(),
                        {U"清理", U"审查", U"备案", U"修订", U"解读", U"公开"})) {
          return std::nullopt;
        }
        break;
      }
      case Concept::kReview:
      case Concept::kLawsuit: {
        if (unit != U'件' && unit != U'起') return std::nullopt;
        if (gap.size() > 10) return std::nullopt;
        // "行政复议和行政诉讼共2件": one number for both.
        if (pre.substr(0, best_at).find(c == Concept::kReview ? U"诉讼" : U"复议") != npos) {
          return std::nullopt;
        }
        const size_t sb = ctx_.narrative.SentenceBegin(trigger_pos);
        if (!ContainsAny(t_, sb, unit_pos, {U"信息公开"})) return std::nullopt;
        break;
      }
      case Concept::kFee: {
        if (unit != U'元') return std::nullopt;
        const size_t sb = ctx_.narrative.SentenceBegin(trigger_pos);
        const size_t se = ctx_.narrative.SentenceEnd(trigger_pos);
        if (!ContainsAny(t_, sb, se, {U"信息公开", U"依申请", U"检索", U"复制", U"邮寄"}) ||
            ContainsAny(t_, sb, se, {U"行政事业性", U"减免"})) {
          return std::nullopt;
        }
        Statement s{c, n.value, trigger_pos, unit_pos + 1, trigger_pos, false};
        if (!wan) {
          // 元 → 万元: the 2008 cell G is in 万元.
          s.value = Decimal::FromMicros(n.value.micros() / 10000);
          if (n.value.micros() % 10000 != 0) return std::nullopt;
        }
        return s;
      }
      default:
        return std::nullopt;
    }
    Statement st{c, n.value, trigger_pos, unit_pos + 1, trigger_pos, false};
    st.not_2008 = c == Concept::kDisclosed && best->word != U"同意公开";
    return st;
  }

  std::optional<Statement> FromPost(std::u32string_view post, size_t post_begin, const Number& n,
                                    char32_t unit, size_t pre_begin) const {
    if (unit != U'件' && unit != U'条') return std::nullopt;
    std::u32string_view rest = post;
    for (std::u32string_view filler : {U"政府信息公开申请", U"信息公开申请", U"申请"}) {
      if (rest.starts_with(filler)) {
        rest.remove_prefix(filler.size());
        break;
      }
    }
    for (const Trigger& tr : PostTriggers()) {
      if (!rest.starts_with(tr.word)) continue;
      const size_t at = post_begin + (post.size() - rest.size());
      if (!ApplicationTopic(at)) return std::nullopt;
      if (SentenceDenied(at)) return std::nullopt;
      Statement st{tr.what, n.value, n.begin, at + tr.word.size(), at, false};
      st.not_2008 = tr.what == Concept::kDisclosed && tr.word != U"同意公开";
      return st;
    }
    return std::nullopt;
  }

  // "尚未收到政府信息公开申请", "未发生…行政复议、行政诉讼", "不收费".
  void ReadZeros(std::vector<Statement>& out) {
    static const std::vector<std::u32string_view> kNegations = {
        U"尚未收到", U"未收到",   U"没有收到", U"暂未收到", U"未接到", U"没有接到",
        U"未发生",   U"没有发生", U"未出现",   U"没有出现", U"未有",   U"无"};
    for (size_t p = 0; p < t_.size(); ++p) {
      const char32_t first = t_[p];
      if (first != U'尚' && first != U'未' && first != U'没' && first != U'暂' && first != U'无') {
        continue;
      }
      std::u32string_view neg;
      for (std::u32string_view w : kNegations) {
        if (StartsWith(t_, p, w)) {
          neg = w;
          break;
        }
      }
      if (neg.empty()) continue;
      // 尚未收到 also starts 未收到 one character later: take the longest form only.
      const size_t rest_begin = p + neg.size();
      size_t e = rest_begin;
      while (e < t_.size() && !IsSentenceEnd(t_[e]) && t_[e] != ',' && t_[e] != U'，' &&
             e - rest_begin < 40) {
        ++e;
      }
      const std::u32string_view rest = std::u32string_view(t_).substr(rest_begin, e - rest_begin);
      bool matched = false;
      if (NoApplications(rest)) {
        out.push_back({Concept::kReceived, Decimal(), p, e, p, true});
        matched = true;
      } else {
        const bool review = rest.find(U"复议") != npos;
        const bool lawsuit = rest.find(U"诉讼") != npos;
        // A bare 无 is too common a character: only "无…复议…情况/案件".
        const bool plain = neg != U"无" && neg != U"未有";
        if ((review || lawsuit) &&
            (plain || ContainsAny(rest, 0, rest.size(), {U"情况", U"案件"})) &&
            !ContainsAny(
                rest, 0, rest.size(),
                {U"纠错", U"纠正", U"败诉", U"撤销", U"确认违法", U"被告", U"结果", U"决定"}) &&
            ContainsAny(t_, ctx_.narrative.SentenceBegin(p), e, {U"信息公开"})) {
          if (review) out.push_back({Concept::kReview, Decimal(), p, e, p, true});
          if (lawsuit) out.push_back({Concept::kLawsuit, Decimal(), p, e, p, true});
          matched = true;
        }
      }
      if (matched) p = e - 1;
    }
    for (std::u32string_view w :
         {U"不收费", U"未收取任何费用", U"未收取费用", U"没有收取费用", U"未收费", U"无收费",
          U"暂不收费", U"不收取费用", U"不收取任何费用"}) {
      for (size_t p = t_.find(w); p != npos; p = t_.find(w, p + 1)) {
        const size_t sb = ctx_.narrative.SentenceBegin(p);
        const size_t se = ctx_.narrative.SentenceEnd(p);
        if (!ContainsAny(t_, sb, se, {U"信息"}) ||
            ContainsAny(t_, sb, se, {U"行政事业性", U"处理费"})) {
          continue;
        }
        out.push_back({Concept::kFee, Decimal(), sb, p + w.size(), p, true});
      }
    }
  }

  // "政府信息公开申请" after the negation, with nothing but fillers around it.
  static bool NoApplications(std::u32string_view rest) {
    std::u32string r(rest);
    const size_t a = r.find(U"申请");
    if (a == npos) return false;
    std::u32string before = r.substr(0, a);
    std::u32string after = r.substr(a + 2);
    for (std::u32string_view filler :
         {U"公民、法人或者其他组织", U"公民、法人或其他组织", U"公民、法人和其他组织", U"有关",
          U"关于", U"政府信息公开", U"信息公开", U"依申请公开", U"任何", U"相关", U"提出", U"方面",
          U"的", U"过", U"一件", U"1件"}) {
      for (size_t p = before.find(filler); p != npos; p = before.find(filler)) {
        before.erase(p, filler.size());
      }
    }
    if (!before.empty()) return false;
    for (std::u32string_view tail : {U"的情况", U"情况", U"事项", U"。", U""}) {
      if (after == tail) return true;
    }
    return false;
  }

  const RuleContext& ctx_;
  const std::u32string& t_;
};

std::string ConceptCellsText(const Format& fmt, const std::vector<std::string>& cells,
                             const std::map<std::string, ExtractedCell>& values, Decimal* sum) {
  std::string s;
  Decimal total;
  for (size_t i = 0; i < cells.size(); ++i) {
    const Decimal v = values.at(cells[i]).value;
    total += v;
    if (i > 0) s += " 加 ";
    s += fmt.CellName(cells[i]) + "=" + v.ToString();
  }
  if (cells.size() > 1) s += " 共 " + total.ToString();
  *sum = total;
  return s;
}

}  // namespace

void CheckTextVsTable(const RuleContext& ctx, std::vector<CheckFinding>& out) {
  if (ctx.format == nullptr) return;
  const Format& fmt = *ctx.format;
  Reader reader(ctx);
  std::vector<Statement> statements = reader.Read();
  for (const Statement& s : statements) {
    if (s.not_2008 && fmt.id == "2008") continue;
    const std::vector<std::string> cells = CellsFor(s.what, fmt.id);
    if (cells.empty()) continue;
    bool all = true;
    for (const std::string& c : cells) all = all && ctx.cells.contains(c);
    if (!all) continue;
    std::optional<Scope> scope = reader.ScopeOf(s);
    if (!scope || *scope == Scope::kPart) continue;
    if (*scope == Scope::kArea && !ctx.government) continue;
    Decimal table;
    std::string cells_text = ConceptCellsText(fmt, cells, ctx.cells, &table);
    if (s.what == Concept::kFee) {
      // The fee row printed in 元 where the form says 万元: compare in 万元.
      auto unit = ctx.report->row_units.find(cells[0]);
      if (unit != ctx.report->row_units.end() && Compact(unit->second.first) == U"元") {
        if (table.micros() % 10000 != 0) continue;
        table = Decimal::FromMicros(table.micros() / 10000);
        cells_text += "元（即 " + table.ToString() + " 万元）";
      }
    }
    if (table == s.value) continue;
    const std::string quote = ctx.narrative.Slice(s.quote_begin, s.quote_end);
    std::string msg;
    if (s.zero) {
      msg = "正文说" + Quoted(quote) + "，但表中" + cells_text + "：两处应一致，请核对哪一处有误";
    } else {
      msg = "正文" + Quoted(quote) + "写的是 " + s.value.ToString() + "，表中" + cells_text +
            "：两处应一致，请核对哪一处有误";
    }
    Severity severity = Severity::kWarning;
    if (*scope == Scope::kArea) {
      severity = Severity::kInfo;
      msg += "（正文说的是全辖区的数，若统计表只统计本机关，差异可能来自统计口径）";
    }
    int line = ctx.narrative.LineAt(s.quote_begin);
    out.push_back(
        {"text_vs_table", severity, line, cells, msg, "text_vs_table." + std::string(cells[0])});
  }
}

}  // namespace gongkai::check::rules
