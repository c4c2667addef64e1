#include "dataset/ledger_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "dataset/csv.h"
#include "dataset/encoding.h"
#include "dataset/testing.h"

namespace gongkai {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

constexpr const char* kHeader =
    "登记编号,收到日期,申请方式,确认日期,申请人类型,申请人,申请内容,答复日期,办理结果\n";

std::string ErrorOf(const std::string& csv) {
  Result<Dataset> d = ParseLedgerCsv(csv, "donghu-nr", "ledger.csv");
  if (d.ok()) return "(parsed without error)";
  EXPECT_EQ(d.status().code(), ErrorCode::kInvalidInput);
  return d.status().message();
}

const Application& Find(const Dataset& d, const std::string& number) {
  for (const auto& a : d.applications) {
    if (a.record.number == number) return a.record;
  }
  static const Application kNone;
  ADD_FAILURE() << "no application " << number;
  return kNone;
}

TEST(CsvTest, QuotedFieldsWithCommasQuotesAndNewlines) {
  Result<std::vector<CsvRecord>> r =
      ParseCsv("a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n\r\n,,\n3,,\n", "t.csv");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1].fields[1], "x, \"y\"");
  EXPECT_EQ((*r)[1].fields[2], "two\nlines");
  EXPECT_EQ((*r)[1].line, 2);
  EXPECT_EQ((*r)[2].line, 6);  // blank line and a row of bare commas dropped, lines still counted
  EXPECT_EQ((*r)[2].fields.size(), 3u);
}

TEST(CsvTest, LastLineWithoutNewline) {
  Result<std::vector<CsvRecord>> r = ParseCsv("a,b\n1,", "t.csv");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[1].fields, (std::vector<std::string>{"1", ""}));
}

