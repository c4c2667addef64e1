// The statistics tables on their own: the identities of the format (report/validate.h) over the
// cells that were read — a missing cell is unknown, never zero —, numbers printed on heading
// rows, and values no count can have.
#include <algorithm>
#include <functional>
#include <set>

#include "check/rules/rules.h"
#include "report/validate.h"

namespace gongkai::check::rules {
namespace {

std::string CellId(const Table& t, const Row& r, const Column* c) {
  if (t.cell_ids == "row" || c == nullptr) return r.id;
  if (t.cell_ids == "col") return c->id;
  return r.id + "/" + c->id;
}

std::string Label(const Row& r) {
  if (r.labels.empty()) return r.id;
  return EncodeUtf8(Compact(r.labels.back()));
}

// A term of a sum found for a heading row: a cell and its value.
struct Term {
  std::string id;
  Decimal value;
};

class HeadingCheck {
 public:
  HeadingCheck(const RuleContext& ctx, const Table& t, const Column* c)
      : ctx_(ctx), fmt_(*ctx.format), t_(t), c_(c) {}

  std::optional<Decimal> Printed(const Row& r) const {
    auto it = ctx_.cells.find(CellId(t_, r, c_));
    if (it == ctx_.cells.end()) return std::nullopt;
    return it->second.value;
  }

  std::vector<const Row*> Children(const Row& r) const {
    std::vector<const Row*> out;
    for (const Row& x : t_.rows) {
      if (x.parent && *x.parent == r.id) out.push_back(&x);
    }
    return out;
  }

  // What a row stands for in its parent's sum, as terms: its printed value, or for a heading
  // without one the terms of its children. A heading whose printed value equals the sum of its
  // non-zero children is expressed by them (A2 = 30 → A2.2 = 30).
  std::optional<std::vector<Term>> Worth(const Row& r) const {
    std::optional<Decimal> v = Printed(r);
    if (v && !r.heading) return std::vector<Term>{{CellId(t_, r, c_), *v}};
    std::vector<Term> parts;
    bool any = false;
    for (const Row* ch : Children(r)) {
      std::optional<std::vector<Term>> w = Worth(*ch);
      if (!w) continue;
      any = true;
      for (Term& x : *w) {
        if (x.value != Decimal()) parts.push_back(std::move(x));
      }
    }
    if (v) {
      if (any && Sum(parts) == *v) return parts;
      return std::vector<Term>{{CellId(t_, r, c_), *v}};
    }
    if (!any) return std::nullopt;
    return parts;
  }

  static Decimal Sum(const std::vector<Term>& terms) {
    Decimal s;
    for (const Term& x : terms) s += x.value;
    return s;
  }

  // The highest printed non-zero values under `r` (a heading is looked through; a printed row
  // stands for the rows under it), for the subset search.
  void Descendants(const Row& r, std::vector<Term>& out) const {
    for (const Row* ch : Children(r)) {
      std::optional<Decimal> v = Printed(*ch);
      if (v && !ch->heading) {
        if (*v != Decimal()) out.push_back({CellId(t_, *ch, c_), *v});
        continue;
      }
      Descendants(*ch, out);
    }
  }

  std::string TermsText(const std::vector<Term>& terms) const {
    std::string s;
    for (size_t i = 0; i < terms.size(); ++i) {
      if (i > 0) s += " 加 ";
      s += fmt_.CellName(terms[i].id) + "=" + terms[i].value.ToString();
    }
    return s;
  }

