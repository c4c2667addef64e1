// Misnamed titles of the Regulation: a book title that is nearly 《中华人民共和国政府信息公开
// 条例》 (or its short form 《政府信息公开条例》) and ends like a regulation (…例 / …列), but is
// not it — 《中华人民共和国政府信息公开个例》, 《政府信息公开工作条例》. Titles of other
// documents (指南, 目录, 办法, 规定, 年度报告, 关于…的通知) end otherwise and are never compared;
// a provincial regulation (《广东省政务公开条例》) is too far from the national title.
#include <algorithm>

#include "check/rules/rules.h"

namespace gongkai::check::rules {
namespace {

constexpr std::u32string_view kFull = U"中华人民共和国政府信息公开条例";
constexpr std::u32string_view kShort = U"政府信息公开条例";

bool Accepted(std::u32string_view t) { return t == kFull || t == kShort || t == U"条例"; }

bool RegulationLike(std::u32string_view t) {
  if (t.size() < 5 || t.size() > 24) return false;
  const char32_t last = t.back();
  if (last != U'例' && last != U'列') return false;
  return Contains(t, U"公开");
}

}  // namespace

void CheckRegulationTitles(const RuleContext& ctx, std::vector<CheckFinding>& out) {
  const std::u32string& t = ctx.narrative.text();
  // One finding per distinct wrong title, with every line it is printed on.
  std::vector<std::pair<std::u32string, std::vector<size_t>>> wrong;
  for (size_t p = 0; p < t.size(); ++p) {
    const char32_t open = t[p];
    if (open != U'《' && open != U'〈') continue;
    const char32_t close = open == U'《' ? U'》' : U'〉';
    size_t e = p + 1;
    while (e < t.size() && e - p <= 60 && t[e] != close && t[e] != open && !IsSentenceEnd(t[e])) {
      ++e;
    }
    if (e >= t.size() || t[e] != close) continue;
    const std::u32string title = Compact(std::u32string_view(t).substr(p + 1, e - p - 1));
    if (Accepted(title) || !RegulationLike(title)) continue;
    const bool national = title.starts_with(U"中华人民共和国");
    const bool near = national ? EditDistance(title, kFull) <= 3 : EditDistance(title, kShort) <= 2;
    if (!near) continue;
    auto it =
        std::find_if(wrong.begin(), wrong.end(), [&](const auto& w) { return w.first == title; });
    if (it == wrong.end()) {
      wrong.push_back({title, {p}});
    } else {
      it->second.push_back(p);
    }
  }
  for (const auto& [title, places] : wrong) {
    const bool national = title.starts_with(U"中华人民共和国");
    const std::string right =
        national ? "《中华人民共和国政府信息公开条例》" : "《政府信息公开条例》";
    std::string msg =
        "法规名称写错：《" + EncodeUtf8(title) + "》应为" + right + "（或简称《条例》）";
    if (places.size() > 1) {
      msg += "；全文共 " + std::to_string(places.size()) + " 处：";
      for (size_t k = 0; k < places.size() && k < 8; ++k) {
        msg += (k > 0 ? "、" : "") + LineRef(ctx.narrative.LineAt(places[k]));
      }
      if (places.size() > 8) msg += "等";
    }
    out.push_back({"title",
                   Severity::kError,
                   ctx.narrative.LineAt(places.front()),
                   {},
                   msg,
                   "title.regulation"});
  }
}

}  // namespace gongkai::check::rules