TEST(CsvTest, UnclosedQuoteNamesTheLineWhereItStarts) {
  Result<std::vector<CsvRecord>> r = ParseCsv("a,b\n1,2\n3,\"open\n\n", "t.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), StartsWith("t.csv:3: 引号未闭合"));
}

TEST(CsvTest, TextAfterClosingQuote) {
  Result<std::vector<CsvRecord>> r = ParseCsv("a,b\n\"x\"y,2\n", "t.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), StartsWith("t.csv:2: 引号之后应为逗号或换行"));
}

TEST(EncodingTest, DetectsUtf8AndStripsBom) {
  EXPECT_TRUE(IsValidUtf8("登记编号"));
  EXPECT_FALSE(IsValidUtf8("\xB5\xC7\xBC\xC7"));  // 登记 in GBK
  EXPECT_FALSE(IsValidUtf8("\xC0\x80"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  Result<std::string> s = ToUtf8("\xEF\xBB\xBF编号");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s, "编号");
}

TEST(EncodingTest, ConvertsGb18030) {
  Result<std::string> s = ToUtf8("\xB5\xC7\xBC\xC7\xB1\xE0\xBA\xC5");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(*s, "登记编号");
  Result<std::string> back = Utf8ToGb18030("登记编号");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "\xB5\xC7\xBC\xC7\xB1\xE0\xBA\xC5");
}

TEST(EncodingTest, NeitherUtf8NorGb18030) {
  Result<std::string> s = ToUtf8("abc\x81");  // a lead byte with nothing after it
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.status().message(), HasSubstr("无法识别文件编码"));
}

TEST(LedgerCsvTest, Utf8Fixture) {
  Result<Dataset> r = ParseLedgerCsv(Fixture("ledger-utf8.csv"), "donghu-nr", "ledger-utf8.csv");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Dataset& d = *r;
  ASSERT_EQ(d.applications.size(), 8u);
  EXPECT_EQ(d.applications[0].agency_slug, "donghu-nr");

  const Application& a1 = Find(d, "2019-001");
  EXPECT_EQ(a1.channel, Channel::kInPerson);
  EXPECT_EQ(a1.received_on, Date::FromYmd(2019, 6, 3));
  EXPECT_EQ(a1.applicant_type, ApplicantType::kNaturalPerson);
  ASSERT_EQ(a1.events.size(), 1u);
  EXPECT_EQ(a1.events[0].on, Date::FromYmd(2019, 6, 20));  // "2019/6/20"
  EXPECT_EQ(a1.events[0].outcome, Outcome::kDisclosed);

  const Application& a2 = Find(d, "2019-002");  // quotes and a comma inside the content
  EXPECT_EQ(a2.content, "申请公开2018年度\"双随机\"抽查结果,含企业名单");
  EXPECT_EQ(a2.channel, Channel::kPostOrdinary);
  EXPECT_EQ(a2.confirmed_on, Date::FromYmd(2019, 6, 6));
  ASSERT_EQ(a2.events.size(), 3u);
  EXPECT_EQ(a2.events[0].kind, EventKind::kCorrectionRequested);
  EXPECT_EQ(a2.events[0].on, Date::FromYmd(2019, 6, 10));  // "2019年6月10日"
  EXPECT_EQ(a2.events[1].kind, EventKind::kCorrectionReceived);
  EXPECT_EQ(a2.events[2].outcome, Outcome::kPartiallyDisclosed);

  const Application& a3 = Find(d, "2019-003");           // a line break inside the content
  EXPECT_EQ(a3.received_on, Date::FromYmd(2019, 7, 1));  // "2019.7.1"
  EXPECT_EQ(a3.content, "申请公开以下信息：\n1. 某地块出让合同；\n2. 出让金缴纳凭证。");
  EXPECT_EQ(a3.applicant_type, ApplicantType::kLegalServiceOrg);
  ASSERT_EQ(a3.events.size(), 4u);
  EXPECT_EQ(a3.events[0].kind, EventKind::kConsultationStarted);
  EXPECT_EQ(a3.events[0].party, ConsultationParty::kThirdParty);
  EXPECT_EQ(a3.events[1].kind, EventKind::kConsultationEnded);
  EXPECT_EQ(a3.events[2].kind, EventKind::kExtensionApproved);
  EXPECT_EQ(a3.events[2].extension_days, 15);  // "15个工作日"
  EXPECT_EQ(a3.events[3].outcome, Outcome::kRefusedTradeSecret);
  EXPECT_EQ(a3.events[3].note, "征求第三方意见后第三方不同意公开");

  const Application& a4 = Find(d, "2019-004");
  EXPECT_EQ(a4.channel, Channel::kFax);
  ASSERT_EQ(a4.events.size(), 2u);
  EXPECT_EQ(a4.events[1].kind, EventKind::kCorrectionLapsed);

  const Application& a5 = Find(d, "2019-005");
  EXPECT_EQ(a5.channel, Channel::kPostSigned);
  EXPECT_EQ(a5.applicant_type, ApplicantType::kOtherOrg);
  ASSERT_EQ(a5.events.size(), 1u);
  EXPECT_EQ(a5.events[0].kind, EventKind::kWithdrawn);

  const Application& a6 = Find(d, "2019-006");  // still open at the end of the year
  EXPECT_EQ(a6.channel, Channel::kOnline);      // 电子邮件
  EXPECT_EQ(a6.applicant_type, ApplicantType::kResearchInstitution);
  EXPECT_TRUE(a6.events.empty());
  EXPECT_THAT(a6.content, HasSubstr("备注：跨年办理"));

  const Application& a7 = Find(d, "2019-007");
  EXPECT_EQ(a7.channel, Channel::kPostSigned);  // plain "信函"
  EXPECT_EQ(a7.applicant_type, ApplicantType::kSocialWelfareOrg);
  EXPECT_EQ(a7.events[0].party, ConsultationParty::kOtherAgency);
  EXPECT_EQ(a7.events.back().outcome, Outcome::kNotHeld);  // 信息不存在

  EXPECT_EQ(Find(d, "2019-008").events.back().outcome, Outcome::kNotThisAgency);  // 非本机关
}

TEST(LedgerCsvTest, Utf8WithBomAndGb18030GiveTheSameRecords) {
  const std::string utf8 = Fixture("ledger-utf8.csv");
  Result<Dataset> plain = ParseLedgerCsv(utf8, "donghu-nr", "a.csv");
  Result<Dataset> bom = ParseLedgerCsv("\xEF\xBB\xBF" + utf8, "donghu-nr", "b.csv");
  const std::string gb = Fixture("ledger-gb18030.csv");
  ASSERT_FALSE(IsValidUtf8(gb)) << "the fixture must really be GB18030";
  Result<Dataset> gb18030 = ParseLedgerCsv(gb, "donghu-nr", "c.csv");
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  ASSERT_TRUE(bom.ok()) << bom.status().message();
  ASSERT_TRUE(gb18030.ok()) << gb18030.status().message();
  EXPECT_TRUE(testing_util::SameRecords(*bom, *plain));
  EXPECT_TRUE(testing_util::SameRecords(*gb18030, *plain));
}

TEST(LedgerCsvTest, ColumnOrderIsFreeAndHeadersMayUseHalfWidthBrackets) {
  const std::string csv =
      "办理结果,答复日期,申请人类型,申请方式,收到日期,登记编号,序号,#内部备注\n"
      "不予公开(国家秘密),2020-03-20,自然人,信函(签收),2020-03-02,A-1,1,x\n";
  Result<Dataset> d = ParseLedgerCsv(csv, "donghu-nr", "ledger.csv");
  ASSERT_TRUE(d.ok()) << d.status().message();
  const Application& a = d->applications.at(0).record;
  EXPECT_EQ(a.number, "A-1");
  EXPECT_EQ(a.channel, Channel::kPostSigned);
  EXPECT_EQ(a.events.at(0).outcome, Outcome::kRefusedStateSecret);
}

TEST(LedgerCsvTest, AcceptsTheChineseLabelOfEveryAnswerOutcome) {
  std::string csv = kHeader;
  int n = 0;
  for (Outcome o : AllOutcomes()) {
    if (!IsAnswerOutcome(o)) continue;
    csv += "N" + std::to_string(++n) + ",2020-03-02,当面,,自然人,,,2020-03-10," +
           std::string(ToChinese(o)) + "\n";
  }
  Result<Dataset> d = ParseLedgerCsv(csv, "donghu-nr", "ledger.csv");
  ASSERT_TRUE(d.ok()) << d.status().message();
  size_t i = 0;
  for (Outcome o : AllOutcomes()) {
    if (!IsAnswerOutcome(o)) continue;
    EXPECT_EQ(d->applications.at(i++).record.events.at(0).outcome, o) << ToCode(o);
  }
}

TEST(LedgerCsvTest, CommonSynonyms) {
  const std::vector<std::pair<std::string, Outcome>> words = {
      {"同意公开", Outcome::kDisclosed},
      {"同意部分公开", Outcome::kPartiallyDisclosed},
      {"不予公开（个人隐私）", Outcome::kRefusedPrivacy},
      {"不予公开：过程性信息", Outcome::kRefusedProcessInfo},
      {"信息不存在", Outcome::kNotHeld},
      {"非本机关", Outcome::kNotThisAgency},
      {"不予处理（重复申请）", Outcome::kRepeatApplication},
      {"告知通过其他途径办理", Outcome::kSpecialProcedure},
      {"已主动公开", Outcome::kAlreadyPublished},
  };
  for (const auto& [word, outcome] : words) {
    const std::string csv =
        std::string(kHeader) + "A,2020-03-02,当面,,自然人,,,2020-03-10," + word + "\n";
    Result<Dataset> d = ParseLedgerCsv(csv, "x", "ledger.csv");
    ASSERT_TRUE(d.ok()) << word << ": " << d.status().message();
    EXPECT_EQ(d->applications[0].record.events.at(0).outcome, outcome) << word;
  }
}

TEST(LedgerCsvTest, BadDateNamesTheLineAndColumn) {
  // Line 3 holds a quoted field spanning two lines, so the bad row starts on line 5.
  const std::string csv = std::string(kHeader) +
                          "A,2020-03-02,当面,,自然人,,,,\n"
                          "B,2020-03-03,当面,,自然人,,\"两行\n内容\",,\n"
                          "C,2019-13-01,当面,,自然人,,,,\n";
  EXPECT_EQ(ErrorOf(csv),
            "ledger.csv:5: 列“收到日期”: 不是有效日期 \"2019-13-01\"（可写作 2019-06-03、2019/6/3、"
            "2019年6月3日 或 2019.6.3）");
}

TEST(LedgerCsvTest, MissingRequiredColumns) {
  EXPECT_EQ(ErrorOf("登记编号,申请方式,申请人类型\nA,当面,自然人\n"),
            "ledger.csv:1: 缺少必需的列：收到日期");
}

TEST(LedgerCsvTest, UnknownColumn) {
  EXPECT_THAT(ErrorOf("登记编号,收到日其,申请方式,申请人类型\n"),
              StartsWith("ledger.csv:1: 未知的列“收到日其”（可识别的列：登记编号、收到日期、"));
}

TEST(LedgerCsvTest, UnknownWordsAndMissingPieces) {
  const std::string row = "A,2020-03-02,当面,,自然人,,,2020-03-10,";
  EXPECT_THAT(ErrorOf(std::string(kHeader) + row + "予以公布\n"),
              StartsWith("ledger.csv:2: 列“办理结果”: 未知的办理结果 \"予以公布\""));
  EXPECT_THAT(ErrorOf(std::string(kHeader) + row + "不予公开\n"),
              StartsWith("ledger.csv:2: 列“办理结果”: “不予公开”须注明具体情形"));
  EXPECT_THAT(ErrorOf(std::string(kHeader) + "A,2020-03-02,飞鸽传书,,自然人,,,,\n"),
              StartsWith("ledger.csv:2: 列“申请方式”: 未知的申请方式 \"飞鸽传书\""));
  EXPECT_THAT(ErrorOf(std::string(kHeader) + "A,2020-03-02,当面,,外星人,,,,\n"),
              StartsWith("ledger.csv:2: 列“申请人类型”: 未知的申请人类型 \"外星人\""));
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "A,2020-03-02,当面,,自然人,,,,予以公开\n"),
            "ledger.csv:2: 列“答复日期”: 有办理结果，须写答复日期（办结日期）");
  EXPECT_EQ(ErrorOf(std::string(kHeader) + "A,,当面,,自然人,,,,\n"),
            "ledger.csv:2: 列“收到日期”: 必填，不能为空");
}

