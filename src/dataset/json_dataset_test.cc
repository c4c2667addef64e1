#include "dataset/json_dataset.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "dataset/testing.h"

namespace gongkai {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// Every record type with every field set, as a user would write it.
constexpr std::string_view kFull = R"json({
  "version": 1,
  "agencies": [
    {"slug": "donghu-gov", "name": "江城市东湖区人民政府办公室", "short_name": "东湖区政府办",
     "org_code": "12345678X", "region": "江北省江城市东湖区"},
    {"slug": "donghu-nr", "name": "江城市东湖区自然资源局", "short_name": "东湖区自然资源局",
     "org_code": "87654321-2", "parent": "donghu-gov", "region": "江北省江城市东湖区"}
  ],
  "catalog_items": [
    {"agency": "donghu-nr", "index_no": "87654321-2/2019-00001",
     "title": "关于印发《东湖区国有土地上房屋征收补偿办法》的通知", "doc_no": "东自然资发〔2019〕3号",
     "publisher": "江城市东湖区自然资源局", "created_on": "2019-03-01", "published_on": "2019-03-05",
     "withdrawn_on": "2020-01-10", "topic": "国土资源、能源\\土地", "genre": "通知",
     "summary": "印发征收补偿办法", "body": "各街道办事处：……", "article20_item": 1,
     "normative": {"is_rule": false, "issuing_body": "江城市东湖区自然资源局",
                   "issued_on": "2019-03-01", "effective_on": "2019-04-01",
                   "expired_on": "2024-03-31", "repealed_on": "2021-06-30"},
     "channels": [{"channel": "website", "published_on": "2019-03-05"},
                  {"channel": "gazette", "published_on": "2019-03-20"}]}
  ],
  "applications": [
    {"agency": "donghu-nr", "number": "2019-017", "channel": "post_ordinary",
     "received_on": "2019-06-03", "confirmed_on": "2019-06-04", "applicant_type": "legal_service_org",
     "applicant_name": "江城正言律师事务所", "content": "某地块出让合同", "rules": "2019",
     "events": [
       {"kind": "correction_requested", "on": "2019-06-05", "note": "请补充地块位置", "actor": "wang.li"},
       {"kind": "correction_received", "on": "2019-06-10"},
       {"kind": "consultation_started", "on": "2019-06-12", "party": "third_party"},
       {"kind": "consultation_ended", "on": "2019-06-28"},
       {"kind": "extension_approved", "on": "2019-07-01", "extension_days": 20},
       {"kind": "fee_notified", "on": "2019-07-02", "fee_yuan": "300.50"},
       {"kind": "fee_paid", "on": "2019-07-05", "fee_fen": 30050},
       {"kind": "answered", "on": "2019-07-20", "outcome": "partially_disclosed", "actor": "wang.li"}
     ]},
    {"agency": "donghu-nr", "number": "2019-018", "channel": "online", "received_on": "2019-12-30",
     "applicant_type": "natural_person", "events": []}
  ],
  "reviews": [
    {"agency": "donghu-nr", "number": "东政复〔2019〕5号", "application": "2019-017",
     "filed_on": "2019-08-01", "decided_on": "2019-09-20", "result": "corrected"},
    {"agency": "donghu-nr", "number": "东政复〔2019〕9号", "filed_on": "2019-12-01"}
  ],
  "lawsuits": [
    {"agency": "donghu-nr", "number": "（2019）江0102行初88号", "application": "2019-017",
     "review": "东政复〔2019〕5号", "filed_on": "2019-10-08", "decided_on": "2019-12-20",
     "result": "upheld"},
    {"agency": "donghu-nr", "number": "（2019）江0102行初99号", "after_review": false,
     "filed_on": "2019-11-08", "result": "pending"}
  ],
  "complaints": [{"agency": "donghu-nr", "received_on": "2019-05-06", "subject": "网站目录未更新"}],
  "hot_topics": [{"agency": "donghu-nr", "key": "zhengshou", "title": "胜利路征收补偿",
                  "first_seen_on": "2019-04-01"}],
  "responses": [{"agency": "donghu-nr", "kind": "press_conference", "on": "2019-04-10",
                 "title": "征收补偿政策新闻发布会", "principal_leader": true, "hot_topic": "zhengshou"}],
  "meetings": [{"agency": "donghu-nr", "on": "2019-02-20", "title": "政务公开工作会议"}],
  "trainings": [{"agency": "donghu-nr", "on": "2019-05-20", "title": "新条例培训", "trainees": 35}],
  "staffing": [{"agency": "donghu-nr", "year": 2019, "full_time": 1, "part_time": 3,
                "dedicated_offices": 1, "reading_points": 2, "budget_yuan": 25000.5}],
  "fees": [{"agency": "donghu-nr", "on": "2019-07-05", "amount_yuan": "300.50", "application": "2019-017"}],
  "manual_figures": [{"agency": "donghu-nr", "year": 2019, "format": "2019", "cell": "T2.5.1/CHG",
                      "value": -3, "entered_by": "zhang.wei", "entered_at": "2020-01-10T09:30:00+08:00",
                      "source": "区政务服务中心审批系统"},
                     {"agency": "donghu-nr", "year": 2019, "format": "2019", "cell": "T2.9.1/AMT",
                      "value": "12.345", "source": "区财政局采购办"}],
  "narratives": [{"agency": "donghu-nr", "year": 2019, "format": "2019", "section": "S1",
                  "body": "{{year}}年，本机关新收申请{{R1/TOT}}件。"}]
})json";

