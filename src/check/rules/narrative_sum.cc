// Lists of parts in the narrative against their total: "共公布政府信息2599条，（其中机构职能类
// 信息25条，…，其他应主动公开政府信息856条）" — a list that ends with an "其他" item claims to be
// complete, so its parts must add up to the total (warning when they do not); a list without
// one may be partial, so only parts that exceed the total are noted (info). A list without a
// total of its own ("主动公开政府信息的主要类别有：…") is held against the 主动公开 total stated
// before it, or the table's A1.
#include <algorithm>

#include "check/rules/rules.h"

namespace gongkai::check::rules {
namespace {

constexpr size_t npos = std::u32string::npos;
constexpr size_t kMaxItems = 200;

struct Item {
  std::u32string label;
  Decimal value;
  char32_t unit = 0;
  size_t begin = 0, end = 0;  // label start, after the unit
  int depth = 0;
  size_t group = npos;  // position of the '(' that opens its group (npos at depth 0)
};

bool IsSeparator(char32_t c) {
  return c == ',' || c == U'，' || c == U'、' || c == ';' || c == U'；' || c == ':' || c == U'：' ||
         c == '(' || c == ')';
}

std::vector<Item> ItemsOf(const ReportText& text, size_t sb, size_t se) {
  const std::u32string& t = text.text();
  std::vector<Item> items;
  std::vector<size_t> opens;
  size_t label_begin = sb;
  for (size_t i = sb; i < se; ++i) {
    const char32_t c = t[i];
    if (c == '(') {
      opens.push_back(i);
      label_begin = i + 1;
      continue;
    }
    if (c == ')') {
      if (!opens.empty()) opens.pop_back();
      label_begin = i + 1;
      continue;
    }
    if (IsSeparator(c)) {
      label_begin = i + 1;
      continue;
    }
    if (c != U'条' && c != U'件' && c != U'个') continue;
    std::optional<Number> n = NumberBefore(t, i);
    if (!n || n->chinese || n->begin < label_begin) {
      label_begin = i + 1;
      continue;
    }
    Item it;
    it.label = t.substr(label_begin, n->begin - label_begin);
    it.value = n->value;
    it.unit = c;
    it.begin = label_begin;
    it.end = i + 1;
    it.depth = static_cast<int>(opens.size());
    it.group = opens.empty() ? npos : opens.back();
    items.push_back(std::move(it));
    label_begin = i + 1;
  }
  return items;
}

bool IsOther(const std::u32string& label) {
  return label.find(U"其他") != npos || label.find(U"其它") != npos;
}

struct Total {
  Decimal value;
  std::string where;  // for the message: "第12行“主动公开政府信息2543条”"
  std::vector<std::string> cells;
};

// The 主动公开 total stated before `pos` (a clause about the whole, not a part), else A1.
std::optional<Total> ActiveTotalBefore(const RuleContext& ctx, size_t pos) {
  const std::u32string& t = ctx.narrative.text();
  const size_t from = pos > 3000 ? pos - 3000 : 0;
  for (size_t p = t.rfind(U"主动公开", pos); p != npos && p >= from;
       p = p == 0 ? npos : t.rfind(U"主动公开", p - 1)) {
    size_t e = p + 4;
    while (e < t.size() && e - p < 16 && !IsClauseEnd(t[e]) && t[e] != U'条') ++e;
    if (e >= t.size() || t[e] != U'条' || e >= pos) continue;
    std::optional<Number> n = NumberBefore(t, e);
    if (!n || n->chinese || n->begin < p + 4) continue;
    const size_t cb = ctx.narrative.ClauseBegin(p);
    if (ContainsAny(t, cb, e,
                    {U"其中", U"各", U"直", U"乡镇", U"街道", U"累计", U"历年", U"网站", U"办",
                     U"余", U"多", U"类"})) {
      continue;
    }
    // Quote from the trigger, with the year right before it ("2014年主动公开政府信息2543条").
    size_t q = p;
    if (q >= 5 && t[q - 1] == U'年' && IsAsciiDigit(t[q - 2]) && IsAsciiDigit(t[q - 5])) q -= 5;
    return Total{
        n->value, LineRef(ctx.narrative.LineAt(p)) + Quoted(ctx.narrative.Slice(q, e + 1)), {}};
  }
  if (ctx.format != nullptr && ctx.format->id == "2008") {
    auto it = ctx.cells.find("A1");
    if (it != ctx.cells.end()) {
      return Total{it->second.value, "统计表" + ctx.format->CellName("A1"), {"A1"}};
    }
  }
  return std::nullopt;
}

std::string PartsText(const std::vector<const Item*>& parts, Decimal* sum) {
  std::string s;
  Decimal total;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) s += " + ";
    s += parts[i]->value.ToString();
    total += parts[i]->value;
  }
  *sum = total;
  return s + " = " + total.ToString();
}

}  // namespace

