#include "app/portal.h"

#include <gmock/gmock.h>

#include <set>

#include "app/cases.h"
#include "app/testing.h"

namespace gongkai::app {
namespace {

using testing::D;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::Now;
using testing::PersonForm;

class PortalTest : public testing::AppTest {
 protected:
  Result<SubmitOutcome> Submit(ApplicationFormInput form, std::string key = "",
                               std::string slug = "changyi-commerce") {
    SubmitRequest r;
    r.agency_slug = std::move(slug);
    r.form = std::move(form);
    r.idempotency_key = std::move(key);
    return SubmitApplication(services_, r, "198.51.100.7", Now());
  }
  SubmitReceipt MustSubmit(ApplicationFormInput form = PersonForm(), std::string key = "") {
    Result<SubmitOutcome> out = Submit(std::move(form), std::move(key));
    EXPECT_TRUE(out.ok()) << out.status().message();
    if (!out.ok() || !out->receipt) {
      ADD_FAILURE() << "no receipt"
                    << (out.ok() && !out->errors.empty() ? out->errors[0].message : "");
      return {};
    }
    return *out->receipt;
  }
};

TEST_F(PortalTest, SubmitRecordsAnOnlineApplicationConfirmedToday) {
  SubmitReceipt r = MustSubmit();
  EXPECT_EQ(r.tracking_code.size(), 12u);
  EXPECT_EQ(r.tracking_code.find_first_not_of(kCodeAlphabet), std::string::npos);
  EXPECT_EQ(r.secret.size(), 16u);
  EXPECT_EQ(r.register_no, "2026-0001");
  EXPECT_EQ(r.received_on, D("2026-03-02"));
  EXPECT_EQ(r.due, D("2026-03-30"));  // 20 working days after 2 March 2026
  EXPECT_FALSE(r.duplicate);
  EXPECT_EQ(MustSubmit().register_no, "2026-0002");

  EXPECT_EQ(Raw("SELECT channel FROM applications")[0], "online");
  EXPECT_EQ(Raw("SELECT confirmed_on FROM applications")[0], "2026-03-02");
  // Art. 31 receipt confirmed at once: an acceptance notice numbered for the agency.
  EXPECT_EQ(Raw("SELECT number FROM notices ORDER BY id")[0], "昌邑区商务局受〔2026〕1号");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'application.submit' "
                  "AND client_ip = '198.51.100.7'"),
            2);
}

TEST_F(PortalTest, ApplicantDataIsOnlyCiphertextInTheDatabase) {
  SubmitReceipt r = MustSubmit();
  EXPECT_EQ(Raw("SELECT applicant_name FROM applications")[0], "");
  const std::string cipher = Raw("SELECT pii_ciphertext FROM applications")[0];
  const std::string nonce = Raw("SELECT pii_nonce FROM applications")[0];
  EXPECT_FALSE(cipher.empty());
  EXPECT_FALSE(nonce.empty());
  // Nothing personal anywhere in the database file's tables as text.
  for (const char* secret_text : {"王小明", "11010519491231002X", "62345678", "wangxm", "民主街"}) {
    for (const char* sql :
         {"SELECT pii_ciphertext FROM applications", "SELECT applicant_name FROM applications",
          "SELECT detail FROM audit_log", "SELECT body || title || addressee FROM notices"}) {
      for (const std::string& row : Raw(sql)) {
        EXPECT_THAT(row, Not(HasSubstr(secret_text))) << sql;
      }
    }
  }
  // The secret itself is not stored, only its hash.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications WHERE secret_hash = '" + r.secret + "'"), 0);
  EXPECT_EQ(Raw("SELECT secret_hash FROM applications")[0], HashHex(r.secret));

  // Staff of the agency read it back decrypted.
  Result<CaseView> v = ViewCase(services_, Handler(agency_a_), agency_a_.id,
                                std::stoll(Raw("SELECT id FROM applications")[0]), D("2026-03-02"));
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->applicant.name, "王小明");
  EXPECT_EQ(v->applicant.id_number, "11010519491231002X");
  EXPECT_EQ(v->applicant.phone, "0432-62345678");
  EXPECT_EQ(v->applicant.address, "吉林省吉林市昌邑区民主街8号");
  EXPECT_EQ(v->file.info_form, InformationForm::kElectronic);
  EXPECT_EQ(v->file.delivery, DeliveryMethod::kOnline);

  // Another key cannot open it.
  PiiCipher other = PiiCipher::FromKey(std::string(32, 'k'));
  Result<ApplicantDetails> wrong = other.Open(*v->file.pii);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), ErrorCode::kStorage);
}