Result<Dataset> Parse(std::string_view text) { return ParseDataset(text, "demo.json"); }

std::string ErrorOf(std::string_view text) {
  Result<Dataset> d = Parse(text);
  if (d.ok()) return "(parsed without error)";
  EXPECT_EQ(d.status().code(), ErrorCode::kInvalidInput);
  return d.status().message();
}

// kFull with `from` replaced by `to` (exactly once).
std::string Mutate(std::string_view from, std::string_view to) {
  std::string s(kFull);
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(s.find(from, at + 1), std::string::npos) << "ambiguous: " << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(JsonDatasetTest, ParsesEveryRecordType) {
  Result<Dataset> r = Parse(kFull);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Dataset& d = *r;

  ASSERT_EQ(d.agencies.size(), 2u);
  EXPECT_EQ(d.agencies[1].slug, "donghu-nr");
  EXPECT_EQ(d.agencies[1].parent_slug, "donghu-gov");
  EXPECT_EQ(d.agencies[1].org_code, "87654321-2");
  EXPECT_EQ(d.agencies[0].region, "江北省江城市东湖区");

  ASSERT_EQ(d.catalog_items.size(), 1u);
  const CatalogItem& c = d.catalog_items[0].record;
  EXPECT_EQ(d.catalog_items[0].agency_slug, "donghu-nr");
  EXPECT_EQ(c.doc_no, "东自然资发〔2019〕3号");
  EXPECT_EQ(c.published_on, Date::FromYmd(2019, 3, 5));
  EXPECT_EQ(c.withdrawn_on, Date::FromYmd(2020, 1, 10));
  EXPECT_EQ(c.topic, "国土资源、能源\\土地");
  EXPECT_EQ(c.article20_item, 1);
  ASSERT_TRUE(c.normative.has_value());
  EXPECT_FALSE(c.normative->is_rule);
  EXPECT_EQ(c.normative->repealed_on, Date::FromYmd(2021, 6, 30));
  EXPECT_EQ(c.normative->ValidityOn(Date::FromYmd(2022, 1, 1)), Validity::kRepealed);
  ASSERT_EQ(c.channels.size(), 2u);
  EXPECT_EQ(c.channels[1].channel, PublicationChannel::kGazette);

  ASSERT_EQ(d.applications.size(), 2u);
  const Application& a = d.applications[0].record;
  EXPECT_EQ(a.channel, Channel::kPostOrdinary);
  EXPECT_EQ(a.applicant_type, ApplicantType::kLegalServiceOrg);
  EXPECT_EQ(a.confirmed_on, Date::FromYmd(2019, 6, 4));
  EXPECT_EQ(a.rules_override, RuleSet::k2019);
  ASSERT_EQ(a.events.size(), 8u);
  EXPECT_EQ(a.events[0].note, "请补充地块位置");
  EXPECT_EQ(a.events[0].actor, "wang.li");
  EXPECT_EQ(a.events[2].party, ConsultationParty::kThirdParty);
  EXPECT_EQ(a.events[4].extension_days, 20);
  EXPECT_EQ(a.events[5].fee_fen, 30050);  // "300.50" 元
  EXPECT_EQ(a.events[6].fee_fen, 30050);
  EXPECT_EQ(a.events[7].outcome, Outcome::kPartiallyDisclosed);
  EXPECT_TRUE(d.applications[1].record.events.empty());

  ASSERT_EQ(d.reviews.size(), 2u);
  EXPECT_EQ(d.reviews[0].record.result, CaseResult::kCorrected);
  EXPECT_EQ(d.reviews[0].record.application_number, "2019-017");
  EXPECT_EQ(d.reviews[1].record.result, CaseResult::kPending);
  EXPECT_FALSE(d.reviews[1].record.decided_on.has_value());
  ASSERT_EQ(d.lawsuits.size(), 2u);
  EXPECT_TRUE(d.lawsuits[0].record.after_review);  // implied by "review"
  EXPECT_EQ(d.lawsuits[0].record.review_number, "东政复〔2019〕5号");
  EXPECT_FALSE(d.lawsuits[1].record.after_review);
  EXPECT_EQ(d.lawsuits[1].record.result, CaseResult::kPending);

  ASSERT_EQ(d.complaints.size(), 1u);
  EXPECT_EQ(d.complaints[0].record.subject, "网站目录未更新");
  ASSERT_EQ(d.hot_topics.size(), 1u);
  EXPECT_EQ(d.hot_topics[0].record.key, "zhengshou");
  ASSERT_EQ(d.responses.size(), 1u);
  EXPECT_EQ(d.responses[0].record.kind, ResponseKind::kPressConference);
  EXPECT_TRUE(d.responses[0].record.principal_leader);
  EXPECT_EQ(d.responses[0].record.hot_topic_key, "zhengshou");
  ASSERT_EQ(d.meetings.size(), 1u);
  ASSERT_EQ(d.trainings.size(), 1u);
  EXPECT_EQ(d.trainings[0].record.trainees, 35);
  ASSERT_EQ(d.staffing.size(), 1u);
  EXPECT_EQ(d.staffing[0].record.budget_fen, 2500050);  // 25000.5 元 as a JSON number
  EXPECT_EQ(d.staffing[0].record.part_time, 3);
  ASSERT_EQ(d.fees.size(), 1u);
  EXPECT_EQ(d.fees[0].record.amount_fen, 30050);
  EXPECT_EQ(d.fees[0].record.application_number, "2019-017");
  ASSERT_EQ(d.manual_figures.size(), 2u);
  EXPECT_EQ(d.manual_figures[0].record.value, Decimal::FromInt(-3));  // 本年增/减 may be negative
  EXPECT_EQ(d.manual_figures[0].record.entered_by, "zhang.wei");
  EXPECT_EQ(d.manual_figures[1].record.value, *Decimal::Parse("12.345"));
  ASSERT_EQ(d.narratives.size(), 1u);
  EXPECT_EQ(d.narratives[0].record.section_id, "S1");
}

TEST(JsonDatasetTest, EmptyObjectIsAnEmptyDataset) {
  Result<Dataset> d = Parse("{}");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->agencies.empty());
  EXPECT_TRUE(d->applications.empty());
}

