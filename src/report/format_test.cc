#include "report/format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "report/testing_formats.h"

namespace gongkai {
namespace {

using ::gongkai::testing::RealFormat;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

TEST(FormatFilesTest, AllThreeParse) {
  for (const char* id : {"2008", "2019", "2021"}) {
    const Format& f = RealFormat(id);
    EXPECT_EQ(f.id, id);
    EXPECT_FALSE(f.tables.empty()) << id;
    EXPECT_EQ(f.title_template, "{{agency}}{{year}}年政府信息公开工作年度报告");
  }
  EXPECT_EQ(RealFormat("2021").basis, "国办公开办函〔2021〕30号");
  EXPECT_EQ(RealFormat("2019").basis, "国办公开办函〔2019〕60号");
}

// The 2008-era table: rows in the seed's order (its 附件2), 65 rows, headings as in the form.
TEST(Format2008Test, RowsInSeedOrder) {
  const Table* t = RealFormat("2008").FindTable("T");
  ASSERT_NE(t, nullptr);
  std::vector<std::string> ids;
  for (const Row& r : t->rows) ids.push_back(r.id);
  EXPECT_THAT(
      ids,
      ElementsAreArray<std::string>(
          {"A",    "A1",   "A1a",  "A1b",  "A2",    "A2.1",  "A2.2",  "A2.3",  "A2.4",  "A2.5",
           "B",    "B1",   "B2",   "B2.1", "B2.1a", "B2.2",  "B2.2a", "B2.3",  "B2.4",  "B2.5",
           "C",    "C1",   "C1.1", "C1.2", "C1.3",  "C1.4",  "C2",    "C2.1",  "C2.2",  "C3",
           "C3.1", "C3.2", "C3.3", "C3.4", "C3.4a", "C3.4b", "C3.4c", "C3.4d", "C3.4e", "C3.4f",
           "C3.5", "C3.6", "C3.7", "C3.8", "D",     "D1",    "D2",    "D3",    "E",     "E1",
           "E2",   "E3",   "F",    "G",    "H",     "H1",    "H2",    "H3",    "H3.1",  "H3.2",
           "H4",   "I",    "I1",   "I2",   "I3"}));
  std::vector<std::string> headings;
  for (const Row& r : t->rows) {
    if (r.heading) headings.push_back(r.id);
  }
  EXPECT_THAT(headings, ElementsAre("A", "A2", "B", "B2", "C", "H", "I"));
  EXPECT_EQ(t->corner, "统计指标");
  EXPECT_TRUE(t->unit_column);
  ASSERT_EQ(t->columns.size(), 1u);
  EXPECT_EQ(t->columns[0].id, "VAL");
  EXPECT_EQ(t->columns[0].label, "统计数");
  EXPECT_EQ(t->cell_ids, "row");
}

struct LabelCase {
  const char* format;
  const char* row;
  const char* label;  // last label
  const char* unit;
};

class RowLabelTest : public ::testing::TestWithParam<LabelCase> {};

TEST_P(RowLabelTest, ExactLabelAndUnit) {
  const LabelCase& c = GetParam();
  const Row* r = RealFormat(c.format).FindRow(c.row);
  ASSERT_NE(r, nullptr) << c.row;
  ASSERT_FALSE(r->labels.empty());
  EXPECT_EQ(r->labels.back(), c.label);
  EXPECT_EQ(r->unit, c.unit);
}

INSTANTIATE_TEST_SUITE_P(
    Spot, RowLabelTest,
    ::testing::Values(
        LabelCase{"2008", "A", "一、主动公开情况", ""},
        LabelCase{"2008", "A1", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
                  "条"},
        LabelCase{"2008", "A1a", "\u3000其中：主动公开规范性文件数", "条"},
        LabelCase{"2008", "A1b", "\u3000\u3000\u3000\u3000制发规范性文件总数", "件"},
        LabelCase{"2008", "A2.4", "\u30004.政务微信公开政府信息数", "条"},
        LabelCase{"2008", "B1",
                  "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次"},
        LabelCase{"2008", "B2.2a", "\u3000\u3000其中：主要负责同志参加政府网站在线访谈次数", "次"},
        LabelCase{"2008", "B2.3", "\u30003.政策解读稿件发布数", "篇"},
        LabelCase{"2008", "C1.4", "\u30004.信函申请数", "件"},
        LabelCase{"2008", "C3.4d",
                  "\u3000\u3000\u3000\u3000危及国家安全、公共安全、经济安全和社会稳定", "件"},
        LabelCase{"2008", "C3.4e", "\u3000\u3000\u3000\u3000不是《条例》所指政府信息", "件"},
        LabelCase{"2008", "C3.8", "\u30008.告知通过其他途径办理数", "件"},
        LabelCase{"2008", "E1", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件"},
        LabelCase{"2008", "F", "六、举报投诉数量", "件"},
        LabelCase{"2008", "G", "七、依申请公开信息收取的费用", "万元"},
        LabelCase{"2008", "H3.1", "\u30001.专职人员数（不包括政府公报及政府网站工作人员数）", "人"},
        LabelCase{"2008", "H4",
                  "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的"
                  "经费）",
                  "万元"},
        LabelCase{"2008", "I3", "（三）接受培训人员数", "人次"},
        LabelCase{"2021", "R1", "一、本年新收政府信息公开申请数量", "件"},
        LabelCase{"2021", "R2", "二、上年结转政府信息公开申请数量", "件"},
        LabelCase{"2021", "R3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "件"},
        LabelCase{"2021", "R3.3.3", "3.危及“三安全一稳定”", "件"},
        LabelCase{"2021", "R3.3.8", "8.属于行政查询事项", "件"},
        LabelCase{"2021", "R3.5.5", "5.要求行政机关确认或重新出具已获取信息", "件"},
        LabelCase{"2021", "R3.6.1",
                  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "件"},
        LabelCase{"2021", "R3.6.2",
                  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "件"},
        LabelCase{"2021", "R3.7", "（七）总计", "件"},
        LabelCase{"2021", "R4", "四、结转下年度继续办理", "件"},
        LabelCase{"2021", "T2.1.2", "行政规范性文件", ""},
        LabelCase{"2021", "T2.8.1", "行政事业性收费", ""},
        LabelCase{"2019", "R3.6", "（六）其他处理", "件"},
        LabelCase{"2019", "T2.1.2", "规范性文件", ""},
        LabelCase{"2019", "T2.5.2", "其他对外管理服务事项", ""},
        LabelCase{"2019", "T2.9.1", "政府集中采购", ""}));

TEST(Format2021Test, TableThreeHeader) {
  const Table* t = RealFormat("2021").FindTable("T3");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->corner, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  EXPECT_EQ(t->label_columns, 3);
  std::vector<std::string> ids;
  std::vector<std::string> labels;
  for (const Column& c : t->columns) {
    ids.push_back(c.id);
    labels.push_back(c.label);
  }
  EXPECT_THAT(ids, ElementsAre("NP", "CE", "RI", "SO", "LS", "OT", "TOT"));
  EXPECT_THAT(labels, ElementsAre("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
                                  "其他", "总计"));
  EXPECT_THAT(t->columns[0].groups, ElementsAre("申请人情况"));
  EXPECT_THAT(t->columns[3].groups, ElementsAre("申请人情况", "法人或其他组织"));
  EXPECT_TRUE(t->columns[6].is_total);
  const Row* r = RealFormat("2021").FindRow("R3.3.4");
  ASSERT_NE(r, nullptr);
  EXPECT_THAT(r->labels,
              ElementsAre("三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益"));
  EXPECT_EQ(RealFormat("2021").FindTable("T3")->rows.size(), 25u);
}

TEST(Format2021Test, TableFourColumns) {
  for (const char* id : {"2019", "2021"}) {
    const Table* t = RealFormat(id).FindTable("T4");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->cell_ids, "col");
    ASSERT_EQ(t->columns.size(), 15u);
    std::vector<std::string> ids;
    for (const Column& c : t->columns) ids.push_back(c.id);
    EXPECT_THAT(ids, ElementsAre("RV.M", "RV.C", "RV.O", "RV.P", "RV.T", "LD.M", "LD.C", "LD.O",
                                 "LD.P", "LD.T", "LR.M", "LR.C", "LR.O", "LR.P", "LR.T"));
    EXPECT_THAT(t->columns[0].groups, ElementsAre("行政复议"));
    EXPECT_THAT(t->columns[7].groups, ElementsAre("行政诉讼", "未经复议直接起诉"));
    EXPECT_THAT(t->columns[14].groups, ElementsAre("行政诉讼", "复议后起诉"));
    EXPECT_EQ(t->columns[0].label, "结果维持");
    EXPECT_EQ(t->columns[3].label, "尚未审结");
    EXPECT_EQ(t->columns[14].label, "总计");
  }
}

TEST(Format2021Test, SectionsAndTableTwoBlocks) {
  const Format& f = RealFormat("2021");
  std::vector<std::string> headings;
  for (const Section& s : f.sections) headings.push_back(s.heading);
  EXPECT_THAT(headings, ElementsAre("一、总体情况", "二、主动公开政府信息情况",
                                    "三、收到和处理政府信息公开申请情况",
                                    "四、政府信息公开行政复议、行政诉讼情况",
                                    "五、存在的主要问题及改进情况", "六、其他需要报告的事项"));
  EXPECT_THAT(f.sections[1].tables, ElementsAre("T2.1", "T2.5", "T2.6", "T2.8"));
  EXPECT_EQ(f.FindTable("T2.1")->caption, "第二十条第（一）项");
  EXPECT_EQ(f.FindTable("T2.8")->caption, "第二十条第（八）项");
  EXPECT_EQ(f.FindTable("T2.8")->columns[0].label, "本年收费金额（单位：万元）");
  EXPECT_EQ(f.FindTable("T2.9"), nullptr);
  EXPECT_EQ(f.FindRow("R3.6"), nullptr);
  EXPECT_EQ(RealFormat("2019").FindRow("R3.6.1"), nullptr);
  EXPECT_THAT(RealFormat("2019").sections[1].tables,
              ElementsAre("T2.1", "T2.5", "T2.6", "T2.8", "T2.9"));
  EXPECT_EQ(RealFormat("2019").FindTable("T2.9")->caption, "第二十条第（九）项");
  const Table* t21 = RealFormat("2019").FindTable("T2.1");
  EXPECT_EQ(t21->columns[0].label, "本年新制作数量");
  EXPECT_TRUE(RealFormat("2019").FindTable("T2.5")->columns[1].is_signed);
  EXPECT_EQ(RealFormat("2019").FindTable("T2.5")->columns[1].label, "本年增/减");
}

TEST(Format2008Test, SectionsFollowTheSeed) {
  const Format& f = RealFormat("2008");
  std::vector<std::string> headings;
  for (const Section& s : f.sections) headings.push_back(s.heading);
  EXPECT_THAT(headings, ElementsAre("一、概述", "二、基本工作情况", "三、主动公开政府信息情况",
                                    "四、依申请公开政府信息情况", "五、行政复议和诉讼情况",
                                    "六、收费和减免情况", "七、存在问题及工作打算",
                                    "附件：政府信息公开情况统计表"));
  EXPECT_THAT(f.sections.back().tables, ElementsAre("T"));
  EXPECT_THAT(f.sections[3].default_body, HasSubstr("{{C1}}"));
}

// Every {{placeholder}} in a default body names a cell of the format (or a known variable).
TEST(FormatFilesTest, DefaultBodiesBindOnlyKnownCells) {
  const std::set<std::string> kVariables = {"year", "agency", "agency_full", "next_year",
                                            "prev_year"};
  for (const char* id : {"2008", "2019", "2021"}) {
    const Format& f = RealFormat(id);
    const std::vector<std::string> ids = f.CellIds();
    const std::set<std::string> cells(ids.begin(), ids.end());
    for (const Section& s : f.sections) {
      const std::string& b = s.default_body;
      for (size_t p = b.find("{{"); p != std::string::npos; p = b.find("{{", p + 2)) {
        const size_t e = b.find("}}", p);
        ASSERT_NE(e, std::string::npos) << id << " " << s.id;
        const std::string name = b.substr(p + 2, e - p - 2);
        EXPECT_TRUE(kVariables.contains(name) || (cells.contains(name) && !f.IsHeading(name)))
            << id << " " << s.id << " {{" << name << "}}";
      }
      // No bare digits in a default body: every number must come from a placeholder.
      std::string stripped = b;
      for (size_t p = stripped.find("{{"); p != std::string::npos; p = stripped.find("{{")) {
        stripped.erase(p, stripped.find("}}", p) + 2 - p);
      }
      for (const char* bound : {"1月1日", "12月31日"}) {
        for (size_t p = stripped.find(bound); p != std::string::npos; p = stripped.find(bound)) {
          stripped.erase(p, std::string(bound).size());
        }
      }
      EXPECT_EQ(stripped.find_first_of("0123456789"), std::string::npos) << id << " " << s.id;
    }
  }
}

struct OutcomeCase {
  Outcome outcome;
  std::vector<std::string> rows2008;  // empty with unsupported2008 = kUnsupported
  bool unsupported2008;
  std::vector<std::string> rows2021;
  std::vector<std::string> rows2019;
};

class OutcomeRowTest : public ::testing::TestWithParam<OutcomeCase> {};

TEST_P(OutcomeRowTest, MapsToTheDocumentedRows) {
  const OutcomeCase& c = GetParam();
  Result<std::vector<std::string>> r2008 = RealFormat("2008").RowsForOutcome(c.outcome);
  if (c.unsupported2008) {
    ASSERT_FALSE(r2008.ok());
    EXPECT_EQ(r2008.status().code(), ErrorCode::kUnsupported);
    EXPECT_THAT(r2008.status().message(), HasSubstr(std::string(ToChinese(c.outcome))));
  } else {
    ASSERT_TRUE(r2008.ok()) << r2008.status().message();
    EXPECT_EQ(*r2008, c.rows2008);
  }
  Result<std::vector<std::string>> r2021 = RealFormat("2021").RowsForOutcome(c.outcome);
  ASSERT_TRUE(r2021.ok());
  EXPECT_EQ(*r2021, c.rows2021);
  Result<std::vector<std::string>> r2019 = RealFormat("2019").RowsForOutcome(c.outcome);
  ASSERT_TRUE(r2019.ok());
  EXPECT_EQ(*r2019, c.rows2019);
}

using V = std::vector<std::string>;
INSTANTIATE_TEST_SUITE_P(
    Every, OutcomeRowTest,
    ::testing::Values(
        OutcomeCase{Outcome::kAlreadyPublished, V{"C3.1"}, false, V{"R3.1"}, V{"R3.1"}},
        OutcomeCase{Outcome::kDisclosed, V{"C3.2"}, false, V{"R3.1"}, V{"R3.1"}},
        OutcomeCase{Outcome::kPartiallyDisclosed, V{"C3.3"}, false, V{"R3.2"}, V{"R3.2"}},
        OutcomeCase{Outcome::kRefusedStateSecret, V{"C3.4", "C3.4a"}, false, V{"R3.3.1"},
                    V{"R3.3.1"}},
        OutcomeCase{Outcome::kRefusedLawProhibits, V{"C3.4", "C3.4f"}, false, V{"R3.3.2"},
                    V{"R3.3.2"}},
        OutcomeCase{Outcome::kRefusedThreeSecurities, V{"C3.4", "C3.4d"}, false, V{"R3.3.3"},
                    V{"R3.3.3"}},
        OutcomeCase{Outcome::kRefusedTradeSecret, V{"C3.4", "C3.4b"}, false, V{"R3.3.4"},
                    V{"R3.3.4"}},
        OutcomeCase{Outcome::kRefusedPrivacy, V{"C3.4", "C3.4c"}, false, V{"R3.3.4"}, V{"R3.3.4"}},
        OutcomeCase{Outcome::kRefusedInternalAffairs, V{"C3.4", "C3.4e"}, false, V{"R3.3.5"},
                    V{"R3.3.5"}},
        OutcomeCase{Outcome::kRefusedProcessInfo, V{"C3.4", "C3.4e"}, false, V{"R3.3.6"},
                    V{"R3.3.6"}},
        OutcomeCase{Outcome::kRefusedEnforcementFile, V{"C3.4", "C3.4f"}, false, V{"R3.3.7"},
                    V{"R3.3.7"}},
        OutcomeCase{Outcome::kRefusedAdministrativeQuery, V{"C3.8"}, false, V{"R3.3.8"},
                    V{"R3.3.8"}},
        OutcomeCase{Outcome::kNotHeld, V{"C3.6"}, false, V{"R3.4.1"}, V{"R3.4.1"}},
        OutcomeCase{Outcome::kNotThisAgency, V{"C3.5"}, false, V{"R3.4.1"}, V{"R3.4.1"}},
        OutcomeCase{Outcome::kNeedsCreation, V{"C3.4", "C3.4e"}, false, V{"R3.4.2"}, V{"R3.4.2"}},
        OutcomeCase{Outcome::kUnclearAfterCorrection, V{"C3.7"}, false, V{"R3.4.3"}, V{"R3.4.3"}},
        OutcomeCase{Outcome::kPetitionComplaint, V{"C3.8"}, false, V{"R3.5.1"}, V{"R3.5.1"}},
        OutcomeCase{Outcome::kRepeatApplication, V{"C3.8"}, false, V{"R3.5.2"}, V{"R3.5.2"}},
        OutcomeCase{Outcome::kPublication, V{"C3.8"}, false, V{"R3.5.3"}, V{"R3.5.3"}},
        OutcomeCase{Outcome::kExcessiveRequests, V{}, true, V{"R3.5.4"}, V{"R3.5.4"}},
        OutcomeCase{Outcome::kConfirmOrReissue, V{"C3.8"}, false, V{"R3.5.5"}, V{"R3.5.5"}},
        OutcomeCase{Outcome::kCorrectionLapsed, V{"C3.7"}, false, V{"R3.6.1"}, V{"R3.6"}},
        OutcomeCase{Outcome::kFeeLapsed, V{}, true, V{"R3.6.2"}, V{"R3.6"}},
        OutcomeCase{Outcome::kWithdrawn, V{}, false, V{"R3.6.3"}, V{"R3.6"}},
        OutcomeCase{Outcome::kSpecialProcedure, V{"C3.8"}, false, V{"R3.6.3"}, V{"R3.6"}},
        OutcomeCase{Outcome::kOther, V{"C3.8"}, false, V{"R3.6.3"}, V{"R3.6"}}));

TEST(OutcomeRowTest, EveryOutcomeIsCovered) {
  EXPECT_EQ(AllOutcomes().size(), 26u);  // the cases above list each once
}

TEST(FormatLookupTest, CellIdsUnitsAndNames) {
  const Format& f21 = RealFormat("2021");
  const std::vector<std::string> ids = f21.CellIds();
  for (const char* id :
       {"R1/NP", "R3.3.4/SO", "R4/TOT", "RV.M", "LR.T", "T2.1.1/ISS", "T2.6.2/DEC", "T2.8.1/FEE"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
  EXPECT_EQ(ids.size(), 6u + 1u + 2u + 1u + 25u * 7u + 15u);
  EXPECT_EQ(f21.UnitOf("R1/NP"), "件");
  EXPECT_EQ(f21.UnitOf("T2.8.1/FEE"), "万元");
  EXPECT_EQ(f21.UnitOf("RV.T"), "件");
  EXPECT_EQ(f21.UnitOf("R9/NP"), "");
  EXPECT_EQ(f21.CellName("R1/NP"), "本年新收(R1/NP)");
  EXPECT_EQ(f21.CellName("T2.1.1/ISS"), "规章本年制发件数(T2.1.1/ISS)");
  EXPECT_EQ(f21.CellName("RV.T"), "行政复议总计(RV.T)");
  const Format& f08 = RealFormat("2008");
  EXPECT_EQ(f08.CellIds().size(), 65u);
  EXPECT_EQ(f08.UnitOf("G"), "万元");
  EXPECT_EQ(f08.UnitOf("I3"), "人次");
  EXPECT_TRUE(f08.IsHeading("A2"));
  EXPECT_FALSE(f08.IsHeading("D"));
  EXPECT_EQ(f08.CellName("C1.2"), "传真申请数(C1.2)");
  EXPECT_EQ(f08.CellName("A1"), "主动公开政府信息数(A1)");
  EXPECT_EQ(RealFormat("2019").UnitOf("T2.9.1/AMT"), "万元");
}

TEST(FormatLookupTest, DefaultFormatForYear) {
  EXPECT_EQ(DefaultFormatForYear(2008), "2008");
  EXPECT_EQ(DefaultFormatForYear(2018), "2008");
  EXPECT_EQ(DefaultFormatForYear(2019), "2019");
  EXPECT_EQ(DefaultFormatForYear(2020), "2019");
  EXPECT_EQ(DefaultFormatForYear(2021), "2021");
  EXPECT_EQ(DefaultFormatForYear(2030), "2021");
}

// A small valid format; each error case below breaks one thing.
constexpr const char* kMinimal = R"({
  "id": "x", "name": "测试", "first_year": 2021, "last_year": 2021,
  "title_template": "{{agency}}{{year}}",
  "sections": [{"id": "S1", "heading": "一、", "tables": ["T"]}],
  "tables": [{"id": "T", "cell_ids": "row", "columns": [{"id": "VAL", "label": "统计数"}],
              "rows": [{"id": "A", "labels": ["甲"], "unit": "件",
                        "rule": {"measure": "applications.received"}},
                       {"id": "B", "labels": ["乙"], "unit": "件", "parent": "A",
                        "rule": {"measure": "applications.closed", "by_outcome_row": true}}]}],
  "identities": [{"id": "x.sum", "kind": "eq", "lhs": ["A"], "rhs": ["B"], "text": "甲等于乙"}],
  "outcome_rows": {"disclosed": ["B"], "withdrawn": []}
})";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const size_t p = s.find(from);
  EXPECT_NE(p, std::string::npos) << from;
  if (p != std::string::npos) s.replace(p, from.size(), to);
  return s;
}

TEST(ParseFormatTest, MinimalParses) {
  Result<Format> f = ParseFormat(kMinimal, "x.json");
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->FindRow("B")->parent, "A");
  EXPECT_TRUE(f->FindRow("B")->rule.by_outcome_row);
  ASSERT_TRUE(f->RowsForOutcome(Outcome::kWithdrawn).ok());
  EXPECT_TRUE(f->RowsForOutcome(Outcome::kWithdrawn)->empty());
  EXPECT_EQ(f->RowsForOutcome(Outcome::kNotHeld).status().code(), ErrorCode::kUnsupported);
}

struct ParseErrorCase {
  const char* name;
  std::string from;
  std::string to;
  const char* expected;  // substring of the message
};

class ParseFormatErrorTest : public ::testing::TestWithParam<ParseErrorCase> {};

TEST_P(ParseFormatErrorTest, NamesFileAndPath) {
  const ParseErrorCase& c = GetParam();
  Result<Format> f = ParseFormat(Replace(kMinimal, c.from, c.to), "x.json");
  ASSERT_FALSE(f.ok()) << c.name;
  EXPECT_EQ(f.status().code(), ErrorCode::kInvalidInput);
  EXPECT_THAT(f.status().message(), HasSubstr("x.json: "));
  EXPECT_THAT(f.status().message(), HasSubstr(c.expected)) << f.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Each, ParseFormatErrorTest,
    ::testing::Values(
        ParseErrorCase{"syntax", R"("name": "测试",)", R"("name": "测试" "x",)",
                       "第2行: JSON 语法错误"},
        ParseErrorCase{"row id", R"({"id": "B", "labels")", R"({"labels")",
                       "$.tables[0].rows[1]: 缺少字段 \"id\""},
        ParseErrorCase{"cell_ids", R"("cell_ids": "row")", R"("cell_ids": "rows")",
                       "$.tables[0].cell_ids: 应为"},
        ParseErrorCase{"unit type", R"("unit": "件", "parent")", R"("unit": 3, "parent")",
                       "$.tables[0].rows[1].unit: 应为字符串"},
        ParseErrorCase{"identity cell", R"("rhs": ["B"])", R"("rhs": ["C"])",
                       "$.identities[0].rhs[0]: 单元格 \"C\" 不存在"},
        ParseErrorCase{"identity kind", R"("kind": "eq")", R"("kind": "equals")",
                       "$.identities[0].kind: 未知的核对类型"},
        ParseErrorCase{"outcome code", R"("disclosed": ["B"])", R"("disclosd": ["B"])",
                       "$.outcome_rows.disclosd: 未知的办理结果代码"},
        ParseErrorCase{"outcome row", R"("disclosed": ["B"])", R"("disclosed": ["Z"])",
                       "$.outcome_rows.disclosed[0]: 行 \"Z\" 不存在"},
        ParseErrorCase{"parent", R"("parent": "A")", R"("parent": "Q")",
                       "$.tables[0].rows[1].parent: 上级行 \"Q\" 不存在"},
        ParseErrorCase{"duplicate row", R"({"id": "B", "labels")", R"({"id": "A", "labels")",
                       "$.tables[0].rows[1].id: 行编号 \"A\" 重复"},
        ParseErrorCase{"section table", R"("tables": ["T"])", R"("tables": ["U"])",
                       "$.sections[0].tables[0]: 表 \"U\" 不存在"},
        ParseErrorCase{"filter type", R"({"measure": "applications.received"})",
                       R"({"measure": "applications.received", "channel": 3})",
                       "$.tables[0].rows[0].rule.channel"},
        ParseErrorCase{"uncounted row", R"("disclosed": ["B"])", R"("disclosed": ["A"])",
                       "行 \"B\" 按办理结果计数，但没有任何办理结果对应到它"},
        ParseErrorCase{"missing outcome_rows", R"("outcome_rows")", R"("outcome_rowz")",
                       "$: 缺少字段 \"outcome_rows\""}),
    [](const auto& info) {
      std::string n = info.param.name;
      std::replace(n.begin(), n.end(), ' ', '_');
      return n;
    });

}  // namespace
}  // namespace gongkai
