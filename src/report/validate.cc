#include "report/validate.h"

#include <set>
#include <string_view>

namespace gongkai {
namespace {

using Cells = std::map<std::string, CellValue>;

struct Term {
  std::string cell;
  bool negative = false;
  bool prev = false;  // last year's value
};

// One identity with its {c}/{r} replaced by one column or row.
struct Instance {
  std::string rule;  // "2021.T3.balance/NP"
  std::vector<Term> lhs;
  std::vector<Term> rhs;
};

Term ParseTerm(std::string_view text, std::string_view var, std::string_view value) {
  Term t;
  for (bool changed = true; changed;) {
    changed = false;
    if (text.starts_with("-")) {
      t.negative = !t.negative;
      text.remove_prefix(1);
      changed = true;
    }
    if (text.starts_with("prev:")) {
      t.prev = true;
      text.remove_prefix(5);
      changed = true;
    }
  }
  t.cell = std::string(text);
  if (!var.empty()) {
    for (size_t p = t.cell.find(var); p != std::string::npos;
         p = t.cell.find(var, p + value.size())) {
      t.cell.replace(p, var.size(), value);
    }
  }
  return t;
}

std::vector<Instance> Expand(const Format& fmt, const Identity& d) {
  std::vector<std::string> values = {""};
  std::string_view var;
  const Table* table = d.table.empty() ? nullptr : fmt.FindTable(d.table);
  if (d.over == "columns" && table != nullptr) {
    var = "{c}";
    values.clear();
    for (const Column& c : table->columns) values.push_back(c.id);
  } else if (d.over == "rows" && table != nullptr) {
    var = "{r}";
    values.clear();
    for (const Row& r : table->rows) {
      if (!r.heading) values.push_back(r.id);
    }
  }
  std::vector<Instance> out;
  for (const std::string& v : values) {
    Instance in;
    in.rule = v.empty() ? d.id : d.id + "/" + v;
    for (const std::string& t : d.lhs) in.lhs.push_back(ParseTerm(t, var, v));
    for (const std::string& t : d.rhs) in.rhs.push_back(ParseTerm(t, var, v));
    if (d.kind == "prev_eq") {
      for (Term& t : in.rhs) t.prev = true;
    }
    out.push_back(std::move(in));
  }
  return out;
}

std::optional<Decimal> ValueOf(const Cells& cells, const std::string& id) {
  auto it = cells.find(id);
  if (it == cells.end()) return std::nullopt;
  return it->second.value;
}

// The values of the terms, or nullopt if one is unknown (a cell missing from a partial report,
// or last year's report absent).
std::optional<std::vector<Decimal>> Values(const std::vector<Term>& terms, const Cells& cells,
                                           const Cells* previous) {
  std::vector<Decimal> out;
  for (const Term& t : terms) {
    if (t.prev && previous == nullptr) return std::nullopt;
    std::optional<Decimal> v = ValueOf(t.prev ? *previous : cells, t.cell);
    if (!v) return std::nullopt;
    out.push_back(*v);
  }
  return out;
}

Decimal Sum(const std::vector<Term>& terms, const std::vector<Decimal>& values) {
  Decimal s;
  for (size_t i = 0; i < terms.size(); ++i) {
    s = terms[i].negative ? s - values[i] : s + values[i];
  }
  return s;
}

std::string TermText(const Format& fmt, const Term& t, Decimal v) {
  return (t.prev ? "上一年度报告的" : "") + fmt.CellName(t.cell) + "=" + v.ToString();
}

// "本年新收(R1/NP)=5 加 上年结转(R2/NP)=1 共 6"; a single term stands alone.
std::string SideText(const Format& fmt, const std::vector<Term>& terms,
                     const std::vector<Decimal>& values) {
  std::string s;
  for (size_t i = 0; i < terms.size(); ++i) {
    if (i > 0) s += terms[i].negative ? " 减 " : " 加 ";
    if (i == 0 && terms[i].negative) s += "负的";
    s += TermText(fmt, terms[i], values[i]);
  }
  if (terms.size() > 1 || terms[0].negative) s += " 共 " + Sum(terms, values).ToString();
  return s;
}

std::vector<std::string> CellsOf(const Instance& in) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto* side : {&in.lhs, &in.rhs}) {
    for (const Term& t : *side) {
      if (seen.insert(t.cell).second) out.push_back(t.cell);
    }
  }
  return out;
}

bool IsCountUnit(const std::string& unit) {
  static const std::set<std::string> kCountUnits = {"条", "件", "次",   "篇",
                                                    "个", "人", "人次", "项"};
  return kCountUnits.contains(unit);
}

