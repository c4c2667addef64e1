// RunChecks: builds the shared context once and runs every rule.
#include <algorithm>
#include <set>

#include "check/check.h"
#include "check/rules/rules.h"

namespace gongkai::check {
namespace rules {

std::u32string U(std::string_view utf8) { return DecodeUtf8(utf8); }

std::string Quoted(const std::string& s) { return "“" + s + "”"; }

std::string LineRef(int line) { return "第" + std::to_string(line) + "行"; }

namespace {

// Labels of the statistics tables worth masking in the narrative: long ones, or numbered ones
// ("（一）予以公开", "1.属于国家秘密"). Short plain nouns of table 二 (规章, 行政许可,
// 行政规范性文件) are words of the narrative too and stay.
std::vector<std::u32string> TableLabels(const std::vector<const Format*>& formats) {
  std::set<std::u32string> out;
  auto numbered = [](const std::u32string& s) {
    if (s.empty()) return false;
    return s[0] == '(' || IsAsciiDigit(s[0]) || s.starts_with(U"其中") ||
           (s.size() > 1 && s[1] == U'、');
  };
  for (const Format* f : formats) {
    if (f == nullptr) continue;
    for (const Table& t : f->tables) {
      for (const Row& r : t.rows) {
        for (const std::string& label : r.labels) {
          std::u32string c = Compact(label);
          if (c.size() >= 8 || (c.size() >= 4 && numbered(c))) out.insert(c);
        }
      }
      for (const Column& c : t.columns) {
        std::u32string l = Compact(c.label);
        if (l.size() >= 6) out.insert(l);
      }
      std::u32string corner = Compact(t.corner);
      if (corner.size() >= 8) out.insert(corner);
    }
  }
  return {out.begin(), out.end()};
}

bool LooksLikeGovernment(const std::string& agency) {
  const std::u32string a = Compact(agency);
  if (a.empty()) return false;
  for (std::u32string_view w : {U"人民政府", U"管委会", U"管理委员会", U"行政公署"}) {
    if (Contains(a, w)) return true;
  }
  if (a.ends_with(U"政府")) return true;
  const char32_t last = a.back();
  return last == U'区' || last == U'县' || last == U'市' || last == U'省' || last == U'州' ||
         last == U'旗' || last == U'镇' || last == U'乡';
}

}  // namespace

ReportText NarrativeOf(const Document& doc, const ExtractedReport& r,
                       const std::vector<const Format*>& formats) {
  const std::vector<std::u32string> labels = TableLabels(formats);
  ReportText::Options opt;
  opt.mask = &labels;
  if (r.table_first_line > 0 && r.table_last_line > r.table_first_line) {
    // Whole lines of the tables are left out; a boundary line that also carries narrative
    // (long web-page lines) stays, its table part masked by the labels.
    constexpr size_t kLongLine = 400;
    int first = r.table_first_line, last = r.table_last_line;
    const int n = static_cast<int>(doc.lines.size());
    if (first <= n && doc.lines[first - 1].size() > kLongLine) ++first;
    if (last <= n && doc.lines[last - 1].size() > kLongLine) --last;
    if (first <= last) {
      opt.exclude_first = first;
      opt.exclude_last = last;
    }
  }
  return ReportText::Build(doc, opt);
}

std::map<std::string, ExtractedCell> NationalCells(const ExtractedReport& r, const Format* format) {
  std::map<std::string, ExtractedCell> out;
  for (const auto& [id, cell] : r.cells) {
    auto m = r.variant_to_national.find(id);
    if (m != r.variant_to_national.end()) {
      ExtractedCell c = cell;
      c.id = m->second;
      out.emplace(m->second, std::move(c));
    } else if (r.variant.empty() || format == nullptr ||
               format->Locate(id, nullptr, nullptr, nullptr)) {
      out.emplace(id, cell);
    }
  }
  return out;
}

RuleContext BuildContext(const CheckInput& input) {
  RuleContext ctx;
  ctx.input = &input;
  ctx.doc = input.doc;
  ctx.report = input.report;
  ctx.format = input.format;
  const ExtractedReport& r = *input.report;

  std::vector<const Format*> formats = input.formats;
  if (formats.empty() && input.format != nullptr) formats.push_back(input.format);
  ctx.narrative = NarrativeOf(*input.doc, r, formats);
  ctx.full = ReportText::Build(*input.doc, {});
  ctx.cells = NationalCells(r, input.format);
  ctx.government = LooksLikeGovernment(r.agency);
  ctx.signature = FindSignature(ctx);
  if (r.year) {
    ctx.year = r.year;
    ctx.year_line = r.year_line;
  } else if (std::optional<YearEvidence> y = InferYear(ctx)) {
    ctx.year = y->year;
    ctx.year_line = y->line;
  }
  return ctx;
}

}  // namespace rules

std::vector<CheckFinding> RunChecks(const CheckInput& input) {
  const rules::RuleContext ctx = rules::BuildContext(input);
  std::vector<CheckFinding> out;
  rules::CheckTable(ctx, out);
  rules::CheckTextVsTable(ctx, out);
  rules::CheckNarrativeSums(ctx, out);
  rules::CheckYear(ctx, out);
  rules::CheckRegulationTitles(ctx, out);
  rules::CheckAgencyNames(ctx, out);
  rules::CheckTemplate(ctx, out);
  rules::CheckPrevious(ctx, out);
  rules::CheckWording(ctx, out);
  rules::CheckRowLabels(ctx, out);
  rules::CheckExtraction(ctx, out);
  std::stable_sort(out.begin(), out.end(), [](const CheckFinding& a, const CheckFinding& b) {
    // Findings without a line (0) come last.
    const int la = a.line == 0 ? INT32_MAX : a.line;
    const int lb = b.line == 0 ? INT32_MAX : b.line;
    if (la != lb) return la < lb;
    return static_cast<int>(a.severity) < static_cast<int>(b.severity);
  });
  return out;
}

}  // namespace gongkai::check
