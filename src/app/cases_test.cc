#include "app/cases.h"

#include <gmock/gmock.h>

#include "app/testing.h"

namespace gongkai::app {
namespace {

using testing::At;
using testing::D;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::Now;
using testing::PersonForm;

class CasesTest : public testing::AppTest {
 protected:
  // Registers an application of agency A received in person on `received` (default today).
  Registered Register(const char* received = "2026-03-02", Channel channel = Channel::kInPerson,
                      std::optional<Date> confirmed = std::nullopt,
                      const Agency* agency = nullptr) {
    const Agency& ag = agency ? *agency : agency_a_;
    RegisterRequest r;
    r.agency_id = ag.id;
    r.channel = channel;
    r.received_on = D(received);
    r.confirmed_on = confirmed;
    r.form = PersonForm();
    Result<RegisterOutcome> out = RegisterApplication(services_, Handler(ag), r, Now());
    EXPECT_TRUE(out.ok()) << out.status().message();
    if (!out.ok() || !out->registered) {
      ADD_FAILURE() << "not registered";
      return {};
    }
    return *out->registered;
  }
  CaseRef Ref(const Registered& r, const Agency* agency = nullptr) const {
    return CaseRef{(agency ? *agency : agency_a_).id, r.application_id, std::nullopt};
  }
};

TEST_F(CasesTest, RegisterPerChannelWithArticle31Dates) {
  Registered in_person = Register("2026-02-27");
  EXPECT_EQ(in_person.register_no, "2026-0001");
  EXPECT_EQ(in_person.tracking_code.size(), 12u);
  EXPECT_EQ(in_person.secret.size(), 16u);

  // Ordinary post: confirmed the day it arrives unless the officer says otherwise.
  Registered post = Register("2026-02-26", Channel::kPostOrdinary);
  EXPECT_EQ(Raw("SELECT confirmed_on FROM applications WHERE id = " +
                std::to_string(post.application_id))[0],
            "2026-02-26");

  RegisterRequest fax;
  fax.agency_id = agency_a_.id;
  fax.channel = Channel::kFax;
  fax.received_on = D("2026-02-26");
  fax.form = PersonForm();
  Result<RegisterOutcome> no_confirm =
      RegisterApplication(services_, Handler(agency_a_), fax, Now());
  EXPECT_EQ(no_confirm.status().code(), ErrorCode::kInvalidInput);
  EXPECT_THAT(no_confirm.status().message(), HasSubstr("双方确认之日"));
  fax.confirmed_on = D("2026-02-25");
  EXPECT_THAT(RegisterApplication(services_, Handler(agency_a_), fax, Now()).status().message(),
              HasSubstr("早于收到日期"));
  fax.confirmed_on = D("2026-02-27");
  EXPECT_TRUE(RegisterApplication(services_, Handler(agency_a_), fax, Now()).ok());
  fax.received_on = D("2026-03-03");
  EXPECT_THAT(RegisterApplication(services_, Handler(agency_a_), fax, Now()).status().message(),
              HasSubstr("晚于今天"));
}

TEST_F(CasesTest, ADoubleSubmittedRegisterFormFindsTheFirstApplication) {
  RegisterRequest r;
  r.agency_id = agency_a_.id;
  r.channel = Channel::kInPerson;
  r.received_on = D("2026-03-02");
  r.form = PersonForm();
  r.idempotency_key = "register-nonce-0123456789";
  Result<RegisterOutcome> first = RegisterApplication(services_, Handler(agency_a_), r, Now());
  ASSERT_TRUE(first.ok() && first->registered) << first.status().message();
  EXPECT_FALSE(first->registered->duplicate);
  Result<RegisterOutcome> again = RegisterApplication(services_, Handler(agency_a_), r, Now());
  ASSERT_TRUE(again.ok() && again->registered) << again.status().message();
  EXPECT_TRUE(again->registered->duplicate);
  EXPECT_EQ(again->registered->application_id, first->registered->application_id);
  EXPECT_EQ(again->registered->secret, first->registered->secret);
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM applications")[0], "1");

  // The same nonce with another received date is a different registration: refused.
  r.received_on = D("2026-03-01");
  Result<RegisterOutcome> changed = RegisterApplication(services_, Handler(agency_a_), r, Now());
  EXPECT_EQ(changed.status().code(), ErrorCode::kConflict) << changed.status().message();
  r.idempotency_key = "short";
  EXPECT_EQ(RegisterApplication(services_, Handler(agency_a_), r, Now()).status().code(),
            ErrorCode::kInvalidInput);
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM applications")[0], "1");
}

TEST_F(CasesTest, RegisterIsRefusedToThePublicOtherAgenciesAndOtherRoles) {
  RegisterRequest r;
  r.agency_id = agency_a_.id;
  r.received_on = D("2026-03-02");
  r.form = PersonForm();
  for (const Actor& actor : {Public(), Handler(agency_b_), Editor(agency_a_), Admin(agency_b_),
                             Staff("sup", {{agency_a_.id, Role::kSupervisor}})}) {
    Result<RegisterOutcome> out = RegisterApplication(services_, actor, r, Now());
    EXPECT_EQ(out.status().code(), ErrorCode::kForbidden) << actor.login;
  }
  EXPECT_TRUE(RegisterApplication(services_, Admin(agency_a_), r, Now()).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications"), 1);
}

TEST_F(CasesTest, FullCaseThroughCorrectionConsultationExtensionAndAnswer) {
  Registered reg = Register("2026-02-02");
  const CaseRef ref = Ref(reg);
  const Actor handler = Handler(agency_a_), reviewer = Reviewer(agency_a_);

  Result<ActionResult> corr = RequestCorrection(
      services_, handler, ref, {"所需信息的名称或文号", "  ", "信息所属的时间范围"},
      D("2026-02-05"), D("2026-02-27"), "", Now());
  ASSERT_TRUE(corr.ok()) << corr.status().message();
  ASSERT_TRUE(corr->notice.has_value());
  EXPECT_EQ(corr->notice->number, "昌邑区商务局补〔2026〕1号");
  EXPECT_THAT(corr->notice->paragraphs, ::testing::Contains("（一）所需信息的名称或文号"));
  EXPECT_THAT(corr->notice->paragraphs, ::testing::Contains("（二）信息所属的时间范围"));
  EXPECT_TRUE(corr->warnings.empty());

  ASSERT_TRUE(RecordCorrection(services_, handler, ref, D("2026-02-09"), "已补正", Now()).ok());
  Result<ActionResult> cons =
      StartConsultation(services_, handler, ref, ConsultationParty::kThirdParty, "某建设公司",
                        D("2026-02-10"), Now());
  ASSERT_TRUE(cons.ok()) << cons.status().message();
  EXPECT_FALSE(cons->notice->to_applicant);
  EXPECT_EQ(cons->notice->addressee, "某建设公司");
  EXPECT_THAT(cons->notice->paragraphs[2], HasSubstr("第三十二条"));
  ASSERT_TRUE(EndConsultation(services_, handler, ref, D("2026-02-24"), "无异议", Now()).ok());

  // The handler asks; only a reviewer approves.
  ASSERT_TRUE(RequestExtension(services_, handler, ref, 20, "需要调取档案", Now()).ok());
  Result<ActionResult> by_handler =
      ApproveExtension(services_, handler, ref, 20, "需要调取档案", D("2026-02-25"), "", Now());
  EXPECT_EQ(by_handler.status().code(), ErrorCode::kForbidden);
  Result<ActionResult> ext = ApproveExtension(services_, reviewer, ref, 20, "需要调取档案",
                                              D("2026-02-25"), "王小明", Now());
  ASSERT_TRUE(ext.ok()) << ext.status().message();
  EXPECT_EQ(ext->notice->addressee, "王小明");
  EXPECT_THAT(ext->notice->paragraphs[2], HasSubstr("延长20个工作日"));

  Result<CaseView> view =
      ViewCase(services_, handler, agency_a_.id, reg.application_id, D("2026-03-02"));
  ASSERT_TRUE(view.ok()) << view.status().message();
  EXPECT_EQ(view->state, ApplicationState::kInProgress);
  ASSERT_TRUE(view->deadline.has_value());
  EXPECT_EQ(view->deadline->extension_days, 20);
  EXPECT_FALSE(view->deadline->steps.empty());
  ASSERT_EQ(view->file.extension_requests.size(), 1u);
  EXPECT_EQ(view->file.extension_requests[0].days, 20);
  EXPECT_THAT(view->actions, ::testing::Contains(CaseAction::kWithdraw));
  EXPECT_THAT(view->actions, ::testing::Not(::testing::Contains(CaseAction::kAnswer)));  // handler
  EXPECT_THAT(view->actions, ::testing::Not(::testing::Contains(CaseAction::kRequestCorrection)));

  EXPECT_EQ(Answer(services_, handler, ref, Outcome::kPartiallyDisclosed, "", "", D("2026-03-02"),
                   "", Now())
                .status()
                .code(),
            ErrorCode::kForbidden);
  Result<ActionResult> answer = Answer(services_, reviewer, ref, Outcome::kPartiallyDisclosed,
                                       "附件为可公开部分。", "", D("2026-03-02"), "", Now());
  ASSERT_TRUE(answer.ok()) << answer.status().message();
  EXPECT_EQ(answer->notice->number, "昌邑区商务局答〔2026〕1号");
  EXPECT_EQ(answer->notice->outcome, Outcome::kPartiallyDisclosed);
  std::string text;
  for (const std::string& p : answer->notice->paragraphs) text += p + "\n";
  EXPECT_THAT(text, HasSubstr("第三十七条"));
  EXPECT_THAT(text, HasSubstr("60日内"));
  EXPECT_THAT(text, HasSubstr("附件为可公开部分。"));

  // The applicant sees the acceptance, correction, extension and answer — not the letter to
  // the third party.
  Result<TrackView> track = Track(services_, reg.tracking_code, reg.secret, D("2026-03-02"));
  ASSERT_TRUE(track.ok()) << track.status().message();
  std::vector<std::string> titles;
  for (const Notice& n : track->notices) titles.push_back(n.title);
  EXPECT_THAT(titles, ElementsAre("政府信息公开申请受理告知书", "政府信息公开申请补正告知书",
                                  "政府信息公开申请延期答复告知书", "政府信息公开申请答复书"));
  EXPECT_EQ(track->state, ApplicationState::kClosed);
  ASSERT_TRUE(track->closing.has_value());
  EXPECT_EQ(track->closing->outcome, Outcome::kPartiallyDisclosed);
  EXPECT_EQ(track->timeline.back().label, "答复：部分公开");

  // Every event carries who and from where; every change is audited.
  EXPECT_THAT(Raw("SELECT actor || '@' || client_ip FROM application_events ORDER BY seq"),
              ElementsAre("handler@192.0.2.10", "handler@192.0.2.10", "handler@192.0.2.10",
                          "handler@192.0.2.10", "reviewer@192.0.2.10", "reviewer@192.0.2.10"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'application.%'"), 8);
}

TEST_F(CasesTest, IllegalTransitionsAreRefusedByTheCore) {
  Registered reg = Register("2026-02-27");
  const CaseRef ref = Ref(reg);
  Result<ActionResult> r =
      RecordCorrection(services_, Handler(agency_a_), ref, D("2026-03-02"), "", Now());
  EXPECT_EQ(r.status().code(), ErrorCode::kConflict);
  ASSERT_TRUE(
      Withdraw(services_, Handler(agency_a_), ref, D("2026-03-02"), "申请人来电撤回", Now()).ok());
  Result<ActionResult> again = Answer(services_, Reviewer(agency_a_), ref, Outcome::kDisclosed, "",
                                      "", D("2026-03-02"), "", Now());
  EXPECT_EQ(again.status().code(), ErrorCode::kConflict);
  EXPECT_EQ(Answer(services_, Reviewer(agency_a_), ref, Outcome::kWithdrawn, "", "",
                   D("2026-03-02"), "", Now())
                .status()
                .code(),
            ErrorCode::kInvalidInput);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM application_events"), 1);
}

TEST_F(CasesTest, ExtensionMustBeApprovedBeforeTheBasePeriodEnds) {
  Registered reg = Register("2026-01-05");  // base period ends 2026-02-02
  Result<ActionResult> late = ApproveExtension(services_, Reviewer(agency_a_), Ref(reg), 10, "原因",
                                               D("2026-02-03"), "", Now());
  EXPECT_EQ(late.status().code(), ErrorCode::kConflict);
  EXPECT_THAT(late.status().message(), HasSubstr("2026-02-02"));
  EXPECT_EQ(RequestExtension(services_, Handler(agency_a_), Ref(reg), 10, "原因", Now()).code(),
            ErrorCode::kConflict);
  EXPECT_EQ(ApproveExtension(services_, Reviewer(agency_a_), Ref(reg), 21, "原因", D("2026-01-20"),
                             "", Now())
                .status()
                .code(),
            ErrorCode::kConflict);  // more than 20 days: the core refuses
  EXPECT_TRUE(ApproveExtension(services_, Reviewer(agency_a_), Ref(reg), 10, "原因",
                               D("2026-02-02"), "", Now())
                  .ok());
}

TEST_F(CasesTest, CorrectionListsEveryItemAndWarnsAfterSevenWorkingDays) {
  Registered reg = Register("2026-02-02");
  EXPECT_EQ(RequestCorrection(services_, Handler(agency_a_), Ref(reg), {" ", ""}, D("2026-02-12"),
                              D("2026-02-27"), "", Now())
                .status()
                .code(),
            ErrorCode::kInvalidInput);
  Result<ActionResult> late = RequestCorrection(services_, Handler(agency_a_), Ref(reg), {"文号"},
                                                D("2026-02-12"), D("2026-02-27"), "", Now());
  ASSERT_TRUE(late.ok()) << late.status().message();
  ASSERT_EQ(late->warnings.size(), 1u);
  EXPECT_THAT(late->warnings[0], HasSubstr("7 个工作日"));
  EXPECT_EQ(Raw("SELECT note FROM application_events")[0], "文号");
}

TEST_F(CasesTest, FeesUnderThe2019RulesAreCounted) {
  Registered reg = Register("2026-02-02");
  const CaseRef ref = Ref(reg);
  EXPECT_EQ(NotifyFee(services_, Handler(agency_a_), ref, 0, "", D("2026-02-10"), "", Now())
                .status()
                .code(),
            ErrorCode::kInvalidInput);
  Result<ActionResult> fee =
      NotifyFee(services_, Handler(agency_a_), ref, 300000, "", D("2026-02-10"), "", Now());
  ASSERT_TRUE(fee.ok()) << fee.status().message();
  EXPECT_THAT(fee->notice->paragraphs[2], HasSubstr("3000.00元"));
  ASSERT_TRUE(RecordFeePaid(services_, Handler(agency_a_), ref, D("2026-02-20"), Now()).ok());
  EXPECT_EQ(Raw("SELECT amount_fen || ' ' || on_date FROM fees")[0], "300000 2026-02-20");
}

TEST_F(CasesTest, WorkedCasesLandInTheRecordsTheAnnualReportCounts) {
  SubmitRequest online;
  online.agency_slug = "changyi-commerce";
  online.form = PersonForm();
  online.form.applicant_type = "research_institution";
  online.form.id_type = "uscc";
  online.form.id_number = "91350100M000100Y43";
  online.form.legal_representative = "李四";
  Result<SubmitOutcome> submitted = SubmitApplication(services_, online, "ip", Now());
  ASSERT_TRUE(submitted.ok() && submitted->receipt) << submitted.status().message();
  Registered fax = Register("2026-02-25", Channel::kFax, D("2026-02-26"));
  ASSERT_TRUE(Answer(services_, Reviewer(agency_a_), Ref(fax), Outcome::kNotHeld, "", "",
                     D("2026-03-02"), "", Now())
                  .ok());

  Result<YearRecords> year = repo_->LoadYear(agency_a_.id, 2026);
  ASSERT_TRUE(year.ok()) << year.status().message();
  ASSERT_EQ(year->applications.size(), 2u);
  const Application& by_fax = year->applications[0];
  const Application& by_web = year->applications[1];
  EXPECT_EQ(by_fax.channel, Channel::kFax);
  EXPECT_EQ(by_fax.StatutoryReceiptDate(), D("2026-02-26"));
  ASSERT_TRUE(ClosingOf(by_fax).has_value());
  EXPECT_EQ(ClosingOf(by_fax)->outcome, Outcome::kNotHeld);
  EXPECT_EQ(by_web.channel, Channel::kOnline);
  EXPECT_EQ(by_web.applicant_type, ApplicantType::kResearchInstitution);
  EXPECT_EQ(by_web.applicant_name, "");  // the report never needs the name
}

TEST_F(CasesTest, NoFeesUnderThe2008Rules) {
  Registered reg = Register("2018-06-04");  // received under Reg2008
  Result<ActionResult> fee =
      NotifyFee(services_, Handler(agency_a_), Ref(reg), 500, "", D("2018-06-05"), "", Now());
  EXPECT_EQ(fee.status().code(), ErrorCode::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notices WHERE kind = 'fee'"), 0);
  // …and its deadline counts 15 working days.
  Result<CaseView> v =
      ViewCase(services_, Handler(agency_a_), agency_a_.id, reg.application_id, D("2018-06-05"));
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->deadline->base_days, 15);
}

TEST_F(CasesTest, OtherAgenciesAndThePublicCannotReadOrChangeAnApplication) {
  Registered reg = Register("2026-02-27");
  const Actor b_handler = Handler(agency_b_), b_reviewer = Reviewer(agency_b_), pub = Public();
  // By agency: another agency's staff naming agency A are refused…
  EXPECT_EQ(ViewCase(services_, b_handler, agency_a_.id, reg.application_id, D("2026-03-02"))
                .status()
                .code(),
            ErrorCode::kForbidden);
  // …and naming their own agency with A's id (guessing ids) find nothing.
  EXPECT_EQ(ViewCase(services_, b_handler, agency_b_.id, reg.application_id, D("2026-03-02"))
                .status()
                .code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(
      ViewCase(services_, pub, agency_a_.id, reg.application_id, D("2026-03-02")).status().code(),
      ErrorCode::kForbidden);

  const Date day = D("2026-03-02");
  for (const auto& [actor, agency, code] :
       {std::tuple{&b_handler, &agency_a_, ErrorCode::kForbidden},
        std::tuple{&b_handler, &agency_b_, ErrorCode::kNotFound},
        std::tuple{&pub, &agency_a_, ErrorCode::kForbidden}}) {
    const Actor& a = *actor;
    const Actor& reviewer = actor == &b_handler ? b_reviewer : pub;
    const CaseRef ref = Ref(reg, agency);
    EXPECT_EQ(
        RequestCorrection(services_, a, ref, {"x"}, day, day.Next(), "", Now()).status().code(),
        code);
    EXPECT_EQ(RecordCorrection(services_, a, ref, day, "", Now()).status().code(), code);
    EXPECT_EQ(RecordCorrectionLapsed(services_, a, ref, day, Now()).status().code(), code);
    EXPECT_EQ(
        StartConsultation(services_, a, ref, ConsultationParty::kOtherAgency, "某局", day, Now())
            .status()
            .code(),
        code);
    EXPECT_EQ(EndConsultation(services_, a, ref, day, "", Now()).status().code(), code);
    EXPECT_EQ(RequestExtension(services_, a, ref, 5, "理由", Now()).code(), code);
    EXPECT_EQ(ApproveExtension(services_, reviewer, ref, 5, "理由", day, "", Now()).status().code(),
              code);
    EXPECT_EQ(NotifyFee(services_, a, ref, 100, "", day, "", Now()).status().code(), code);
    EXPECT_EQ(RecordFeePaid(services_, a, ref, day, Now()).status().code(), code);
    EXPECT_EQ(RecordFeeLapsed(services_, a, ref, day, Now()).status().code(), code);
    EXPECT_EQ(Answer(services_, reviewer, ref, Outcome::kDisclosed, "", "", day, "", Now())
                  .status()
                  .code(),
              code);
    EXPECT_EQ(Withdraw(services_, a, ref, day, "", Now()).status().code(), code);
    EXPECT_EQ(AttachAnswerFile(services_, a, ref, "a.pdf", "%PDF-1.4", Now()).status().code(),
              code);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM application_events"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM attachments"), 0);
  EXPECT_EQ(ListAudit(services_, b_handler, agency_a_.id, 0, 10).status().code(),
            ErrorCode::kForbidden);
  EXPECT_EQ(ListAudit(services_, Handler(agency_a_), agency_a_.id, 0, 10).status().code(),
            ErrorCode::kForbidden);
  Result<std::vector<AuditRecord>> audit =
      ListAudit(services_, Admin(agency_a_), agency_a_.id, 0, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->front().action, "application.register");
}

TEST_F(CasesTest, AStaleViewIsAConflict) {
  Registered reg = Register("2026-02-27");
  CaseRef ref = Ref(reg);
  ref.seen_events = 0;
  ASSERT_TRUE(StartConsultation(services_, Handler(agency_a_), ref, ConsultationParty::kThirdParty,
                                "甲公司", D("2026-03-02"), Now())
                  .ok());
  // Someone else's form, opened before that change:
  Result<ActionResult> stale =
      Withdraw(services_, Handler(agency_a_), ref, D("2026-03-02"), "", Now());
  EXPECT_EQ(stale.status().code(), ErrorCode::kConflict);
  EXPECT_THAT(stale.status().message(), HasSubstr("刷新"));
}

TEST_F(CasesTest, DashboardComputesDaysLeftDueSoonOverdueAndCorrectionLimits) {
  Registered overdue = Register("2026-01-05");  // due 2026-02-02
  // Received 2026-02-03: the Spring Festival (02-15…02-23, 调休 Saturdays 02-14 and 02-28) puts
  // the due date at 2026-03-09 — 5 working days left on 2026-03-02.
  Registered soon = Register("2026-02-03");
  Registered fresh = Register("2026-03-02");  // due 2026-03-30; 补正 possible until 03-11
  Registered other = Register("2026-03-02", Channel::kInPerson, std::nullopt, &agency_b_);
  Registered closed = Register("2026-02-27");
  ASSERT_TRUE(
      Withdraw(services_, Handler(agency_a_), Ref(closed), D("2026-03-02"), "", Now()).ok());

  Result<Dashboard> d = LoadDashboard(services_, Handler(agency_a_), agency_a_.id, D("2026-03-02"));
  ASSERT_TRUE(d.ok()) << d.status().message();
  ASSERT_EQ(d->rows.size(), 3u);
  EXPECT_EQ(d->rows[0].application.id, overdue.application_id);  // most urgent first
  EXPECT_TRUE(d->rows[0].overdue);
  EXPECT_EQ(d->rows[1].application.id, soon.application_id);
  EXPECT_EQ(d->rows[1].due, D("2026-03-09"));
  EXPECT_EQ(d->rows[1].working_days_left, 5);
  EXPECT_TRUE(d->rows[1].due_soon);
  EXPECT_EQ(d->rows[2].application.id, fresh.application_id);
  EXPECT_EQ(d->rows[2].correction_notice_due, D("2026-03-11"));
  EXPECT_EQ(d->rows[2].application.applicant_name, "");  // no personal data on the dashboard
  EXPECT_EQ(d->overdue, 1);
  EXPECT_EQ(d->due_soon, 1);
  EXPECT_EQ(d->correction_notices_due, 1);
  EXPECT_EQ(d->by_state[ApplicationState::kInProgress], 3);

  EXPECT_EQ(
      LoadDashboard(services_, Handler(agency_b_), agency_a_.id, D("2026-03-02")).status().code(),
      ErrorCode::kForbidden);
  EXPECT_EQ(LoadDashboard(services_, Public(), std::nullopt, D("2026-03-02")).status().code(),
            ErrorCode::kForbidden);
  const Actor supervisor =
      Staff("district", {{agency_a_.id, Role::kSupervisor}, {agency_b_.id, Role::kSupervisor}});
  Result<Dashboard> all = LoadDashboard(services_, supervisor, std::nullopt, D("2026-03-02"));
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->rows.size(), 4u);
  // A supervisor reads but never changes.
  EXPECT_TRUE(
      ViewCase(services_, supervisor, agency_b_.id, other.application_id, D("2026-03-02")).ok());
  EXPECT_EQ(Withdraw(services_, supervisor, Ref(other, &agency_b_), D("2026-03-02"), "", Now())
                .status()
                .code(),
            ErrorCode::kForbidden);
}

TEST_F(CasesTest, AnswerFilesAreCheckedStoredByHashAndShownToTheApplicant) {
  Registered reg = Register("2026-02-27");
  const CaseRef ref = Ref(reg);
  const std::string pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer\n%%EOF\n";
  Result<Attachment> html = AttachAnswerFile(services_, Handler(agency_a_), ref, "答复.pdf",
                                             "<html><script>x</script></html>", Now());
  EXPECT_EQ(html.status().code(), ErrorCode::kInvalidInput);
  services_.policy.max_attachment_bytes = 10;
  EXPECT_THAT(
      AttachAnswerFile(services_, Handler(agency_a_), ref, "a.pdf", pdf, Now()).status().message(),
      HasSubstr("超过大小限制"));
  services_.policy.max_attachment_bytes = 1 << 20;
  Result<Attachment> a =
      AttachAnswerFile(services_, Handler(agency_a_), ref, "../答复.pdf", pdf, Now());
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->file_name, "答复.pdf");
  EXPECT_EQ(a->content_type, "application/pdf");
  EXPECT_EQ(a->sha256, Sha256Hex(pdf));

  Result<TrackView> t = Track(services_, reg.tracking_code, reg.secret, D("2026-03-02"));
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->answer_files.size(), 1u);
  Result<FileDownload> dl = DownloadAnswerFile(services_, reg.tracking_code, reg.secret, a->id);
  ASSERT_TRUE(dl.ok()) << dl.status().message();
  EXPECT_EQ(dl->bytes, pdf);
  EXPECT_EQ(
      DownloadAnswerFile(services_, reg.tracking_code, "WRONGWRONGWRONG2", a->id).status().code(),
      ErrorCode::kNotFound);

  // A damaged file is detected by its hash, never served.
  std::ofstream(files_->PathOf(a->sha256), std::ios::binary | std::ios::trunc)
      << "%PDF-1.4 tampered";
  Result<FileDownload> bad = DownloadAnswerFile(services_, reg.tracking_code, reg.secret, a->id);
  EXPECT_EQ(bad.status().code(), ErrorCode::kStorage);
  EXPECT_THAT(bad.status().message(), HasSubstr("已损坏"));
  std::filesystem::remove(files_->PathOf(a->sha256));
  EXPECT_EQ(DownloadAnswerFile(services_, reg.tracking_code, reg.secret, a->id).status().code(),
            ErrorCode::kNotFound);
  // Uploading the same content again restores the file.
  ASSERT_TRUE(AttachAnswerFile(services_, Handler(agency_a_), ref, "again.pdf", pdf, Now()).ok());
  EXPECT_TRUE(DownloadAnswerFile(services_, reg.tracking_code, reg.secret, a->id).ok());
}

}  // namespace
}  // namespace gongkai::app
