// Tests of the core pieces the web platform adds: Timestamp, roles and actors, the Art. 29
// form, notice templates and numbers, 索引号, attachment sniffing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/account.h"
#include "core/application/applicant.h"
#include "core/application/notice.h"
#include "core/catalog/attachment.h"
#include "core/catalog/index_number.h"
#include "core/timestamp.h"

namespace gongkai {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(TimestampTest, IsoRoundTripAndChinaDate) {
  // 2026-03-01T16:30:00Z is 2026-03-02 00:30 in China (UTC+8).
  Result<Timestamp> t = Timestamp::ParseIso8601("2026-03-01T16:30:00Z");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->ToIso8601(), "2026-03-01T16:30:00Z");
  EXPECT_EQ(t->ChinaDate().ToString(), "2026-03-02");
  EXPECT_EQ(t->Plus(-3600).ChinaDate().ToString(), "2026-03-01");
  EXPECT_EQ(t->ChinaText(), "2026年3月2日 00:30");
  EXPECT_FALSE(Timestamp::ParseIso8601("2026-03-01 16:30:00").ok());
  EXPECT_FALSE(Timestamp::ParseIso8601("2026-03-01T25:30:00Z").ok());
  EXPECT_EQ(Timestamp::FromUnix(-1).ToIso8601(), "1969-12-31T23:59:59Z");
}

TEST(ActorTest, RolesArePerAgencyAndAdminHoldsStaffRoles) {
  User u;
  u.id = 7;
  u.login = "li";
  u.grants = {{1, Role::kAdmin}, {2, Role::kHandler}, {3, Role::kSupervisor}};
  const Actor a = Actor::OfUser(u, "10.0.0.1");
  EXPECT_FALSE(a.is_public());
  EXPECT_TRUE(a.Has(Role::kEditor, 1));
  EXPECT_TRUE(a.Has(Role::kReviewer, 1));
  EXPECT_FALSE(a.Has(Role::kSupervisor, 1));
  EXPECT_TRUE(a.Has(Role::kHandler, 2));
  EXPECT_FALSE(a.Has(Role::kReviewer, 2));
  EXPECT_FALSE(a.Has(Role::kHandler, 3));
  EXPECT_TRUE(a.CanRead(3));
  EXPECT_FALSE(a.CanRead(4));
  EXPECT_THAT(a.ReadableAgencies(), ElementsAre(1, 2, 3));

  const Actor pub = Actor::Public("1.2.3.4");
  EXPECT_TRUE(pub.is_public());
  EXPECT_FALSE(pub.CanRead(1));
  EXPECT_EQ(pub.Name(), "public");
  EXPECT_FALSE(Actor::System("cli").is_public());
}

TEST(ActorTest, RoleCodesAndLogins) {
  for (Role r : {Role::kAdmin, Role::kEditor, Role::kHandler, Role::kReviewer, Role::kSupervisor}) {
    EXPECT_EQ(RoleFromCode(ToCode(r)), r);
  }
  EXPECT_EQ(RoleFromCode("root"), std::nullopt);
  EXPECT_EQ(ToChinese(Role::kReviewer), "审核");
  EXPECT_TRUE(IsValidLogin("zhang.san-01"));
  EXPECT_FALSE(IsValidLogin("Zhang"));
  EXPECT_FALSE(IsValidLogin("-x"));
  EXPECT_FALSE(IsValidLogin("a"));
  EXPECT_FALSE(IsValidLogin("张三"));
}

ApplicationFormInput PersonForm() {
  ApplicationFormInput f;
  f.applicant_type = "natural_person";
  f.name = "王小明";
  f.id_type = "resident_id";
  f.id_number = "11010519491231002x";
  f.phone = "0432-12345678";
  f.email = "wang@example.cn";
  f.address = "吉林省吉林市昌邑区某路1号";
  f.description = "2025年本区老旧小区改造项目的资金使用情况";
  f.form = "electronic";
  f.delivery = "online";
  return f;
}