TEST(JsonDatasetTest, RoundTripWriteThenParseGivesTheSameDataset) {
  Result<Dataset> first = Parse(kFull);
  ASSERT_TRUE(first.ok()) << first.status().message();
  Result<std::string> json = DatasetToJson(*first);
  ASSERT_TRUE(json.ok()) << json.status().message();
  Result<Dataset> second = ParseDataset(*json, "written.json");
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_TRUE(testing_util::SameRecords(*second, *first));
  // Field by field, so a failure says where.
  EXPECT_TRUE(second->agencies == first->agencies);
  EXPECT_EQ(second->catalog_items[0].record, first->catalog_items[0].record);
  EXPECT_EQ(second->applications[0].record, first->applications[0].record);
  EXPECT_EQ(second->staffing[0].record, first->staffing[0].record);
  EXPECT_EQ(second->manual_figures[1].record, first->manual_figures[1].record);
  EXPECT_EQ(second->lawsuits[0].record, first->lawsuits[0].record);
  // And the writer is stable.
  Result<std::string> again = DatasetToJson(*second);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *json);
}

TEST(JsonDatasetTest, WriterLeavesOutEmptyOptionalFields) {
  Dataset d;
  Agency agency;
  agency.slug = "a";
  agency.name = "甲";
  d.agencies.push_back(agency);
  Application app;
  app.number = "1";
  app.received_on = Date::FromYmd(2020, 3, 2);
  d.applications.push_back({"a", app});
  Result<std::string> json = DatasetToJson(d);
  ASSERT_TRUE(json.ok());
  const nlohmann::json j = nlohmann::json::parse(*json);
  EXPECT_FALSE(j["agencies"][0].contains("parent"));
  EXPECT_FALSE(j["applications"][0].contains("confirmed_on"));
  EXPECT_FALSE(j["applications"][0].contains("rules"));
  EXPECT_EQ(j["applications"][0]["channel"], "in_person");
  EXPECT_FALSE(j.contains("reviews"));
}

