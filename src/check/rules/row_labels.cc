// Row labels printed differently from the form beyond punctuation, numbering and layout: the
// extraction matched the row (by position and fuzzy label), but the words are wrong, e.g.
// "2.其他法律行政止公开" for "2.其他法律行政法规禁止公开".
#include "check/rules/rules.h"

namespace gongkai::check::rules {
namespace {

// The words of a label: Han characters and Latin letters only (no numbering, punctuation,
// digits or spaces).
std::u32string Words(std::u32string_view label) {
  std::u32string out;
  for (char32_t c : Compact(label)) {
    if ((IsCjk(c) && c != U'〇') || (IsAsciiAlnum(c) && !IsAsciiDigit(c))) out.push_back(c);
  }
  return out;
}

// Leading ordinals of the form ("三、", "（一）") are numbering too.
std::u32string StripOrdinal(std::u32string s) {
  static const std::u32string kOrdinals = U"一二三四五六七八九十";
  size_t i = 0;
  while (i < s.size() && kOrdinals.find(s[i]) != std::u32string::npos) ++i;
  if (i > 0 && i < s.size()) s.erase(0, i);
  return s;
}

}  // namespace

void CheckRowLabels(const RuleContext& ctx, std::vector<CheckFinding>& out) {
  if (ctx.format == nullptr) return;
  for (const auto& [row_id, printed] : ctx.report->row_labels) {
    const Row* row = ctx.format->FindRow(row_id);
    if (auto foreign = ctx.report->foreign_rows.find(row_id);
        row == nullptr && foreign != ctx.report->foreign_rows.end()) {
      for (const Format* f : ctx.input->formats) {
        if (f != nullptr && f->id == foreign->second) row = f->FindRow(row_id);
      }
    }
    if (row == nullptr || row->labels.empty() || printed.first.empty()) continue;
    const std::string& official = row->labels.back();
    const std::u32string o = StripOrdinal(Words(U(official)));
    const std::u32string p = StripOrdinal(Words(U(printed.first)));
    if (o.empty() || p.size() < 2) continue;
    // Layout noise (characters of a label printed vertically beside it) and labels cut by a
    // line break are not misprints.
    if (p.find(o) != std::u32string::npos || o.find(p) != std::u32string::npos) continue;
    const int d = EditDistance(o, p);
    const int len = static_cast<int>(o.size());
    const int diff = static_cast<int>(p.size()) - len;
    if (d > std::max(1, len / 3) || diff > 4 || diff < -4) continue;
    out.push_back({"row_label",
                   Severity::kWarning,
                   printed.second,
                   {},
                   "表中行名印作" + Quoted(printed.first) + "，应为" +
                       Quoted(EncodeUtf8(Compact(official))) + "（国家表样的行名）",
                   "row_label.misprint/" + row_id});
  }
}

}  // namespace gongkai::check::rules
