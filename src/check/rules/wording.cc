// Words commonly miswritten in official writing (data/check/miswritten.tsv), as info findings.
#include <unordered_map>

#include "check/rules/rules.h"

namespace gongkai::check {

Result<std::vector<MiswrittenWord>> ParseMiswrittenList(std::string_view tsv,
                                                        std::string_view source_name) {
  std::vector<MiswrittenWord> out;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') {
      if (nl == tsv.size()) break;
      continue;
    }
    std::vector<std::string> fields;
    size_t f = 0;
    while (true) {
      const size_t tab = line.find('\t', f);
      fields.emplace_back(
          line.substr(f, tab == std::string_view::npos ? line.size() - f : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    const std::string where = std::string(source_name) + " 第" + std::to_string(line_no) + "行：";
    if (fields.size() != 4) {
      return InvalidInput(where + "应有4列（错词、正词、条件、说明），以制表符分隔，实有" +
                          std::to_string(fields.size()) + "列");
    }
    MiswrittenWord w{fields[0], fields[1], fields[2], fields[3]};
    if (w.wrong.empty() || w.right.empty() || w.wrong == w.right) {
      return InvalidInput(where + "错词和正词不能为空，也不能相同");
    }
    std::string_view cond = w.condition;
    while (!cond.empty()) {
      const size_t semi = cond.find(';');
      const std::string_view c = cond.substr(0, semi);
      if (!(c == "before_date" || c.starts_with("not_before:") || c.starts_with("not_after:"))) {
        return InvalidInput(where + "未知的条件“" + std::string(c) +
                            "”（可用 before_date、not_before:字、not_after:字）");
      }
      if (semi == std::string_view::npos) break;
      cond.remove_prefix(semi + 1);
    }
    out.push_back(std::move(w));
    if (nl == tsv.size()) break;
  }
  return out;
}

namespace rules {
namespace {

// A date or a time word follows: "2018年", "12月", "目前", "年底" …
bool DateFollows(std::u32string_view t, size_t pos) {
  if (std::optional<Number> n = NumberAt(t, pos)) {
    return n->end < t.size() && (t[n->end] == U'年' || t[n->end] == U'月' || t[n->end] == U'日');
  }
  for (std::u32string_view w : {U"目前", U"今年", U"年底", U"年末", U"当前", U"本年", U"去年",
                                U"上年", U"现在", U"今天", U"今日", U"发稿", U"报告期末"}) {
    if (StartsWith(t, pos, w)) return true;
  }
  return false;
}

bool ConditionsHold(std::u32string_view t, size_t begin, size_t end, std::string_view cond) {
  while (!cond.empty()) {
    const size_t semi = cond.find(';');
    const std::string_view c = cond.substr(0, semi);
    if (c == "before_date") {
      if (!DateFollows(t, end)) return false;
    } else if (c.starts_with("not_before:")) {
      const std::u32string chars = DecodeUtf8(c.substr(11));
      if (end < t.size() && chars.find(t[end]) != std::u32string::npos) return false;
    } else if (c.starts_with("not_after:")) {
      const std::u32string chars = DecodeUtf8(c.substr(10));
      if (begin > 0 && chars.find(t[begin - 1]) != std::u32string::npos) return false;
    }
    if (semi == std::string_view::npos) break;
    cond.remove_prefix(semi + 1);
  }
  return true;
}

}  // namespace

void CheckWording(const RuleContext& ctx, std::vector<CheckFinding>& out) {
  if (ctx.input->miswritten == nullptr) return;
  const std::vector<MiswrittenWord>& words = *ctx.input->miswritten;
  const std::u32string& t = ctx.narrative.text();
  // One pass over the text, looking up the words by their first character.
  std::vector<std::u32string> wrong;
  std::unordered_map<char32_t, std::vector<size_t>> by_first;
  for (size_t i = 0; i < words.size(); ++i) {
    wrong.push_back(DecodeUtf8(words[i].wrong));
    if (!wrong.back().empty()) by_first[wrong.back()[0]].push_back(i);
  }
  std::vector<std::vector<size_t>> hits(words.size());
  for (size_t p = 0; p < t.size(); ++p) {
    auto it = by_first.find(t[p]);
    if (it == by_first.end()) continue;
    for (size_t i : it->second) {
      if (t.compare(p, wrong[i].size(), wrong[i]) == 0 &&
          ConditionsHold(t, p, p + wrong[i].size(), words[i].condition)) {
        hits[i].push_back(p);
      }
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (hits[i].empty()) continue;
    const MiswrittenWord& w = words[i];
    const size_t p = hits[i].front();
    const size_t from = p >= 4 ? p - 4 : 0;
    const size_t to = std::min(t.size(), p + wrong[i].size() + 4);
    std::string msg =
        Quoted(ctx.narrative.Slice(from, to)) + "中的" + Quoted(w.wrong) + "应为" + Quoted(w.right);
    if (!w.note.empty()) msg += "（" + w.note + "）";
    if (hits[i].size() > 1) {
      msg += "；全文共 " + std::to_string(hits[i].size()) + " 处：";
      for (size_t k = 0; k < hits[i].size() && k < 8; ++k) {
        msg += (k > 0 ? "、" : "") + LineRef(ctx.narrative.LineAt(hits[i][k]));
      }
      if (hits[i].size() > 8) msg += "等";
    }
    out.push_back(
        {"wording", Severity::kInfo, ctx.narrative.LineAt(p), {}, msg, "wording.miswritten"});
  }
}

}  // namespace rules
}  // namespace gongkai::check