  void Run(const Row& r, std::vector<CheckFinding>& out) const {
    const std::string id = CellId(t_, r, c_);
    auto cell = ctx_.cells.find(id);
    if (cell == ctx_.cells.end()) return;
    const Decimal v = cell->second.value;
    const std::string head = "标题行" + Quoted(Label(r)) + "印有 " + v.ToString();
    const std::string tail = "：标题行只是分组标题，按国家表样应为空（—）";

    std::vector<Term> direct;
    bool mixed = false;  // children of different kinds: headings or different units
    std::string unit;
    bool known = false;
    for (const Row* ch : Children(r)) {
      if (ch->heading) mixed = true;
      if (!unit.empty() && ch->unit != unit) mixed = true;
      unit = ch->unit;
      std::optional<std::vector<Term>> w = Worth(*ch);
      if (!w) continue;
      known = true;
      for (Term& x : *w) direct.push_back(std::move(x));
    }
    std::vector<Term> nonzero_desc;
    Descendants(r, nonzero_desc);
    std::vector<std::string> involved = {id};
    for (const Term& x : direct) involved.push_back(x.id);

    CheckFinding f{"heading_value",
                   Severity::kWarning,
                   cell->second.line,
                   {},
                   "",
                   fmt_.id + ".heading_value/" + id};
    if (!known) {
      f.severity = v == Decimal() ? Severity::kInfo : Severity::kWarning;
      f.message = head + tail;
    } else if (v == Decimal() && nonzero_desc.empty()) {
      f.severity = Severity::kInfo;
      f.message = head + "（其下级各项均为 0）" + tail;
    } else if (v == Decimal()) {
      f.message = head + "，而其下级 " + TermsText(nonzero_desc) + tail + "，不应填 0";
      for (const Term& x : nonzero_desc) involved.push_back(x.id);
    } else if (Sum(direct) == v) {
      if (mixed) {
        f.message = head + "，等于 " + TermsText(direct) +
                    "：把统计口径不同的数相加没有意义，标题行应为空（—）";
      } else {
        f.severity = Severity::kInfo;
        f.message = head + "，等于其下级各项之和（" + TermsText(direct) + "）" + tail;
      }
    } else if (std::optional<std::vector<Term>> subset = FindSubset(nonzero_desc, v)) {
      f.message = head + "，等于 " + TermsText(*subset) + "，但其下级各项之和为 " +
                  Sum(direct).ToString() + "：把这些数相加没有意义，标题行应为空（—）";
      for (const Term& x : *subset) involved.push_back(x.id);
    } else {
      f.message = head + "，不等于其下级任何一项或几项之和（下级合计 " + Sum(direct).ToString() +
                  "）" + tail;
    }
    std::sort(involved.begin(), involved.end());
    involved.erase(std::unique(involved.begin(), involved.end()), involved.end());
    f.cells = std::move(involved);
    out.push_back(std::move(f));
  }

  // A set of at most three of `terms` summing to `v` (single terms first).
  static std::optional<std::vector<Term>> FindSubset(const std::vector<Term>& terms, Decimal v) {
    const size_t n = std::min<size_t>(terms.size(), 24);
    for (size_t i = 0; i < n; ++i) {
      if (terms[i].value == v) return std::vector<Term>{terms[i]};
    }
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        if (terms[i].value + terms[j].value == v) return std::vector<Term>{terms[i], terms[j]};
      }
    }
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        for (size_t k = j + 1; k < n; ++k) {
          if (terms[i].value + terms[j].value + terms[k].value == v) {
            return std::vector<Term>{terms[i], terms[j], terms[k]};
          }
        }
      }
    }
    return std::nullopt;
  }

 private:
  const RuleContext& ctx_;
  const Format& fmt_;
  const Table& t_;
  const Column* c_;
};

bool IsCountUnit(const std::string& unit) {
  return unit == "条" || unit == "件" || unit == "次" || unit == "篇" || unit == "个" ||
         unit == "人" || unit == "人次" || unit == "项";
}

}  // namespace