TEST(LedgerCsvTest, DuplicateNumber) {
  EXPECT_EQ(ErrorOf(std::string(kHeader) +
                    "A,2020-03-02,当面,,自然人,,,,\nA,2020-03-03,当面,,自然人,,,,\n"),
            "ledger.csv:3: 列“登记编号”: 登记编号 \"A\" 与第 2 行重复");
}

TEST(LedgerCsvTest, EventsTheStateMachineRefusesNameTheirColumn) {
  const std::string header =
      "登记编号,收到日期,申请方式,申请人类型,征求意见开始,征求意见结束,答复日期,办理结果\n";
  // The consultation "ends" before it starts: sorted by date, the end comes first.
  EXPECT_THAT(
      ErrorOf(header + "A,2020-03-02,当面,自然人,2020-03-10,2020-03-05,2020-03-20,予以公开\n"),
      StartsWith("ledger.csv:2: 列“征求意见结束”: 第1个事件 consultation_ended"));
  // An answer before the application arrived.
  EXPECT_THAT(
      ErrorOf(header + "A,2020-03-02,当面,自然人,,,2020-02-20,予以公开\n"),
      StartsWith("ledger.csv:2: 列“答复日期”: 第1个事件 answered（2020-02-20）早于收到申请日期"));
}

TEST(LedgerCsvTest, FeesUnderThe2019Rules) {
  const std::string header =
      "登记编号,收到日期,申请方式,申请人类型,收费通知日期,收费金额（元）,缴费日期,答复日期,"
      "办理结果\n";
  Result<Dataset> d = ParseLedgerCsv(
      header +
          "A,2021-03-01,网络,自然人,2021-03-10,1200元,2021-03-15,2021-03-25,予以公开\n"
          "B,2021-03-01,网络,自然人,2021-03-10,300,,2021-04-12,逾期未缴费\n",
      "x", "ledger.csv");
  ASSERT_TRUE(d.ok()) << d.status().message();
  const Application& a = d->applications[0].record;
  ASSERT_EQ(a.events.size(), 3u);
  EXPECT_EQ(a.events[0].kind, EventKind::kFeeNotified);
  EXPECT_EQ(a.events[0].fee_fen, 120000);
  EXPECT_EQ(a.events[1].kind, EventKind::kFeePaid);
  EXPECT_EQ(d->applications[1].record.events.back().kind, EventKind::kFeeLapsed);
  // A fee under the 2008 rules is refused by the state machine.
  EXPECT_THAT(ErrorOf(header + "C,2018-03-01,网络,自然人,2018-03-10,300,,,\n"),
              StartsWith("ledger.csv:2: 列“收费通知日期”: 第1个事件 fee_notified"));
}

TEST(LedgerCsvTest, ExtraFieldsBeyondTheHeader) {
  EXPECT_THAT(ErrorOf(std::string(kHeader) +
                      "A,2020-03-02,当面,,自然人,张三,内容,2020-03-10,予以公开,多余\n"),
              StartsWith("ledger.csv:2: 第 10 个字段超出表头的列数"));
}

}  // namespace
}  // namespace gongkai