TEST(ApplicationFormTest, ValidPersonAndOrganisation) {
  ParsedForm p = ParseApplicationForm(PersonForm());
  ASSERT_TRUE(p.form.has_value()) << (p.errors.empty() ? "" : p.errors[0].message);
  EXPECT_EQ(p.form->applicant.id_number, "11010519491231002X");  // upper-cased
  EXPECT_EQ(p.form->delivery, DeliveryMethod::kOnline);

  ApplicationFormInput org = PersonForm();
  org.applicant_type = "legal_service_org";
  org.name = "某律师事务所";
  org.id_type = "uscc";
  org.id_number = "91350100M000100Y43";
  org.legal_representative = "李四";
  p = ParseApplicationForm(org);
  ASSERT_TRUE(p.form.has_value()) << (p.errors.empty() ? "" : p.errors[0].message);
  EXPECT_EQ(p.form->applicant_type, ApplicantType::kLegalServiceOrg);
}

TEST(ApplicationFormTest, EveryProblemIsReportedAtOnceInChinese) {
  ApplicationFormInput f;
  f.applicant_type = "robot";
  f.id_type = "";
  f.form = "paper";
  f.delivery = "email";
  std::vector<FieldError> errors = ValidateApplicationForm(f);
  std::vector<std::string> fields;
  for (const FieldError& e : errors) fields.push_back(e.field);
  EXPECT_THAT(fields,
              ::testing::UnorderedElementsAre("applicant_type", "name", "id_type", "id_number",
                                              "phone", "email", "description", "delivery"));
  for (const FieldError& e : errors) {
    if (e.field == "delivery") {
      EXPECT_THAT(e.message, HasSubstr("只适用于电子形式"));
    }
    if (e.field == "email") {
      EXPECT_EQ(e.message, "请填写电子邮箱");
    }
  }
}

TEST(ApplicationFormTest, IdentityChecks) {
  ApplicationFormInput f = PersonForm();
  f.id_number = "110105194912310021";
  ASSERT_EQ(ValidateApplicationForm(f).size(), 1u);
  EXPECT_EQ(ValidateApplicationForm(f)[0].message, "居民身份证号码校验位不正确，请核对");
  f.id_number = "12345";
  EXPECT_EQ(ValidateApplicationForm(f)[0].message, "居民身份证号码应为 18 位");
  f.id_type = "passport";
  EXPECT_TRUE(ValidateApplicationForm(f).empty());  // other documents: no checksum
  f.id_type = "uscc";
  EXPECT_EQ(ValidateApplicationForm(f)[0].field, "id_type");  // a person with an org code

  ApplicationFormInput org = PersonForm();
  org.applicant_type = "commercial_enterprise";
  org.id_type = "uscc";
  org.id_number = "91350100M000100Y44";
  std::vector<FieldError> errors = ValidateApplicationForm(org);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "id_number");
  EXPECT_EQ(errors[1].field, "legal_representative");
  EXPECT_TRUE(IsValidUnifiedSocialCreditCode("91110000600037341L"));
}

TEST(ApplicationFormTest, TextMustBeValidUtf8WithinLimits) {
  ApplicationFormInput f = PersonForm();
  f.name = "\xE7\x8E\x8B\xFF";
  f.description = "短";
  f.phone = "abc";
  f.postal_code = "13200";
  f.delivery = "post";
  f.address = "";
  std::vector<FieldError> errors = ValidateApplicationForm(f);
  std::vector<std::string> fields;
  for (const FieldError& e : errors) fields.push_back(e.field);
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("name", "phone", "address", "postal_code",
                                                      "description"));
  EXPECT_TRUE(IsWellFormedUtf8("政府信息公开"));
  EXPECT_FALSE(IsWellFormedUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsWellFormedUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_EQ(Utf8Length("公开ab"), 4u);
}

