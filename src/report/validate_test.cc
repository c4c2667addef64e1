#include "report/validate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/testing_formats.h"

namespace gongkai {
namespace {

using ::gongkai::testing::RealFormat;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

using Cells = std::map<std::string, CellValue>;

// Every cell of `fmt` at 0 (headings "—"): a report that satisfies every identity.
Cells ZeroCells(const Format& fmt) {
  Cells cells;
  for (const std::string& id : fmt.CellIds()) {
    if (fmt.IsHeading(id)) {
      cells[id] = CellValue{std::nullopt, CellSource::kHeading, ""};
    } else {
      cells[id] = CellValue{Decimal::FromInt(0), CellSource::kRule, ""};
    }
  }
  return cells;
}

Decimal D(const char* text) { return *Decimal::Parse(text); }

struct Set {
  const char* cell;
  const char* value;
};

Cells With(const Format& fmt, std::initializer_list<Set> sets) {
  Cells cells = ZeroCells(fmt);
  for (const Set& s : sets) {
    EXPECT_TRUE(cells.contains(s.cell)) << s.cell;
    cells[s.cell].value = D(s.value);
  }
  return cells;
}

std::vector<std::string> Rules(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const Finding& f : fs) out.push_back(f.rule);
  return out;
}

TEST(ValidateTest, ZeroReportHasNoFindings) {
  for (const char* id : {"2008", "2019", "2021"}) {
    const Format& f = RealFormat(id);
    Cells cells = ZeroCells(f);
    EXPECT_THAT(ValidateCells(f, cells, &cells), IsEmpty()) << id;
  }
}

// Each case breaks exactly one identity and names the finding it must produce.
struct ViolationCase {
  const char* name;
  const char* format;
  std::vector<Set> sets;
  std::vector<std::string> rules;  // in the order of the format's identities
  Severity severity;
  std::vector<const char*> message_parts;
};

class ViolationTest : public ::testing::TestWithParam<ViolationCase> {};

TEST_P(ViolationTest, OneFindingWithTheNumbers) {
  const ViolationCase& c = GetParam();
  const Format& f = RealFormat(c.format);
  Cells cells = ZeroCells(f);
  for (const Set& s : c.sets) {
    ASSERT_TRUE(cells.contains(s.cell)) << s.cell;
    cells[s.cell].value = D(s.value);
  }
  std::vector<Finding> fs = ValidateCells(f, cells);
  ASSERT_EQ(Rules(fs), c.rules) << c.name;
  EXPECT_EQ(fs[0].severity, c.severity);
  for (const char* part : c.message_parts) {
    EXPECT_THAT(fs[0].message, HasSubstr(part)) << fs[0].message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Each, ViolationTest,
    ::testing::Values(
        // 2021 table 三. The identities are linear, so breaking one column also breaks 总计.
        ViolationCase{"balance",
                      "2021",
                      {{"R1/NP", "5"},
                       {"R1/TOT", "5"},
                       {"R2/NP", "1"},
                       {"R2/TOT", "1"},
                       {"R3.1/NP", "4"},
                       {"R3.1/TOT", "4"},
                       {"R3.7/NP", "4"},
                       {"R3.7/TOT", "4"},
                       {"R4/NP", "1"},
                       {"R4/TOT", "1"}},
                      {"2021.T3.balance/NP", "2021.T3.balance/TOT"},
                      Severity::kError,
                      {"本年新收(R1/NP)=5 加 上年结转(R2/NP)=1 共 6，但办理结果总计(R3.7/NP)=4 加 "
                       "结转下年度(R4/NP)=1 共 5：第一项加第二项之和应等于第三项加第四项之和"}},
        ViolationCase{"total",
                      "2021",
                      {{"R3.7/CE", "2"},
                       {"R3.7/TOT", "2"},
                       {"R1/CE", "2"},
                       {"R1/TOT", "2"},
                       {"R3.3.4/CE", "1"},
                       {"R3.3.4/TOT", "1"}},
                      {"2021.T3.total/CE", "2021.T3.total/TOT"},
                      Severity::kError,
                      {"办理结果总计(R3.7/CE)=2，但", "不予公开：保护第三方合法权益(R3.3.4/CE)=1",
                       "共 1：办理结果总计应等于各项办理结果之和"}},
        ViolationCase{
            "row total",
            "2021",
            {{"R1/RI", "1"}, {"R3.5.2/RI", "1"}, {"R3.7/RI", "1"}},
            {"2021.T3.row_total/R1", "2021.T3.row_total/R3.5.2", "2021.T3.row_total/R3.7"},
            Severity::kError,
            {"本年新收(R1/TOT)=0，但本年新收(R1/NP)=0 加 本年新收(R1/CE)=0 加 "
             "本年新收(R1/RI)=1",
             "共 1：总计应等于"}},
        ViolationCase{"review total",
                      "2021",
                      {{"RV.M", "2"}, {"RV.P", "1"}, {"RV.T", "2"}},
                      {"2021.T4.RV.total"},
                      Severity::kError,
                      {"行政复议总计(RV.T)=2，但行政复议结果维持(RV.M)=2",
                       "行政复议尚未审结(RV.P)=1", "共 3"}},
        ViolationCase{"direct suit total",
                      "2019",
                      {{"LD.C", "1"}},
                      {"2019.T4.LD.total"},
                      Severity::kError,
                      {"未经复议直接起诉总计(LD.T)=0"}},
        ViolationCase{"after review total",
                      "2021",
                      {{"LR.O", "1"}},
                      {"2021.T4.LR.total"},
                      Severity::kError,
                      {"复议后起诉其他结果(LR.O)=1"}},
        ViolationCase{"2019 total counts R3.6",
                      "2019",
                      {{"R3.6/NP", "1"}, {"R3.6/TOT", "1"}},
                      {"2019.T3.total/NP", "2019.T3.total/TOT"},
                      Severity::kError,
                      {"其他处理(R3.6/NP)=1"}},
        ViolationCase{"negative",
                      "2021",
                      {{"T2.6.1/DEC", "-1"}},
                      {"2021.nonneg/T2.6.1/DEC"},
                      Severity::kError,
                      {"行政处罚本年处理决定数量(T2.6.1/DEC)=-1，为负数"}},
        ViolationCase{"fraction",
                      "2021",
                      {{"T2.5.1/DEC", "1.5"}},
                      {"2021.integer/T2.5.1/DEC"},
                      Severity::kError,
                      {"=1.5，不是整数（单位：件）"}},
        // 2008 hard identities.
        ViolationCase{"C1",
                      "2008",
                      {{"C1", "3"}, {"C1.2", "2"}},
                      {"2008.C1.sum"},
                      Severity::kError,
                      {"收到申请数(C1)=3，但当面申请数(C1.1)=0 加 传真申请数(C1.2)=2 加 "
                       "网络申请数(C1.3)=0 加 信函申请数(C1.4)=0 共 2"}},
        ViolationCase{"C2",
                      "2008",
                      {{"C2", "3"}, {"C3", "3"}, {"C3.2", "3"}, {"C2.1", "2"}},
                      {"2008.C2.sum"},
                      Severity::kError,
                      {"申请办结数(C2)=3，但按时办结数(C2.1)=2 加 延期办结数(C2.2)=0 共 2"}},
        ViolationCase{"C3",
                      "2008",
                      {{"C2", "2"}, {"C2.1", "2"}, {"C3", "2"}, {"C3.5", "1"}},
                      {"2008.C3.sum"},
                      Severity::kError,
                      {"申请答复数(C3)=2", "共 1"}},
        ViolationCase{
            "D", "2008", {{"D", "1"}}, {"2008.D.sum"}, Severity::kError, {"行政复议数量(D)=1"}},
        ViolationCase{"E",
                      "2008",
                      {{"E3", "1"}},
                      {"2008.E.sum"},
                      Severity::kError,
                      {"行政诉讼数量(E)=0", "其他情形数(E3)=1"}},
        ViolationCase{"H3",
                      "2008",
                      {{"H3", "2"}, {"H3.2", "1"}},
                      {"2008.H3.sum"},
                      Severity::kError,
                      {"从事政府信息公开工作人员数(H3)=2"}},
        ViolationCase{"nonneg 2008",
                      "2008",
                      {{"I1", "-2"}},
                      {"2008.nonneg/I1"},
                      Severity::kError,
                      {"=-2，为负数"}},
        ViolationCase{"integer 2008",
                      "2008",
                      {{"I3", "0.5"}},
                      {"2008.integer/I3"},
                      Severity::kError,
                      {"接受培训人员数(I3)=0.5，不是整数（单位：人次）"}},
        // 2008 soft identities.
        ViolationCase{"C3.4 grounds",
                      "2008",
                      {{"C2", "1"}, {"C2.1", "1"}, {"C3", "1"}, {"C3.4", "1"}},
                      {"2008.C3.4.grounds"},
                      Severity::kWarning,
                      {"不同意公开答复数(C3.4)=1"}},
        ViolationCase{"A1a le A1",
                      "2008",
                      {{"A1a", "2"}, {"A1b", "2"}, {"A1", "1"}, {"A2.2", "1"}},
                      {"2008.A1a.le_A1"},
                      Severity::kWarning,
                      {"主动公开规范性文件数(A1a)=2，大于主动公开政府信息数(A1)=1"}},
        ViolationCase{"A1a le A1b",
                      "2008",
                      {{"A1a", "2"}, {"A1", "2"}, {"A2.2", "2"}},
                      {"2008.A1a.le_A1b"},
                      Severity::kWarning,
                      {"制发规范性文件总数(A1b)=0"}},
        ViolationCase{"max A2 le A1",
                      "2008",
                      {{"A1", "3"}, {"A2.2", "5"}, {"A2.4", "1"}},
                      {"2008.A2.max_le_A1"},
                      Severity::kWarning,
                      {"政府网站公开政府信息数(A2.2)=5，大于主动公开政府信息数(A1)=3"}},
        ViolationCase{"A1 le sum A2",
                      "2008",
                      {{"A1", "3"}, {"A2.2", "2"}},
                      {"2008.A1.le_A2"},
                      Severity::kWarning,
                      {"主动公开政府信息数(A1)=3，大于", "共 2"}},
        ViolationCase{"B2.1a",
                      "2008",
                      {{"B2.1a", "1"}},
                      {"2008.B2.1a.le"},
                      Severity::kWarning,
                      {"主要负责同志参加新闻发布会次数(B2.1a)=1"}},
        ViolationCase{
            "B2.2a", "2008", {{"B2.2a", "1"}}, {"2008.B2.2a.le"}, Severity::kWarning, {"(B2.2)=0"}},
        ViolationCase{"C3 eq C2",
                      "2008",
                      {{"C2", "2"}, {"C2.1", "2"}, {"C3", "1"}, {"C3.1", "1"}},
                      {"2008.C3.eq_C2"},
                      Severity::kWarning,
                      {"申请答复数(C3)=1，但申请办结数(C2)=2"}}),
    [](const auto& info) {
      std::string n = info.param.name;
      for (char& ch : n) {
        if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return n;
    });

TEST(ValidateTest, SignedColumnMayBeNegative) {
  const Format& f = RealFormat("2019");
  Cells cells = With(f, {{"T2.5.1/CHG", "-3"}, {"T2.5.1/PRV", "10"}});
  EXPECT_THAT(ValidateCells(f, cells), IsEmpty());
  cells = With(f, {{"T2.5.1/PRV", "-3"}});
  EXPECT_THAT(Rules(ValidateCells(f, cells)), ElementsAre("2019.nonneg/T2.5.1/PRV"));
}

TEST(ValidateTest, MoneyMayBeFractional) {
  const Format& f = RealFormat("2021");
  EXPECT_THAT(ValidateCells(f, With(f, {{"T2.8.1/FEE", "12.3456"}})), IsEmpty());
  const Format& f08 = RealFormat("2008");
  EXPECT_THAT(ValidateCells(f08, With(f08, {{"G", "0.0125"}, {"H4", "1.5"}})), IsEmpty());
}

TEST(ValidateTest, CarryOverComparedWithLastYear) {
  const Format& f = RealFormat("2021");
  Cells last = With(f, {{"R1/NP", "2"}, {"R1/TOT", "2"}, {"R4/NP", "2"}, {"R4/TOT", "2"}});
  Cells now = With(f, {{"R2/NP", "1"},
                       {"R2/TOT", "1"},
                       {"R3.1/NP", "1"},
                       {"R3.1/TOT", "1"},
                       {"R3.7/NP", "1"},
                       {"R3.7/TOT", "1"}});
  EXPECT_THAT(ValidateCells(f, now), IsEmpty());  // no previous report: cross-year rules skipped
  std::vector<Finding> fs = ValidateCells(f, now, &last);
  ASSERT_THAT(Rules(fs), ElementsAre("2021.T3.carry_over/NP", "2021.T3.carry_over/TOT"));
  EXPECT_EQ(fs[0].severity, Severity::kWarning);
  EXPECT_THAT(fs[0].message, HasSubstr("上年结转(R2/NP)=1，但上一年度报告的结转下年度(R4/NP)=2"));
  EXPECT_THAT(fs[0].cells, ElementsAre("R2/NP", "R4/NP"));
}

TEST(ValidateTest, InForceFollowsLastYearPlusIssuedMinusRepealed) {
  const Format& f = RealFormat("2021");
  Cells last = With(f, {{"T2.1.2/EFF", "10"}});
  Cells ok = With(f, {{"T2.1.2/ISS", "3"}, {"T2.1.2/REP", "1"}, {"T2.1.2/EFF", "12"}});
  EXPECT_THAT(ValidateCells(f, ok, &last), IsEmpty());
  Cells bad = With(f, {{"T2.1.2/ISS", "3"}, {"T2.1.2/REP", "1"}, {"T2.1.2/EFF", "15"}});
  std::vector<Finding> fs = ValidateCells(f, bad, &last);
  ASSERT_THAT(Rules(fs), ElementsAre("2021.T2.1.in_force/T2.1.2"));
  EXPECT_EQ(fs[0].severity, Severity::kWarning);
  EXPECT_THAT(
      fs[0].message,
      HasSubstr(
          "行政规范性文件现行有效件数(T2.1.2/EFF)=15，但上一年度报告的行政规范性文件现行有效件数"
          "(T2.1.2/EFF)=10 加 行政规范性文件本年制发件数(T2.1.2/ISS)=3 减 "
          "行政规范性文件本年废止件数(T2.1.2/REP)=1 共 12"));
  EXPECT_THAT(ValidateCells(f, bad), IsEmpty());
}

// The seed report fills heading rows: 一 = 42 (= A1 12 + A2 30), 八 = 0 although H3 = 1.
TEST(ValidateTest, HeadingRowWithValueIsAWarningSayingWhetherItIsASum) {
  const Format& f = RealFormat("2008");
  Cells cells = With(f, {{"A1", "12"}, {"A1a", "12"}, {"A2.2", "30"}, {"H3", "1"}, {"H3.2", "1"}});
  cells["A"].value = D("42");
  cells["A2"].value = D("30");
  cells["H"].value = D("0");
  std::vector<Finding> fs = ValidateCells(f, cells);
  std::vector<std::string> heading_rules;
  for (const Finding& x : fs) {
    if (x.rule.find("heading_value") != std::string::npos) {
      heading_rules.push_back(x.rule);
      EXPECT_EQ(x.severity, Severity::kWarning);
    }
  }
  EXPECT_THAT(heading_rules,
              ElementsAre("2008.heading_value/A", "2008.heading_value/A2", "2008.heading_value/H"));
  auto message_of = [&](const std::string& rule) {
    for (const Finding& x : fs) {
      if (x.rule == rule) return x.message;
    }
    return std::string();
  };
  EXPECT_THAT(message_of("2008.heading_value/A"), HasSubstr("却填了 42；该数等于其下级各项之和"));
  EXPECT_THAT(
      message_of("2008.heading_value/A"),
      HasSubstr("主动公开政府信息数(A1)=12 加 通过不同渠道和方式公开政府信息的情况(A2)=30 共 42"));
  EXPECT_THAT(message_of("2008.heading_value/H"), HasSubstr("却填了 0；该数不等于其下级各项之和"));
  EXPECT_THAT(message_of("2008.heading_value/H"), HasSubstr("从事政府信息公开工作人员数(H3)=1"));
}

TEST(ValidateTest, MissingCellsSkipTheirIdentities) {
  const Format& f = RealFormat("2008");
  Cells cells = With(f, {{"C1", "3"}, {"C1.1", "1"}});
  cells.erase("C1.2");
  EXPECT_THAT(Rules(ValidateCells(f, cells)), IsEmpty());
}

}  // namespace
}  // namespace gongkai
