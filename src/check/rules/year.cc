// The report year against the year the table header, the statistics period, the narrative's
// own "report" phrases and the signature date give.
#include <map>

#include "check/rules/rules.h"

namespace gongkai::check::rules {
namespace {

constexpr size_t npos = std::u32string::npos;

// After "YYYY年": (度)?(政府信息公开|政务公开|信息公开)(工作)?(年度)?(情况)?(报告|年报).
// Returns the end of the phrase, or npos.
size_t ReportNameAfter(std::u32string_view t, size_t i) {
  if (StartsWith(t, i, U"度")) ++i;
  bool subject = false;
  for (std::u32string_view w : {U"政府信息公开", U"政务公开", U"信息公开"}) {
    if (StartsWith(t, i, w)) {
      i += w.size();
      subject = true;
      break;
    }
  }
  if (!subject) return npos;
  for (std::u32string_view w : {U"工作", U"年度", U"情况"}) {
    if (StartsWith(t, i, w)) i += w.size();
  }
  if (StartsWith(t, i, U"报告") || StartsWith(t, i, U"年报")) return i + 2;
  return npos;
}

// A 4-digit year followed by 年 at `pos`.
std::optional<Number> YearAt(std::u32string_view t, size_t pos) {
  std::optional<Number> n = NumberAt(t, pos);
  if (!n || n->chinese || n->end - n->begin != 4 || n->end >= t.size() || t[n->end] != U'年') {
    return std::nullopt;
  }
  const int64_t y = n->value.integer_part();
  if (y < 1990 || y > 2100) return std::nullopt;
  return n;
}

struct Phrase {
  int year = 0;
  size_t begin = 0, end = 0;  // the phrase as quoted in messages
  size_t year_pos = 0;
  bool title = false;
};

// Places where the narrative names the year of this report: "现将2017年政府信息公开工作情况
// 报告如下", "编制了2018年度政府信息公开工作报告", "现公布2011年度…年度报告", and the title at
// the top. Titles of other documents (《…》, "关于…的通知") are not.
std::vector<Phrase> ReportYearPhrases(const ReportText& text) {
  std::vector<Phrase> out;
  const std::u32string& t = text.text();
  for (size_t p = 0; p + 5 < t.size(); ++p) {
    if (!IsAsciiDigit(t[p]) || (p > 0 && IsAsciiDigit(t[p - 1]))) continue;
    std::optional<Number> y = YearAt(t, p);
    if (!y) continue;
    const size_t end = ReportNameAfter(t, y->end + 1);
    if (end == npos || InsideTitleMarks(t, p)) continue;
    const size_t sb = text.SentenceBegin(p);
    const size_t se = text.SentenceEnd(end);
    const size_t before = p > sb + 12 ? p - 12 : sb;
    if (ContainsAny(t, p > sb + 25 ? p - 25 : sb, p, {U"关于", U"根据", U"按照", U"依据"}) ||
        ContainsAny(t, end, std::min(se, end + 20), {U"通知", U"意见", U"有关事项", U"的要求"})) {
      continue;
    }
    Phrase ph;
    ph.year = static_cast<int>(y->value.integer_part());
    ph.year_pos = p;
    ph.begin = p;
    ph.end = end;
    for (std::u32string_view w : {U"现将", U"编制", U"现公布", U"现予公布", U"现予以公布", U"发布",
                                  U"本报告是", U"本报告为"}) {
      const size_t at = std::u32string_view(t).substr(before, p - before).rfind(w);
      if (at != npos) {
        ph.begin = before + at;
        break;
      }
    }
    if (ph.begin == p) {
      // No verb: only the title of the report itself, near the top.
      if (p > 400) continue;
      ph.title = true;
    } else if (StartsWith(t, end, U"如下")) {
      ph.end = end + 2;
    }
    out.push_back(ph);
  }
  return out;
}

struct Period {
  TextDate from, to;
  size_t begin = 0, end = 0;
};

// "统计期限自2018年1月1日起至2018年12月31日止" and its variants.
std::optional<Period> FindPeriod(const ReportText& text) {
  const std::u32string& t = text.text();
  for (size_t p = t.find(U"统计"); p != npos; p = t.find(U"统计", p + 2)) {
    for (size_t i = p + 2; i < std::min(t.size(), p + 18); ++i) {
      std::optional<TextDate> a = DateAt(t, i);
      if (!a) continue;
      size_t j = a->end;
      if (StartsWith(t, j, U"起")) ++j;
      if (j < t.size() && (t[j] == U'至' || t[j] == U'到' || t[j] == '-' || t[j] == U'—' ||
                           t[j] == '~' || t[j] == U'～' || t[j] == U'–')) {
        ++j;
        if (j < t.size() && t[j] == U'—') ++j;
        std::optional<TextDate> b = DateAt(t, j);
        if (b) return Period{*a, *b, i, b->end};
      }
      break;
    }
  }
  return std::nullopt;
}

std::string DateText(const TextDate& d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) +
         "日";
}

// "(2018年度)" in the table header, or "2011年政府信息公开情况统计表", in the whole document.
std::optional<YearEvidence> TableYear(const ReportText& full) {
  const std::u32string& c = full.text();
  for (size_t p = c.find(U'年'); p != npos; p = c.find(U'年', p + 1)) {
    if (p < 4) continue;
    const size_t b = p - 4;
    if (!IsAsciiDigit(c[b]) || (b > 0 && IsAsciiDigit(c[b - 1]))) continue;
    std::optional<Number> y = YearAt(c, b);
    if (!y) continue;
    const int year = static_cast<int>(y->value.integer_part());
    size_t e = p + 1;
    if (b > 0 && c[b - 1] == '(' && StartsWith(c, e, U"度)")) {
      return YearEvidence{year, full.LineAt(b), "统计表表头“(" + std::to_string(year) + "年度)”",
                          2};
    }
    if (StartsWith(c, e, U"度")) ++e;
    if (StartsWith(c, e, U"政府信息公开情况统计表") ||
        StartsWith(c, e, U"政府信息公开工作情况统计表")) {
      return YearEvidence{year, full.LineAt(b), "统计表标题“" + std::to_string(year) + "年…统计表”",
                          2};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<YearEvidence> InferYear(const RuleContext& ctx) {
  std::map<int, int> votes;
  std::map<int, YearEvidence> first;
  auto vote = [&](const YearEvidence& e) {
    votes[e.year] += e.weight;
    if (!first.contains(e.year) || first[e.year].weight < e.weight) first[e.year] = e;
  };
  if (std::optional<YearEvidence> t = TableYear(ctx.full)) vote(*t);
  if (std::optional<Period> p = FindPeriod(ctx.narrative)) {
    vote({p->to.year, ctx.narrative.LineAt(p->begin), "统计期限", 2});
  }
  for (const Phrase& ph : ReportYearPhrases(ctx.narrative)) {
    vote({ph.year, ctx.narrative.LineAt(ph.year_pos), ctx.narrative.Slice(ph.begin, ph.end),
          ph.title ? 2 : 1});
  }
  if (const std::optional<Signature>& s = ctx.signature; s && s->date.month <= 6) {
    vote({s->date.year - 1, s->date_line, "落款日期", 1});
  }
  if (votes.empty()) return std::nullopt;
  int best = 0, best_votes = -1;
  for (const auto& [year, n] : votes) {
    if (n > best_votes) {
      best = year;
      best_votes = n;
    }
  }
  return first[best];
}

void CheckYear(const RuleContext& ctx, std::vector<CheckFinding>& out) {
  if (!ctx.year) return;
  const int y = *ctx.year;
  const std::string ys = std::to_string(y);
  const std::string basis = "本报告是 " + ys + " 年度报告";

  if (std::optional<YearEvidence> t = TableYear(ctx.full); t && t->year != y) {
    out.push_back({"year",
                   Severity::kError,
                   t->line,
                   {},
                   t->what + "与报告年度不符：" + basis + "，表头应为“(" + ys + "年度)”",
                   "year.table"});
  }

  std::optional<Period> p = FindPeriod(ctx.narrative);
  if (p && (p->from.year != y || p->to.year != y)) {
    out.push_back({"year",
                   Severity::kError,
                   ctx.narrative.LineAt(p->begin),
                   {},
                   "统计期限写作“" + DateText(p->from) + "至" + DateText(p->to) +
                       "”，与报告年度不符：" + basis + "，应为“" + ys + "年1月1日至" + ys +
                       "年12月31日”",
                   "year.period"});
  } else if (!p && ctx.report->period_to && ctx.report->period_from &&
             (ctx.report->period_from->year() != y || ctx.report->period_to->year() != y)) {
    out.push_back({"year",
                   Severity::kError,
                   ctx.report->period_line,
                   {},
                   "统计期限“" + ctx.report->period_from->ToChinese() + "至" +
                       ctx.report->period_to->ToChinese() + "”与报告年度不符：" + basis +
                       "，应为“" + ys + "年1月1日至" + ys + "年12月31日”",
                   "year.period"});
  }

  for (const Phrase& ph : ReportYearPhrases(ctx.narrative)) {
    if (ph.year == y) continue;
    const std::string wrong = std::to_string(ph.year) + "年";
    out.push_back({"year",
                   Severity::kError,
                   ctx.narrative.LineAt(ph.year_pos),
                   {},
                   "正文把“" + wrong + "”当作本报告的年度（“" +
                       ctx.narrative.Slice(ph.begin, ph.end) + "”）：" + basis + "，应为“" + ys +
                       "年”",
                   "year.narrative"});
  }

  if (const std::optional<Signature>& s = ctx.signature;
      s && (s->date.year < y || (s->date.year == y && (s->date.month < 12 || s->date.day < 31)))) {
    out.push_back({"year",
                   Severity::kWarning,
                   s->date_line,
                   {},
                   "落款日期“" + DateText(s->date) + "”早于报告年度 " + ys +
                       " 年结束：年度报告应在次年（" + std::to_string(y + 1) +
                       "年）编制发布，落款日期疑为沿用旧稿",
                   "year.signature"});
  }
}

}  // namespace gongkai::check::rules