TEST(NoticeTest, NumbersRunPerKind) {
  EXPECT_EQ(FormatNoticeNumber("东湖政办", NoticeKind::kCorrection, 2026, 3),
            "东湖政办补〔2026〕3号");
  EXPECT_EQ(FormatNoticeNumber("昌商", NoticeKind::kAnswer, 2025, 12), "昌商答〔2025〕12号");
  for (NoticeKind k : {NoticeKind::kAcceptance, NoticeKind::kCorrection, NoticeKind::kExtension,
                       NoticeKind::kConsultation, NoticeKind::kFee, NoticeKind::kAnswer}) {
    EXPECT_EQ(NoticeKindFromCode(ToCode(k)), k);
  }
}

TEST(NoticeTest, TemplateParsesRendersAndExpandsLists) {
  Result<NoticeTemplate> t = ParseNoticeTemplate(
      "# comment\ntitle = 补正告知书\nto_applicant = "
      "no\n---\n{addressee}：\n\n请补正：\n\n{items}\n\n"
      "请于{deadline}前\n补正。\n",
      "t.txt");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->title, "补正告知书");
  EXPECT_FALSE(t->to_applicant);
  EXPECT_THAT(PlaceholdersOf(*t), ElementsAre("addressee", "deadline", "items"));
  NoticeValues v;
  v.text["addressee"] = "申请人";
  v.text["deadline"] = "2026年3月9日\n";
  v.lists["items"] = {"（一）信息名称", "（二）文号"};
  Result<RenderedNotice> r = RenderNotice(*t, v);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_THAT(r->paragraphs, ElementsAre("申请人：", "请补正：", "（一）信息名称", "（二）文号",
                                         "请于2026年3月9日 前补正。"));
  v.text.erase("deadline");
  Result<RenderedNotice> missing = RenderNotice(*t, v);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("{deadline}"));
}

TEST(NoticeTest, MalformedTemplatesNameTheLine) {
  EXPECT_THAT(ParseNoticeTemplate("title = x\n", "a.txt").status().message(), HasSubstr("---"));
  EXPECT_THAT(ParseNoticeTemplate("---\nbody\n", "a.txt").status().message(),
              HasSubstr("a.txt:1: 模板缺少 title"));
  EXPECT_THAT(ParseNoticeTemplate("title = x\ncolour = red\n---\nb\n", "a.txt").status().message(),
              HasSubstr("a.txt:2"));
  EXPECT_THAT(ParseNoticeTemplate("title = x\n---\n{open\n", "a.txt").status().message(),
              HasSubstr("a.txt:3"));
  EXPECT_THAT(std::string(RemedySentence()), HasSubstr("60日"));
  EXPECT_THAT(std::string(RemedySentence()), HasSubstr("6个月"));
}

TEST(IndexNumberTest, FormatAndParse) {
  EXPECT_EQ(FormatIndexNumber("000014349", 2018, 12), "000014349/2018-00012");
  EXPECT_EQ(FormatIndexNumber("11341702486344515H", 2026, 123456),
            "11341702486344515H/2026-123456");
  std::optional<IndexNumberParts> p = ParseIndexNumber("000014349/2018-00012");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->org_code, "000014349");
  EXPECT_EQ(p->year, 2018);
  EXPECT_EQ(p->seq, 12);
  EXPECT_FALSE(ParseIndexNumber("000014349-2018-00012").has_value());
  EXPECT_FALSE(ParseIndexNumber("000014349/2018-12").has_value());
  EXPECT_FALSE(ParseIndexNumber("000014349/2018-00000").has_value());
}

