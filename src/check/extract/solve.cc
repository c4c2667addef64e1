#include "check/extract/solve.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <string_view>

namespace gongkai::check::extract {
namespace {

LinearConstraint::Term ParseTerm(std::string_view text, std::string_view var,
                                 std::string_view value, bool* prev) {
  LinearConstraint::Term t;
  for (bool changed = true; changed;) {
    changed = false;
    if (text.starts_with("-")) {
      t.coef = -t.coef;
      text.remove_prefix(1);
      changed = true;
    }
    if (text.starts_with("prev:")) {
      *prev = true;
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

// Where a cell sits among the rows being solved.
struct Slot {
  int row = -1;  // -1: a known cell
  int col = 0;
  Decimal known;
};

struct Compiled {
  struct Term {
    Slot slot;
    int coef;
  };
  std::vector<Term> terms;
  bool equality = true;
  std::vector<int> rows;  // distinct rows involved
};

}  // namespace

std::vector<LinearConstraint> ConstraintsOf(const Format& format) {
  std::vector<LinearConstraint> out;
  for (const Identity& d : format.identities) {
    if (d.severity != Severity::kError) continue;
    if (d.kind != "eq" && d.kind != "le") continue;
    std::vector<std::string> values = {""};
    std::string_view var;
    const Table* table = d.table.empty() ? nullptr : format.FindTable(d.table);
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
    for (const std::string& v : values) {
      LinearConstraint c;
      c.equality = d.kind == "eq";
      c.rule = v.empty() ? d.id : d.id + "/" + v;
      bool prev = false;
      for (const std::string& t : d.lhs) c.terms.push_back(ParseTerm(t, var, v, &prev));
      for (const std::string& t : d.rhs) {
        LinearConstraint::Term term = ParseTerm(t, var, v, &prev);
        term.coef = -term.coef;
        c.terms.push_back(term);
      }
      if (!prev) out.push_back(std::move(c));
    }
  }
  return out;
}

SolveResult Solve(const std::map<std::string, Decimal>& known, const std::vector<RowChoice>& rows,
                  const std::vector<LinearConstraint>& constraints, uint64_t max_nodes) {
  const int n = static_cast<int>(rows.size());
  SolveResult out;
  out.chosen.assign(n, -1);
  out.possible.resize(n);
  std::map<std::string, Slot> where;
  for (int r = 0; r < n; ++r) {
    for (size_t c = 0; c < rows[r].cells.size(); ++c) where[rows[r].cells[c]] = {r, (int)c, {}};
  }
  for (const auto& [id, v] : known) {
    if (!where.count(id)) where[id] = {-1, 0, v};
  }
  std::vector<Compiled> compiled;
  for (const LinearConstraint& lc : constraints) {
    Compiled c;
    c.equality = lc.equality;
    bool usable = true;
    for (const LinearConstraint::Term& t : lc.terms) {
      auto it = where.find(t.cell);
      if (it == where.end()) {
        usable = false;
        break;
      }
      c.terms.push_back({it->second, t.coef});
      if (it->second.row >= 0) c.rows.push_back(it->second.row);
    }
    if (!usable || c.rows.empty()) continue;
    std::sort(c.rows.begin(), c.rows.end());
    c.rows.erase(std::unique(c.rows.begin(), c.rows.end()), c.rows.end());
    compiled.push_back(std::move(c));
  }

  // assignment[r] = candidate index, -1 unassigned.
  std::vector<int> assignment(n, -1);
  // Evaluates a constraint: 1 satisfied (or unusable), 0 broken, 2 undecided yet.
  auto evaluate = [&](const Compiled& c, bool bound_only) -> int {
    int64_t pos = 0;
    int64_t neg = 0;
    bool unknown_pos = false;
    bool unknown_neg = false;
    for (const Compiled::Term& t : c.terms) {
      int64_t v;
      if (t.slot.row < 0) {
        v = t.slot.known.micros();
      } else {
        int a = assignment[t.slot.row];
        if (a < 0) {
          (t.coef > 0 ? unknown_pos : unknown_neg) = true;
          continue;
        }
        const std::optional<Decimal>& val = rows[t.slot.row].candidates[a][t.slot.col];
        if (!val) return 1;  // a blank: the identity cannot be used
        v = val->micros();
      }
      if (v < 0) bound_only = false;  // signed values defeat the bounds
      (t.coef > 0 ? pos : neg) += v;
    }
    if (!unknown_pos && !unknown_neg) {
      return c.equality ? (pos == neg ? 1 : 0) : (pos <= neg ? 1 : 0);
    }
    if (!bound_only) return 2;
    if (c.equality) {
      if (!unknown_pos && pos < neg) return 0;
      if (!unknown_neg && pos > neg) return 0;
    } else {
      if (!unknown_neg && pos > neg) return 0;
    }
    return 2;
  };
  std::vector<bool> any_negative(n, false);
  for (int r = 0; r < n; ++r) {
    for (const auto& cand : rows[r].candidates) {
      for (const auto& v : cand) {
        if (v && v->is_negative()) any_negative[r] = true;
      }
    }
  }
  auto bounds_ok = [&](const Compiled& c) {
    for (int r : c.rows) {
      if (any_negative[r]) return false;
    }
    return true;
  };

  // 1. Row by row.
  std::vector<std::vector<int>> alive(n);
  std::vector<bool> broken(n, false);  // no candidate fits its own row
  for (int r = 0; r < n; ++r) {
    for (int k = 0; k < (int)rows[r].candidates.size(); ++k) {
      assignment[r] = k;
      bool ok = true;
      for (const Compiled& c : compiled) {
        if (c.rows.size() == 1 && c.rows[0] == r && evaluate(c, false) == 0) {
          ok = false;
          break;
        }
      }
      if (ok) alive[r].push_back(k);
    }
    assignment[r] = -1;
    if (alive[r].empty()) {
      broken[r] = true;
      alive[r].resize(rows[r].candidates.size());
      std::iota(alive[r].begin(), alive[r].end(), 0);
    }
  }
  for (int r = 0; r < n; ++r) out.possible[r] = alive[r];

  // 2. Together. Rows broken on their own do not take part (their constraints are unusable).
  // Rows that no constraint links are independent: each group of linked rows is searched
  // apart, so unrelated ambiguous rows do not multiply the work.
  std::vector<std::vector<const Compiled*>> touching(n);
  std::vector<int> group(n);
  std::iota(group.begin(), group.end(), 0);
  auto find = [&](int x) {
    while (group[x] != x) x = group[x] = group[group[x]];
    return x;
  };
  for (const Compiled& c : compiled) {
    bool usable = true;
    for (int r : c.rows) {
      if (broken[r]) usable = false;
    }
    if (!usable || c.rows.size() < 2) continue;
    for (int r : c.rows) {
      touching[r].push_back(&c);
      group[find(r)] = find(c.rows[0]);
    }
  }
  std::map<int, std::vector<int>> groups;
  for (int r = 0; r < n; ++r) {
    if (!broken[r] && !touching[r].empty()) groups[find(r)].push_back(r);
  }
  std::vector<std::set<int>> seen(n);
  bool any_exhausted = false;
  for (auto& [root, order] : groups) {
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return alive[a].size() < alive[b].size(); });
    uint64_t nodes = 0;
    bool exhausted = false;
    bool any_solution = false;
    auto search = [&](auto&& self, size_t depth) -> void {
      if (exhausted) return;
      if (depth == order.size()) {
        any_solution = true;
        for (int r : order) seen[r].insert(assignment[r]);
        return;
      }
      const int r = order[depth];
      for (int k : alive[r]) {
        if (++nodes > max_nodes) {
          exhausted = true;
          return;
        }
        assignment[r] = k;
        bool ok = true;
        for (const Compiled* c : touching[r]) {
          if (evaluate(*c, bounds_ok(*c)) == 0) {
            ok = false;
            break;
          }
        }
        if (ok) self(self, depth + 1);
        assignment[r] = -1;
        if (exhausted) return;
      }
    };
    search(search, 0);
    any_exhausted |= exhausted;
    if (!exhausted && any_solution) {
      for (int r : order) out.possible[r].assign(seen[r].begin(), seen[r].end());
    }
  }
  out.exhausted = any_exhausted;
  for (int r = 0; r < n; ++r) {
    if (out.possible[r].size() == 1) {
      out.chosen[r] = out.possible[r][0];
    } else if (broken[r] && rows[r].candidates.size() == 1) {
      out.chosen[r] = 0;
    }
  }
  return out;
}

}  // namespace gongkai::check::extract
