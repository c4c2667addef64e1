// Against last year's report (--previous): 上年结转 (R2) of this year against 结转下年度 (R4)
// of last year per column, and the other cross-year identities of the format; and narrative
// text copied from last year (内容雷同).
#include <algorithm>
#include <set>
#include <unordered_set>

#include "check/rules/rules.h"
#include "report/validate.h"

namespace gongkai::check::rules {
namespace {

// The share of this year's narrative found in last year's: character 5-grams (digits folded
// to one '#', so a copy with new numbers and years is still a copy), |A ∩ B| / |A|.
constexpr size_t kGram = 5;
constexpr double kSameTextThreshold = 0.8;
constexpr size_t kMinGrams = 80;  // shorter narratives say too little to compare

std::unordered_set<uint64_t> Grams(const std::u32string& text) {
  std::u32string s;
  s.reserve(text.size());
  for (char32_t c : text) {
    if (c == '|' || c == ' ' || c == '\n') continue;
    if (IsAsciiDigit(c) || c == '.' || c == ',') {
      if (s.empty() || s.back() != '#') s.push_back('#');
      continue;
    }
    s.push_back(c);
  }
  std::unordered_set<uint64_t> out;
  if (s.size() < kGram) return out;
  out.reserve(s.size());
  for (size_t i = 0; i + kGram <= s.size(); ++i) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t k = 0; k < kGram; ++k) {
      h ^= s[i + k];
      h *= 1099511628211ULL;
    }
    out.insert(h);
  }
  return out;
}

bool CrossYear(const Identity& d) {
  if (d.kind == "prev_eq") return true;
  for (const auto* side : {&d.lhs, &d.rhs}) {
    for (const std::string& t : *side) {
      if (t.find("prev:") != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace

void CheckPrevious(const RuleContext& ctx, std::vector<CheckFinding>& out) {
  const CheckInput& in = *ctx.input;
  if (in.previous == nullptr || in.previous_doc == nullptr) return;
  const ExtractedReport& prev = *in.previous;
  const std::string source = in.previous_doc->source_name;

  bool consecutive = true;
  if (ctx.year && prev.year && *prev.year != *ctx.year - 1) {
    consecutive = false;
    out.push_back({"carry_over",
                   Severity::kInfo,
                   0,
                   {},
                   "作为上一年度报告给出的 " + source + " 是 " + std::to_string(*prev.year) +
                       " 年度的，本报告是 " + std::to_string(*ctx.year) + " 年度：结转核对需要 " +
                       std::to_string(*ctx.year - 1) + " 年度的报告，未做",
                   "carry_over.year"});
  }

  if (consecutive && ctx.format != nullptr) {
    const Format& fmt = *ctx.format;
    const Format* prev_format = nullptr;
    for (const Format* f : in.formats) {
      if (f != nullptr && f->id == prev.format_id) prev_format = f;
    }
    if (prev.format_id == fmt.id) prev_format = &fmt;
    std::set<std::string> ids;
    for (const Identity& d : fmt.identities) {
      if (CrossYear(d)) ids.insert(d.id);
    }
    auto values_of = [&](const std::map<std::string, ExtractedCell>& cells) {
      std::map<std::string, CellValue> v;
      for (const auto& [id, cell] : cells) {
        if (fmt.IsHeading(id)) continue;
        CellValue cv;
        cv.value = cell.value;
        cv.source = CellSource::kManual;
        v.emplace(id, cv);
      }
      return v;
    };
    const std::map<std::string, CellValue> current = values_of(ctx.cells);
    const std::map<std::string, CellValue> last = values_of(NationalCells(prev, prev_format));
    if (!ids.empty() && !last.empty()) {
      for (const Finding& f : ValidateCells(fmt, current, &last)) {
        const std::string base = f.rule.substr(0, f.rule.find('/'));
        if (!ids.contains(base)) continue;
        int line = 0;
        for (const std::string& c : f.cells) {
          auto it = ctx.cells.find(c);
          if (it != ctx.cells.end() && it->second.line > 0) {
            line = it->second.line;
            break;
          }
        }
        out.push_back({"carry_over", f.severity, line, f.cells,
                       f.message + "（上一年度报告：" + source + "）", f.rule});
      }
    }
  }

  std::vector<const Format*> formats = in.formats;
  if (formats.empty() && ctx.format != nullptr) formats.push_back(ctx.format);
  const ReportText last_text = NarrativeOf(*in.previous_doc, prev, formats);
  const std::unordered_set<uint64_t> a = Grams(ctx.narrative.text());
  if (a.size() < kMinGrams) return;
  const std::unordered_set<uint64_t> b = Grams(last_text.text());
  size_t common = 0;
  for (uint64_t g : a) common += b.contains(g) ? 1 : 0;
  const double share = static_cast<double>(common) / static_cast<double>(a.size());
  if (share < kSameTextThreshold) return;
  const int percent = static_cast<int>(share * 100.0 + 0.5);
  out.push_back(
      {"same_text",
       Severity::kWarning,
       0,
       {},
       "本报告正文约 " + std::to_string(percent) + "% 的文字与上一年度报告（" + source +
           "）相同（只改了数字或年份的也算相同）：年度报告应如实反映本年度的工作，内容雷同"
           "属于《中华人民共和国政府信息公开工作年度报告格式》通知要求纠正的问题",
       "same_text.previous"});
}

}  // namespace gongkai::check::rules
