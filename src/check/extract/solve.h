// Choosing among the candidate splits of run-together rows with the table's identities: a small
// constraint search over rows, bounded in work. A row is resolved only when every solution of
// the search agrees on it; otherwise it stays ambiguous.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "report/format.h"

namespace gongkai::check::extract {

// Σ coef·cell = 0 (equality) or Σ coef·cell ≤ 0.
struct LinearConstraint {
  struct Term {
    std::string cell;
    int coef = 1;  // +1 or -1
  };
  std::vector<Term> terms;
  bool equality = true;
  std::string rule;  // identity id, for tests and messages
};

// The hard identities of `format` ("eq" and "le" of severity error), expanded over their
// columns or rows. Identities with last year's terms are left out.
std::vector<LinearConstraint> ConstraintsOf(const Format& format);

// A row whose digits split in several ways: its cell ids (one per column) and the candidate
// values (one vector per candidate, one value per column; nullopt = blank).
struct RowChoice {
  std::string row_id;
  std::vector<std::string> cells;
  std::vector<std::vector<std::optional<Decimal>>> candidates;
};

struct SolveResult {
  // Per row of the input: the candidate chosen, or -1 when the row stays ambiguous.
  std::vector<int> chosen;
  // Per row: the candidates still possible (all of them when the search gave up).
  std::vector<std::vector<int>> possible;
  bool exhausted = false;  // the work limit was reached
};

// Resolves `rows` given the `known` cells. A constraint is used only when all its cells are
// known or belong to `rows`; a blank value makes it unusable for that candidate. Candidates that
// break a constraint on their own row are dropped first (if that drops every candidate, a row
// with a single candidate keeps it — the report is wrong, and the checker says so — and any
// other row stays ambiguous). Then the rows are searched together: a row is chosen when one
// candidate appears in every solution. Without any solution, only rows left with one candidate
// are chosen.
SolveResult Solve(const std::map<std::string, Decimal>& known, const std::vector<RowChoice>& rows,
                  const std::vector<LinearConstraint>& constraints, uint64_t max_nodes = 2'000'000);

}  // namespace gongkai::check::extract