// A ZIP archive of empty stored entries with these names, with a central directory.
std::string Zip(const std::vector<std::string>& names) {
  std::string local, central;
  const auto le16 = [](std::string& s, uint16_t v) {
    s += static_cast<char>(v & 0xff);
    s += static_cast<char>(v >> 8);
  };
  const auto le32 = [&](std::string& s, uint32_t v) {
    le16(s, static_cast<uint16_t>(v & 0xffff));
    le16(s, static_cast<uint16_t>(v >> 16));
  };
  for (const std::string& n : names) {
    const uint32_t offset = static_cast<uint32_t>(local.size());
    local += "PK\x03\x04";
    le16(local, 20);
    for (int i = 0; i < 5; ++i) le16(local, 0);  // flags, method, time, date, (crc low)
    le16(local, 0);                              // crc high
    le32(local, 0);                              // compressed
    le32(local, 0);                              // uncompressed
    le16(local, static_cast<uint16_t>(n.size()));
    le16(local, 0);
    local += n;
    central += "PK\x01\x02";
    le16(central, 20);
    le16(central, 20);
    for (int i = 0; i < 4; ++i) le16(central, 0);  // flags, method, time, date
    le32(central, 0);                              // crc
    le32(central, 0);
    le32(central, 0);
    le16(central, static_cast<uint16_t>(n.size()));
    le16(central, 0);  // extra
    le16(central, 0);  // comment
    le16(central, 0);  // disk
    le16(central, 0);  // internal attrs
    le32(central, 0);  // external attrs
    le32(central, offset);
    central += n;
  }
  std::string out = local + central;
  out += "PK\x05\x06";
  le16(out, 0);
  le16(out, 0);
  le16(out, static_cast<uint16_t>(names.size()));
  le16(out, static_cast<uint16_t>(names.size()));
  le32(out, static_cast<uint32_t>(central.size()));
  le32(out, static_cast<uint32_t>(local.size()));
  le16(out, 0);
  return out;
}

TEST(AttachmentSniffTest, AllowedTypesByContent) {
  const struct {
    std::string bytes;
    std::string name;
    std::string extension;
  } cases[] = {
      {"%PDF-1.7\n...", "a.bin", "pdf"},
      {std::string("\x89PNG\r\n\x1a\n", 8) + "rest", "x.pdf", "png"},
      {"\xFF\xD8\xFF\xE0rest", "photo", "jpg"},
      {"GIF89a...", "g.gif", "gif"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "old.DOC", "doc"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "old.xls", "xls"},
      {Zip({"[Content_Types].xml", "_rels/.rels", "word/document.xml"}), "a.docx", "docx"},
      {Zip({"[Content_Types].xml", "xl/workbook.xml"}), "t.xlsx", "xlsx"},
  };
  for (const auto& c : cases) {
    Result<SniffedType> t = SniffContentType(c.bytes, c.name);
    ASSERT_TRUE(t.ok()) << c.name << ": " << t.status().message();
    EXPECT_EQ(t->extension, c.extension) << c.name;
  }
}

TEST(AttachmentSniffTest, EverythingElseIsRefusedNamingTheFile) {
  const struct {
    std::string bytes;
    std::string name;
  } cases[] = {
      {"<html><script>alert(1)</script></html>", "page.pdf"},
      {"MZ\x90\x00", "setup.exe"},
      {"", "empty.pdf"},
      {Zip({"evil.html"}), "a.docx"},
      {Zip({"[Content_Types].xml", "ppt/presentation.xml"}), "s.pptx"},
      {"PK\x03\x04truncated", "broken.docx"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "old.msi"},
  };
  for (const auto& c : cases) {
    Result<SniffedType> t = SniffContentType(c.bytes, c.name);
    ASSERT_FALSE(t.ok()) << c.name;
    EXPECT_EQ(t.status().code(), ErrorCode::kInvalidInput);
    EXPECT_THAT(t.status().message(), HasSubstr("不支持的附件类型：" + c.name));
  }
}

TEST(AttachmentSniffTest, FileNamesAreSanitized) {
  EXPECT_EQ(SanitizeFileName("C:\\Users\\x\\报告.pdf"), "报告.pdf");
  EXPECT_EQ(SanitizeFileName("../../etc/passwd"), "passwd");
  EXPECT_EQ(SanitizeFileName("a\"b;c\r\n.pdf"), "abc.pdf");
  EXPECT_EQ(SanitizeFileName(""), "附件");
  EXPECT_EQ(SanitizeFileName("..."), "附件");
  std::string long_name;
  for (int i = 0; i < 60; ++i) long_name += "文";
  const std::string cut = SanitizeFileName(long_name);
  EXPECT_LE(cut.size(), 120u);
  EXPECT_TRUE(IsWellFormedUtf8(cut));
}

}  // namespace
}  // namespace gongkai