void CheckNarrativeSums(const RuleContext& ctx, std::vector<CheckFinding>& out) {
  const ReportText& text = ctx.narrative;
  const std::u32string& t = text.text();
  constexpr int kMaxLookups = 50;
  int lookups = 0;
  size_t sb = 0;
  while (sb < t.size()) {
    size_t se = text.SentenceEnd(sb);
    std::vector<Item> items = ItemsOf(text, sb, se);
    // A "sentence" of hundreds of numbers is a table or noise, not a list in prose.
    if (items.size() > kMaxItems) items.clear();
    // Lists: items sharing a depth and an opening parenthesis.
    std::vector<std::vector<const Item*>> lists;
    for (const Item& it : items) {
      bool placed = false;
      for (auto& l : lists) {
        if (l.front()->depth == it.depth && l.front()->group == it.group &&
            l.front()->unit == it.unit) {
          l.push_back(&it);
          placed = true;
          break;
        }
      }
      if (!placed) lists.push_back({&it});
    }
    for (const auto& l : lists) {
      const Item* total_item = nullptr;
      std::vector<const Item*> parts;
      std::optional<Total> total;
      if (l.front()->depth > 0) {
        // A parenthesized list breaks down the item just before its '('.
        const size_t open = l.front()->group;
        for (const Item& it : items) {
          if (it.end <= open && it.depth == l.front()->depth - 1 && it.unit == l.front()->unit) {
            total_item = &it;
          }
        }
        if (total_item != nullptr) {
          const std::u32string_view between =
              std::u32string_view(t).substr(total_item->end, open - total_item->end);
          bool only_separators = true;
          for (char32_t c : between) only_separators = only_separators && IsSeparator(c);
          if (!only_separators) total_item = nullptr;
        }
        parts = l;
      } else if (l.size() >= 3 && l[1]->label.starts_with(U"其中")) {
        total_item = l[0];
        parts.assign(l.begin() + 1, l.end());
      } else {
        parts = l;
      }
      if (total_item != nullptr) {
        total = Total{total_item->value,
                      LineRef(text.LineAt(total_item->begin)) +
                          Quoted(text.Slice(total_item->begin, total_item->end)),
                      {}};
      }
      const bool exhaustive =
          std::any_of(parts.begin(), parts.end(), [](const Item* i) { return IsOther(i->label); });
      if (!total && exhaustive && parts.size() >= 3 && parts.front()->unit == U'条' &&
          lookups < kMaxLookups && ContainsAny(t, sb, parts.front()->begin, {U"主动公开"})) {
        ++lookups;
        total = ActiveTotalBefore(ctx, sb);
      }
      if (!total || parts.size() < 2) continue;
      Decimal sum;
      const std::string parts_text = PartsText(parts, &sum);
      const std::string unit = EncodeUtf8(parts.front()->unit);
      if (exhaustive && parts.size() >= 3 && sum != total->value) {
        out.push_back({"narrative_sum", Severity::kWarning, text.LineAt(parts.front()->begin),
                       total->cells,
                       "正文所列各项（含“其他”项）" + parts_text + " " + unit + "，与总数 " +
                           total->value.ToString() + " " + unit + "（" + total->where +
                           "）不一致：列出了“其他”项，各项之和应等于总数",
                       "narrative_sum.parts"});
      } else if (!exhaustive && sum > total->value) {
        out.push_back(
            {"narrative_sum", Severity::kInfo, text.LineAt(parts.front()->begin), total->cells,
             "正文所列各项 " + parts_text + " " + unit + "，大于总数 " + total->value.ToString() +
                 " " + unit + "（" + total->where + "）：请核对各项或总数",
             "narrative_sum.parts"});
      }
    }
    sb = se + 1;
  }
}

}  // namespace gongkai::check::rules