void CheckTermIdentity(const Format& fmt, const Identity& d, const Cells& cells,
                       const Cells* previous, std::vector<Finding>& out) {
  for (const Instance& in : Expand(fmt, d)) {
    auto lv = Values(in.lhs, cells, previous);
    auto rv = Values(in.rhs, cells, previous);
    if (!lv || !rv) continue;
    const Decimal l = Sum(in.lhs, *lv);
    const Decimal r = Sum(in.rhs, *rv);
    std::string message;
    if (d.kind == "eq" || d.kind == "prev_eq") {
      if (l == r) continue;
      message = SideText(fmt, in.lhs, *lv) + "，但" + SideText(fmt, in.rhs, *rv);
    } else if (d.kind == "le") {
      if (l <= r) continue;
      message = SideText(fmt, in.lhs, *lv) + "，大于" + SideText(fmt, in.rhs, *rv);
    } else if (d.kind == "max_le") {
      size_t max_i = 0;
      for (size_t i = 1; i < lv->size(); ++i) {
        if ((*lv)[i] > (*lv)[max_i]) max_i = i;
      }
      if ((*lv)[max_i] <= r) continue;
      message = TermText(fmt, in.lhs[max_i], (*lv)[max_i]) + "，大于" + SideText(fmt, in.rhs, *rv);
    } else {
      continue;
    }
    out.push_back(Finding{d.severity, in.rule, CellsOf(in), message + "：" + d.text});
  }
}

void CheckEveryCell(const Format& fmt, const Identity& d, const Cells& cells,
                    std::vector<Finding>& out) {
  for (const Table& t : fmt.tables) {
    if (!d.table.empty() && t.id != d.table) continue;
    for (const Row& r : t.rows) {
      if (r.heading) continue;
      for (const Column& c : t.columns) {
        const std::string id = t.cell_ids == "row"   ? r.id
                               : t.cell_ids == "col" ? c.id
                                                     : r.id + "/" + c.id;
        std::optional<Decimal> v = ValueOf(cells, id);
        if (!v) continue;
        const std::string unit = r.unit.empty() ? c.unit : r.unit;
        if (d.kind == "nonneg" && v->is_negative() && !c.is_signed) {
          out.push_back(Finding{d.severity,
                                d.id + "/" + id,
                                {id},
                                fmt.CellName(id) + "=" + v->ToString() + "，为负数：" + d.text});
        } else if (d.kind == "integer" && IsCountUnit(unit) && !v->is_integer()) {
          out.push_back(Finding{d.severity,
                                d.id + "/" + id,
                                {id},
                                fmt.CellName(id) + "=" + v->ToString() + "，不是整数（单位：" +
                                    unit + "）：" + d.text});
        }
      }
    }
  }
}

std::string CellIdOf(const Table& t, const Row& r, const Column& c) {
  if (t.cell_ids == "row") return r.id;
  if (t.cell_ids == "col") return c.id;
  return r.id + "/" + c.id;
}

// The value a row stands for in a sum of its parent: its own value, or for a heading row
// without one, the sum of its children.
Decimal RowWorth(const Table& t, const Row& r, const Column& c, const Cells& cells) {
  if (std::optional<Decimal> v = ValueOf(cells, CellIdOf(t, r, c))) return *v;
  Decimal s;
  if (r.heading) {
    for (const Row& child : t.rows) {
      if (child.parent && *child.parent == r.id) s += RowWorth(t, child, c, cells);
    }
  }
  return s;
}

// Heading rows print "—" in the national form; one that carries a number (as in reports read
// back by the checker) gets a warning saying whether it equals the sum of its children.
void CheckHeadings(const Format& fmt, const Cells& cells, std::vector<Finding>& out) {
  for (const Table& t : fmt.tables) {
    for (const Row& r : t.rows) {
      if (!r.heading) continue;
      for (const Column& c : t.columns) {
        const std::string id = CellIdOf(t, r, c);
        std::optional<Decimal> v = ValueOf(cells, id);
        if (!v) continue;
        std::vector<std::string> involved = {id};
        std::string parts;
        Decimal sum;
        int n = 0;
        for (const Row& child : t.rows) {
          if (!child.parent || *child.parent != r.id) continue;
          const Decimal w = RowWorth(t, child, c, cells);
          const std::string cid = CellIdOf(t, child, c);
          if (n++ > 0) parts += " 加 ";
          parts += fmt.CellName(cid) + "=" + w.ToString();
          sum += w;
          involved.push_back(cid);
        }
        std::string message =
            "标题行" + fmt.CellName(id) + "按国家表样应填“—”，却填了 " + v->ToString() + "；";
        if (n == 0) {
          message += "该行没有下级项目";
        } else {
          if (n > 1) parts += " 共 " + sum.ToString();
          message += (*v == sum ? "该数等于其下级各项之和（" : "该数不等于其下级各项之和（") +
                     parts + "）";
        }
        out.push_back(Finding{Severity::kWarning, fmt.id + ".heading_value/" + id,
                              std::move(involved), message});
      }
    }
  }
}

}  // namespace

std::vector<Finding> ValidateCells(const Format& fmt, const Cells& cells, const Cells* previous) {
  std::vector<Finding> out;
  for (const Identity& d : fmt.identities) {
    if (d.kind == "nonneg" || d.kind == "integer") {
      CheckEveryCell(fmt, d, cells, out);
    } else {
      CheckTermIdentity(fmt, d, cells, previous, out);
    }
  }
  CheckHeadings(fmt, cells, out);
  return out;
}

}  // namespace gongkai