TEST_F(PortalTest, KeyFileIsCreatedWith0600AndReused) {
  struct stat st {};
  ASSERT_EQ(stat((dir_ + "/keys/pii.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_EQ(st.st_size, 32);
  Result<PiiCipher> again = PiiCipher::OpenKeyFile(dir_ + "/keys/pii.key");
  ASSERT_TRUE(again.ok());
  ApplicantDetails someone;
  someone.name = "某某";
  Result<SealedPii> sealed = pii_->Seal(someone);
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(again->Open(*sealed)->name, "某某");
  chmod((dir_ + "/keys/pii.key").c_str(), 0644);
  EXPECT_THAT(PiiCipher::OpenKeyFile(dir_ + "/keys/pii.key").status().message(),
              HasSubstr("权限过宽"));
  std::ofstream(dir_ + "/short.key") << "too short";
  chmod((dir_ + "/short.key").c_str(), 0600);
  EXPECT_THAT(PiiCipher::OpenKeyFile(dir_ + "/short.key").status().message(), HasSubstr("32 字节"));
}

TEST_F(PortalTest, FormErrorsStoreNothing) {
  ApplicationFormInput f = PersonForm();
  f.id_number = "110105194912310021";
  f.description = "";
  Result<SubmitOutcome> out = Submit(f);
  ASSERT_TRUE(out.ok());
  EXPECT_FALSE(out->receipt.has_value());
  ASSERT_EQ(out->errors.size(), 2u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications"), 0);
  EXPECT_EQ(Submit(PersonForm(), "", "no-such-agency").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Submit(PersonForm(), "short").status().code(), ErrorCode::kInvalidInput);
}

TEST_F(PortalTest, DoubleSubmitWithTheSameNonceIsOneApplication) {
  const std::string nonce = "form-nonce-0123456789abcdef";
  SubmitReceipt first = MustSubmit(PersonForm(), nonce);
  SubmitReceipt second = MustSubmit(PersonForm(), nonce);
  EXPECT_FALSE(first.duplicate);
  EXPECT_TRUE(second.duplicate);
  EXPECT_EQ(second.tracking_code, first.tracking_code);
  EXPECT_EQ(second.secret, first.secret);  // shown again: the first response may have been lost
  EXPECT_EQ(second.register_no, first.register_no);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notices"), 1);

  ApplicationFormInput changed = PersonForm();
  changed.description = "另一项完全不同的信息";
  Result<SubmitOutcome> conflict = Submit(changed, nonce);
  EXPECT_EQ(conflict.status().code(), ErrorCode::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications"), 1);
  // Another nonce is another application.
  EXPECT_NE(MustSubmit(PersonForm(), "form-nonce-ffffffffffffffff").tracking_code,
            first.tracking_code);
}

TEST_F(PortalTest, TrackingCodesAreUniqueEvenWhenTheGeneratorRepeats) {
  std::set<std::string> codes;
  for (int i = 0; i < 2000; ++i) codes.insert(NewTrackingCode());
  EXPECT_EQ(codes.size(), 2000u);
  for (const std::string& c : codes) {
    EXPECT_EQ(c.find_first_of("01OI"), std::string::npos) << c;
  }
  // A generator that repeats itself: the store refuses the taken code and a new one is drawn.
  std::vector<std::string> script = {"AAAABBBBCCCC", "AAAABBBBCCCC", "DDDDEEEEFFFF"};
  size_t next = 0;
  services_.tracking_codes = [&] { return script[std::min(next++, script.size() - 1)]; };
  EXPECT_EQ(MustSubmit().tracking_code, "AAAABBBBCCCC");
  EXPECT_EQ(MustSubmit().tracking_code, "DDDDEEEEFFFF");
  EXPECT_EQ(next, 3u);
}

TEST_F(PortalTest, TrackNeedsCodeAndSecretAndGivesOneErrorForBoth) {
  SubmitReceipt r = MustSubmit();
  Result<TrackView> v = Track(services_, r.tracking_code, r.secret, D("2026-03-03"));
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->register_no, "2026-0001");
  EXPECT_EQ(v->state, ApplicationState::kInProgress);
  EXPECT_EQ(v->state_label, "办理中");
  EXPECT_EQ(v->due, D("2026-03-30"));
  EXPECT_FALSE(v->overdue);
  ASSERT_EQ(v->notices.size(), 1u);
  EXPECT_EQ(v->notices[0].title, "政府信息公开申请受理告知书");
  EXPECT_THAT(v->notices[0].paragraphs[1], HasSubstr("2026年3月2日"));
  EXPECT_THAT(v->notices[0].paragraphs[2], HasSubstr("2026年3月30日"));
  EXPECT_EQ(v->notices[0].addressee, "申请人");

  // Typed in lower case and grouped: still found.
  std::string typed = GroupCode(r.tracking_code);
  for (char& c : typed) c = static_cast<char>(std::tolower(c));
  EXPECT_TRUE(Track(services_, typed, GroupCode(r.secret), D("2026-03-03")).ok());

  Result<TrackView> bad_secret =
      Track(services_, r.tracking_code, "AAAAAAAAAAAAAAAA", D("2026-03-03"));
  Result<TrackView> bad_code = Track(services_, "ZZZZZZZZZZZZ", r.secret, D("2026-03-03"));
  Result<TrackView> empty = Track(services_, r.tracking_code, "", D("2026-03-03"));
  for (const Result<TrackView>* t : {&bad_secret, &bad_code, &empty}) {
    ASSERT_FALSE(t->ok());
    EXPECT_EQ(t->status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(t->status().message(), "查询码或查询密码不正确");
  }
  // Overdue once the due date passed without an answer.
  EXPECT_TRUE(Track(services_, r.tracking_code, r.secret, D("2026-03-31"))->overdue);
}

}  // namespace
}  // namespace gongkai::app
