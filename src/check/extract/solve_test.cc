#include "check/extract/solve.h"

#include <gtest/gtest.h>

#include "report/testing_formats.h"

namespace gongkai::check::extract {
namespace {

std::optional<Decimal> D(int v) { return Decimal::FromInt(v); }

LinearConstraint Eq(std::vector<std::string> lhs, std::vector<std::string> rhs) {
  LinearConstraint c;
  for (auto& s : lhs) c.terms.push_back({s, 1});
  for (auto& s : rhs) c.terms.push_back({s, -1});
  return c;
}

TEST(ConstraintsOf, HardIdentitiesExpanded) {
  const Format& f = gongkai::testing::RealFormat("2021");
  std::vector<LinearConstraint> cs = ConstraintsOf(f);
  // balance and total per column (7 + 7), row totals (25 rows), table 四 (3); no prev: rules.
  EXPECT_EQ(cs.size(), 7u + 7u + 25u + 3u);
  bool found = false;
  for (const LinearConstraint& c : cs) {
    if (c.rule == "2021.T3.balance/NP") {
      found = true;
      ASSERT_EQ(c.terms.size(), 4u);
      EXPECT_EQ(c.terms[0].cell, "R1/NP");
      EXPECT_EQ(c.terms[0].coef, 1);
      EXPECT_EQ(c.terms[2].cell, "R3.7/NP");
      EXPECT_EQ(c.terms[2].coef, -1);
    }
    EXPECT_NE(c.rule.find("in_force"), 0u);
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(ConstraintsOf(gongkai::testing::RealFormat("2008")).size(), 6u);
}

TEST(SolveRows, CrossRowIdentityChoosesTheSplit) {
  // A = B + C; B splits two ways, C is known.
  RowChoice b{"B", {"B"}, {{D(3)}, {D(12)}}};
  SolveResult r = Solve({{"A", Decimal::FromInt(15)}, {"C", Decimal::FromInt(3)}}, {b},
                        {Eq({"A"}, {"B", "C"})});
  ASSERT_EQ(r.chosen.size(), 1u);
  EXPECT_EQ(r.chosen[0], 1);
}

TEST(SolveRows, TwoSolutionsStayAmbiguous) {
  // A = B + C with both B and C open: (3, 12) and (12, 3) both fit.
  RowChoice b{"B", {"B"}, {{D(3)}, {D(12)}}};
  RowChoice c{"C", {"C"}, {{D(3)}, {D(12)}}};
  SolveResult r = Solve({{"A", Decimal::FromInt(15)}}, {b, c}, {Eq({"A"}, {"B", "C"})});
  EXPECT_EQ(r.chosen[0], -1);
  EXPECT_EQ(r.chosen[1], -1);
  EXPECT_EQ(r.possible[0], (std::vector<int>{0, 1}));
}

TEST(SolveRows, RowConstraintsFirst) {
  // A row total: only the second candidate of row R adds up.
  RowChoice r1{"R", {"R/X", "R/Y", "R/T"}, {{D(1), D(2), D(4)}, {D(1), D(3), D(4)}}};
  SolveResult r = Solve({}, {r1}, {Eq({"R/T"}, {"R/X", "R/Y"})});
  EXPECT_EQ(r.chosen[0], 1);
}

TEST(SolveRows, AWrongRowWithOneSplitIsKept) {
  // The report itself is wrong: the only split breaks the total; it is read as printed.
  RowChoice r1{"R", {"R/X", "R/T"}, {{D(1), D(4)}}};
  SolveResult r = Solve({}, {r1}, {Eq({"R/T"}, {"R/X"})});
  EXPECT_EQ(r.chosen[0], 0);
  // With two splits and none fitting: ambiguous.
  RowChoice r2{"R", {"R/X", "R/T"}, {{D(1), D(4)}, {D(2), D(5)}}};
  r = Solve({}, {r2}, {Eq({"R/T"}, {"R/X"})});
  EXPECT_EQ(r.chosen[0], -1);
  EXPECT_EQ(r.possible[0].size(), 2u);
}

TEST(SolveRows, NoSolutionKeepsOnlyRowLevelCertainty) {
  // A = B + C cannot hold (A known wrong): B stays ambiguous, C (one candidate) is chosen.
  RowChoice b{"B", {"B"}, {{D(3)}, {D(12)}}};
  RowChoice c{"C", {"C"}, {{D(100)}}};
  SolveResult r = Solve({{"A", Decimal::FromInt(1)}}, {b, c}, {Eq({"A"}, {"B", "C"})});
  EXPECT_EQ(r.chosen[0], -1);
  EXPECT_EQ(r.chosen[1], 0);
}

TEST(SolveRows, BlankCellsMakeAConstraintUnusable) {
  RowChoice b{"B", {"B"}, {{std::nullopt}, {D(12)}}};
  SolveResult r = Solve({{"A", Decimal::FromInt(15)}, {"C", Decimal::FromInt(3)}}, {b},
                        {Eq({"A"}, {"B", "C"})});
  EXPECT_EQ(r.chosen[0], -1);  // both fit: the blank one cannot be checked
}

TEST(SolveRows, ConstraintsWithUnknownCellsAreIgnored) {
  RowChoice b{"B", {"B"}, {{D(3)}, {D(12)}}};
  SolveResult r = Solve({}, {b}, {Eq({"A"}, {"B", "C"})});
  EXPECT_EQ(r.chosen[0], -1);
}

TEST(SolveRows, LessOrEqual) {
  // This year ≤ cumulative.
  RowChoice r1{"R", {"R/Y", "R/C"}, {{D(42), D(5)}, {D(4), D(25)}}};
  LinearConstraint le;
  le.terms = {{"R/Y", 1}, {"R/C", -1}};
  le.equality = false;
  SolveResult r = Solve({}, {r1}, {le});
  EXPECT_EQ(r.chosen[0], 1);
}

TEST(SolveRows, WorkIsBounded) {
  // 12 rows of 6 candidates, all linked by one sum that no assignment meets early: the search
  // stops at the node limit and leaves them ambiguous.
  std::vector<RowChoice> rows;
  std::vector<std::string> cells;
  for (int i = 0; i < 12; ++i) {
    RowChoice rc;
    rc.row_id = "R" + std::to_string(i);
    rc.cells = {rc.row_id};
    for (int k = 0; k < 6; ++k) rc.candidates.push_back({D(k)});
    cells.push_back(rc.row_id);
    rows.push_back(rc);
  }
  LinearConstraint c;
  for (auto& id : cells) c.terms.push_back({id, 1});
  c.terms.push_back({"S", -1});
  SolveResult r = Solve({{"S", Decimal::FromInt(30)}}, rows, {c}, 10000);
  EXPECT_TRUE(r.exhausted);
  for (int ch : r.chosen) EXPECT_EQ(ch, -1);
}

}  // namespace
}  // namespace gongkai::check::extract