void CheckTable(const RuleContext& ctx, std::vector<CheckFinding>& out) {
  if (ctx.format == nullptr) return;
  const Format& fmt = *ctx.format;

  std::map<std::string, CellValue> values;
  for (const auto& [id, cell] : ctx.cells) {
    if (!fmt.Locate(id, nullptr, nullptr, nullptr) || fmt.IsHeading(id)) continue;
    CellValue v;
    v.value = cell.value;
    v.source = CellSource::kManual;
    values.emplace(id, v);
  }
  for (const Finding& f : ValidateCells(fmt, values, nullptr)) {
    if (f.rule.find(".heading_value/") != std::string::npos) continue;
    const bool impossible = f.rule.find(".nonneg/") != std::string::npos ||
                            f.rule.find(".integer/") != std::string::npos;
    int line = 0;
    for (const std::string& c : f.cells) {
      auto it = ctx.cells.find(c);
      if (it != ctx.cells.end() && it->second.line > 0) {
        line = it->second.line;
        break;
      }
    }
    out.push_back({impossible ? "impossible_value" : "identity", f.severity, line, f.cells,
                   f.message, f.rule});
  }

  // Rows printed from the sibling format (a 2019 row "（六）其他处理" in a 2021 table): their
  // identities are those of that format.
  std::set<std::string> foreign_formats;
  for (const auto& [row, f] : ctx.report->foreign_rows) foreign_formats.insert(f);
  for (const std::string& fid : foreign_formats) {
    const Format* other = nullptr;
    for (const Format* f : ctx.input->formats) {
      if (f != nullptr && f->id == fid) other = f;
    }
    if (other == nullptr) continue;
    std::map<std::string, CellValue> theirs;
    for (const auto& [id, cell] : ctx.cells) {
      if (!other->Locate(id, nullptr, nullptr, nullptr) || other->IsHeading(id)) continue;
      CellValue v;
      v.value = cell.value;
      v.source = CellSource::kManual;
      theirs.emplace(id, v);
    }
    for (const Finding& f : ValidateCells(*other, theirs, nullptr)) {
      bool involves_foreign = false;
      for (const std::string& c : f.cells) {
        const std::string row = c.substr(0, c.find('/'));
        auto it = ctx.report->foreign_rows.find(row);
        involves_foreign =
            involves_foreign || (it != ctx.report->foreign_rows.end() && it->second == fid);
      }
      if (!involves_foreign || f.rule.find(".heading_value/") != std::string::npos) continue;
      int line = 0;
      for (const std::string& c : f.cells) {
        auto it = ctx.cells.find(c);
        if (it != ctx.cells.end() && it->second.line > 0) {
          line = it->second.line;
          break;
        }
      }
      out.push_back({"identity", f.severity, line, f.cells,
                     f.message + "（含按" + fid + "年版表样印出的行）", f.rule});
    }
  }

  // Units printed beside a row (2008-era tables) that are not the form's.
  for (const auto& [row_id, printed] : ctx.report->row_units) {
    const Row* row = fmt.FindRow(row_id);
    if (row == nullptr || row->unit.empty()) continue;
    const std::u32string unit = Compact(printed.first);
    if (unit.empty() || unit == U(row->unit) || unit == U"—" || unit == U"-") continue;
    out.push_back({"unit",
                   Severity::kWarning,
                   printed.second,
                   {row_id},
                   "“" + EncodeUtf8(Compact(row->labels.back())) + "”的单位印作" +
                       Quoted(printed.first) + "，国家表样为" + Quoted(row->unit) +
                       "：请核对该行数字是否按表样的单位填写",
                   fmt.id + ".unit/" + row_id});
  }

  for (const Table& t : fmt.tables) {
    for (const Row& r : t.rows) {
      if (!r.heading) continue;
      if (t.columns.empty()) {
        HeadingCheck(ctx, t, nullptr).Run(r, out);
      } else {
        for (const Column& c : t.columns) HeadingCheck(ctx, t, &c).Run(r, out);
      }
    }
  }

  // Numbers no table can hold: a count beyond a hundred million, money beyond ten trillion 元
  // — digits of neighbouring cells read as one.
  for (const auto& [id, cell] : ctx.cells) {
    const std::string unit = fmt.UnitOf(id);
    const Decimal limit =
        unit == "万元" ? Decimal::FromInt(1'000'000'000) : Decimal::FromInt(100'000'000);
    if ((IsCountUnit(unit) || unit == "万元") && cell.value > limit) {
      out.push_back({"impossible_value",
                     Severity::kWarning,
                     cell.line,
                     {id},
                     fmt.CellName(id) + "=" + cell.value.ToString() + "（单位：" + unit +
                         "），数值大得不可能：疑为相邻几格的数字连在一起，请核对该行",
                     fmt.id + ".magnitude/" + id});
    }
  }
}

}  // namespace gongkai::check::rules