struct ErrorCase {
  const char* name;
  std::string_view from;
  std::string_view to;
  std::string expected;  // the whole message
};

class JsonDatasetErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(JsonDatasetErrorTest, NamesThePathAndTheReason) {
  const ErrorCase& c = GetParam();
  EXPECT_EQ(ErrorOf(Mutate(c.from, c.to)), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Errors, JsonDatasetErrorTest,
    ::testing::Values(
        ErrorCase{
            "UnknownOutcome", R"("outcome": "partially_disclosed")", R"("outcome": "disclosd")",
            "demo.json: $.applications[0].events[7].outcome: 未知的办理结果 \"disclosd\"（可选："
            "already_published, disclosed, partially_disclosed, refused_state_secret, "
            "refused_law_prohibits, refused_three_securities, refused_trade_secret, "
            "refused_privacy, refused_internal_affairs, refused_process_info, "
            "refused_enforcement_file, refused_administrative_query, not_held, "
            "not_this_agency, needs_creation, unclear_after_correction, petition_complaint, "
            "repeat_application, publication, excessive_requests, confirm_or_reissue, "
            "correction_lapsed, fee_lapsed, withdrawn, special_procedure, other）"},
        ErrorCase{
            "UnknownKey", R"("received_on": "2019-06-03")", R"("recieved_on": "2019-06-03")",
            "demo.json: $.applications[0].recieved_on: 未知的字段（可用的字段：agency, number, "
            "channel, received_on, confirmed_on, applicant_type, applicant_name, content, "
            "rules, events）"},
        ErrorCase{
            "UnknownTopLevelKey", R"("complaints": [)", R"("complaint": [)",
            "demo.json: $.complaint: 未知的字段（可用的字段：version, agencies, catalog_items, "
            "applications, reviews, lawsuits, complaints, hot_topics, responses, meetings, "
            "trainings, staffing, fees, manual_figures, narratives）"},
        ErrorCase{"WrongType", R"("trainees": 35)", R"("trainees": "35")",
                  "demo.json: $.trainings[0].trainees: 应为整数，实际为字符串"},
        ErrorCase{"MissingRequired", R"("number": "2019-018", )", "",
                  "demo.json: $.applications[1].number: 缺少必填字段"},
        ErrorCase{
            "BadChannel", R"("channel": "online")", R"("channel": "wechat")",
            "demo.json: $.applications[1].channel: 未知的申请渠道 \"wechat\"（可选：in_person, "
            "post_signed, post_ordinary, online, fax）"},
        ErrorCase{"BadDate", R"("received_on": "2019-12-30")", R"("received_on": "2019-13-01")",
                  "demo.json: $.applications[1].received_on: 不是有效日期 \"2019-13-01\"（应为 "
                  "YYYY-MM-DD）"},
        ErrorCase{"DateOutOfRange", R"("first_seen_on": "2019-04-01")",
                  R"("first_seen_on": "1989-12-31")",
                  "demo.json: $.hot_topics[0].first_seen_on: 日期 \"1989-12-31\" 超出范围（应在 "
                  "1990 年至 2100 年之间）"},
        ErrorCase{"NegativeAmount", R"("amount_yuan": "300.50")", R"("amount_yuan": "-300.50")",
                  "demo.json: $.fees[0].amount_yuan: 金额不能为负数：-300.5"},
        ErrorCase{"NegativeCount", R"("part_time": 3)", R"("part_time": -3)",
                  "demo.json: $.staffing[0].part_time: 不能为负数：-3"},
        ErrorCase{
            "TooManyDecimals", R"("fee_yuan": "300.50")", R"("fee_yuan": "300.505")",
            "demo.json: $.applications[0].events[5].fee_yuan: 金额最多两位小数（到分）：300.505"},
        ErrorCase{
            "DuplicateApplicationNumber", R"("number": "2019-018")", R"("number": "2019-017")",
            "demo.json: $.applications[1].number: 机关 donghu-nr 的申请登记编号 \"2019-017\" 与 "
            "$.applications[0].number 重复"},
        ErrorCase{
            "EventOutOfOrder", R"({"kind": "consultation_ended", "on": "2019-06-28"})",
            R"({"kind": "consultation_ended", "on": "2019-06-08"})",
            "demo.json: $.applications[0].events[3]: 第4个事件 consultation_ended（2019-06-08）"
            "早于上一事件（2019-06-12）"},
        ErrorCase{
            "IllegalTransition", R"({"kind": "correction_received", "on": "2019-06-10"},)", "",
            "demo.json: $.applications[0].events[1]: 第2个事件 consultation_started（2019-06-12）"
            "只能在办理中时记录，当前状态为待补正"},
        ErrorCase{"OutcomeOnWrongEvent", R"("extension_days": 20})",
                  R"("extension_days": 20, "outcome": "disclosed"})",
                  "demo.json: $.applications[0].events[4].outcome: 只有 answered "
                  "事件可以有此字段，本事件为批准延期（extension_approved）"},
        ErrorCase{"DerivedOutcomeInAnswer", R"("outcome": "partially_disclosed")",
                  R"("outcome": "withdrawn")",
                  "demo.json: $.applications[0].events[7].outcome: 办理结果 withdrawn "
                  "由事件本身表示，不能用于答复：请改用事件 withdrawn"},
        ErrorCase{"DecidedWithoutResult", R"("decided_on": "2019-09-20", "result": "corrected")",
                  R"("decided_on": "2019-09-20")",
                  "demo.json: $.reviews[0].result: 已审结（有 decided_on）的案件须写结果（upheld, "
                  "corrected, other）"},
        ErrorCase{"ReviewWithoutAfterReview", R"("review": "东政复〔2019〕5号",)",
                  R"("review": "东政复〔2019〕5号", "after_review": false,)",
                  "demo.json: $.lawsuits[0].after_review: 写了复议案号 review "
                  "的诉讼应为复议后起诉（after_review: true）"},
        ErrorCase{"BadSlug", R"("slug": "donghu-gov")", R"("slug": "Donghu Gov")",
                  "demo.json: $.agencies[0].slug: 机关标识 \"Donghu Gov\" "
                  "只能由小写字母、数字和连字符组成"},
        ErrorCase{
            "BadFormat", R"("format": "2019", "section": "S1")",
            R"("format": "2020", "section": "S1")",
            "demo.json: $.narratives[0].format: 未知的年报格式 \"2020\"（可选：2008, 2019, 2021）"},
        ErrorCase{"DuplicateManualFigure", R"("cell": "T2.9.1/AMT")", R"("cell": "T2.5.1/CHG")",
                  "demo.json: $.manual_figures[1]: 机关 donghu-nr 2019 年 2019 格式单元格 "
                  "T2.5.1/CHG 的人工填报数 与 "
                  "$.manual_figures[0] 重复"},
        ErrorCase{"PublishedBeforeCreated", R"("published_on": "2019-03-05",)",
                  R"("published_on": "2019-02-05",)",
                  "demo.json: $.catalog_items[0].published_on: 公开日期早于生成日期 created_on"},
        ErrorCase{
            "NotAnArray",
            R"("complaints": [{"agency": "donghu-nr", "received_on": "2019-05-06", "subject": "网站目录未更新"}])",
            R"("complaints": {})", "demo.json: $.complaints: 应为数组，实际为对象"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

TEST(JsonDatasetTest, MalformedJsonNamesLineAndColumn) {
  const std::string text = "{\n  \"agencies\": [\n    {\"slug\": \"a\",}\n  ]\n}\n";
  const std::string msg = ErrorOf(text);
  EXPECT_EQ(msg,
            "demo.json:3:18: JSON 语法错误（第 36 字节）：syntax error while parsing object key - "
            "unexpected '}'; expected string literal");
}

TEST(JsonDatasetTest, UnknownVersion) {
  EXPECT_EQ(ErrorOf(R"({"version": 2})"),
            "demo.json: $.version: 不支持的数据集版本 2（本程序读取版本 1）");
}

TEST(JsonDatasetTest, TopLevelMustBeAnObject) {
  EXPECT_EQ(ErrorOf("[]"), "demo.json: $: 应为对象，实际为数组");
}

TEST(JsonDatasetTest, RejectsNonUtf8Text) {
  EXPECT_THAT(ErrorOf("{\"agencies\": [{\"slug\": \"a\", \"name\": \"\xB2\xE2\"}]}"),
              HasSubstr("不是 UTF-8"));
}

TEST(JsonDatasetTest, BadRecordDeepInsideTheFixture) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/bad-deep.json");
  std::stringstream ss;
  ss << in.rdbuf();
  ASSERT_FALSE(ss.str().empty());
  Result<Dataset> d = ParseDataset(ss.str(), "bad-deep.json");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(
      d.status().message(),
      "bad-deep.json: $.applications[2].events[1].outcome: 未知的办理结果 \"disclosd\"（可选："
      "already_published, disclosed, partially_disclosed, refused_state_secret, "
      "refused_law_prohibits, refused_three_securities, refused_trade_secret, "
      "refused_privacy, refused_internal_affairs, refused_process_info, "
      "refused_enforcement_file, refused_administrative_query, not_held, "
      "not_this_agency, needs_creation, unclear_after_correction, petition_complaint, "
      "repeat_application, publication, excessive_requests, confirm_or_reissue, "
      "correction_lapsed, fee_lapsed, withdrawn, special_procedure, other）");
}

TEST(JsonDatasetTest, SeedFixtureParses) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/changyi-2018.json");
  std::stringstream ss;
  ss << in.rdbuf();
  Result<Dataset> d = ParseDataset(ss.str(), "changyi-2018.json");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->catalog_items.size(), 12u);
  int published_2018 = 0;
  for (const auto& c : d->catalog_items) {
    ASSERT_TRUE(c.record.normative.has_value());
    EXPECT_LT(c.record.normative->issued_on.year(), 2018);  // none issued in 2018
    EXPECT_EQ(c.record.published_on->year(), 2018);
    ASSERT_EQ(c.record.channels.size(), 1u);
    EXPECT_EQ(c.record.channels[0].channel, PublicationChannel::kWebsite);
    ++published_2018;
  }
  EXPECT_EQ(published_2018, 12);
  EXPECT_TRUE(d->applications.empty());
  ASSERT_EQ(d->manual_figures.size(), 1u);
  EXPECT_EQ(d->manual_figures[0].record.cell_id, "A2.2");
  EXPECT_EQ(d->manual_figures[0].record.value, Decimal::FromInt(30));
  ASSERT_EQ(d->staffing.size(), 1u);
  EXPECT_EQ(d->staffing[0].record.part_time, 1);
  EXPECT_EQ(d->staffing[0].record.full_time, 0);
  EXPECT_EQ(d->narratives.size(), 7u);
}

}  // namespace
}  // namespace gongkai
