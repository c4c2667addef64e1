// Case work in the console (申请办理): registering applications received at the counter, by
// post or by fax; viewing one with its timeline, computed deadline and allowed actions; every
// legal step applied through the core state machine (ApplyEvent) with its notice, the actor and
// the client address on the event and in the audit log; the dashboard.
//
// Authorization lives here: every function takes the Actor and refuses (kForbidden) the
// public, the wrong role, and staff of another agency; records are loaded by id AND agency, so
// a guessed id of another agency is kNotFound.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/portal.h"
#include "app/services.h"
#include "core/application/deadline.h"
#include "core/application/state.h"
#include "core/case_file.h"

namespace gongkai::app {

struct RegisterRequest {
  int64_t agency_id = 0;
  Channel channel = Channel::kInPerson;
  Date received_on;
  // Required for fax and online/e-mail (双方确认之日); defaults to received_on for ordinary
  // post (Art. 31: the office confirms with the applicant the day the letter arrives); ignored
  // for in-person and signed post.
  std::optional<Date> confirmed_on;
  ApplicationFormInput form;
  std::string number;  // empty: "YYYY-NNNN" allocated
  // The register form's nonce (16–128 characters, issued with the form): a double submit with
  // the same nonce and content finds the first application (same secret) instead of a second.
  // Empty = no idempotency.
  std::string idempotency_key;
};

struct Registered {
  int64_t application_id = 0;
  std::string register_no;
  std::string tracking_code;  // to give the applicant (with the secret), e.g. on a receipt
  std::string secret;
  bool duplicate = false;  // a replayed form: the first application's registration
};

struct RegisterOutcome {
  std::optional<Registered> registered;
  std::vector<FieldError> errors;
};

// Registers an application received through `channel` (handler of the agency). Dates: received
// and confirmed on or before today, confirmed not before received. Errors: kForbidden;
// kInvalidInput for the dates or a malformed idempotency key; kOutOfCalendar; kConflict for a
// taken number or a replayed key with different content.
Result<RegisterOutcome> RegisterApplication(const Services& s, const Actor& actor,
                                            const RegisterRequest& request, Timestamp now);

// The actions the console may offer for an application.
enum class CaseAction {
  kRequestCorrection,
  kRecordCorrection,
  kCorrectionLapsed,
  kStartConsultation,
  kEndConsultation,
  kRequestExtension,
  kApproveExtension,
  kNotifyFee,
  kRecordFeePaid,
  kFeeLapsed,
  kAnswer,
  kWithdraw,
};
std::string_view ToCode(CaseAction a);     // "request_correction", …
std::string_view ToChinese(CaseAction a);  // "发送补正告知", …

struct CaseView {
  CaseFile file;
  std::string agency_name;
  ApplicantDetails applicant;  // decrypted; imported records: the name only
  ApplicationState state = ApplicationState::kInProgress;
  std::optional<Closing> closing;
  std::optional<Deadline> deadline;      // with its reasoning (steps)
  std::string deadline_problem;          // why there is no deadline (e.g. out of calendar)
  std::optional<int> working_days_left;  // to deadline->due, negative when overdue
  bool overdue = false;
  std::optional<Date> correction_notice_due;  // the 7-working-day limit for a 补正告知
  std::vector<CaseAction> actions;            // allowed by the state AND the actor's roles
};

// Any staff of the agency (and its supervisors) may view. kForbidden otherwise; kNotFound for
// an id of another agency.
Result<CaseView> ViewCase(const Services& s, const Actor& actor, int64_t agency_id, int64_t id,
                          Date today);

// Which application, and how many events the officer saw (optimistic concurrency: a change by
// someone else in between gives kConflict); empty = the current count.
struct CaseRef {
  int64_t agency_id = 0;
  int64_t application_id = 0;
  std::optional<int> seen_events;
};

struct ActionResult {
  int event_seq = 0;
  std::optional<Notice> notice;
  std::vector<std::string> warnings;  // e.g. a 补正 sent after its 7-working-day limit
};

// Every action below: the event is checked by ApplyEvent (illegal transitions are kConflict
// from the core) and must not be dated after today; the actor needs the role named.

// 补正告知 (handler): every missing item at once (at least one), with the date by which the
// applicant must correct (after `on`). Produces a 补正告知书.
Result<ActionResult> RequestCorrection(const Services& s, const Actor& actor, const CaseRef& ref,
                                       const std::vector<std::string>& items, Date on,
                                       Date correct_by, const std::string& addressee,
                                       Timestamp now);
// The corrected application arrived (handler): the answer period restarts.
Result<ActionResult> RecordCorrection(const Services& s, const Actor& actor, const CaseRef& ref,
                                      Date on, const std::string& note, Timestamp now);
// No correction by the deadline (handler): deemed withdrawn.
Result<ActionResult> RecordCorrectionLapsed(const Services& s, const Actor& actor,
                                            const CaseRef& ref, Date on, Timestamp now);
// 征求意见 (handler): produces a 征求意见函 to `party_name` (not shown to the applicant).
Result<ActionResult> StartConsultation(const Services& s, const Actor& actor, const CaseRef& ref,
                                       ConsultationParty party, const std::string& party_name,
                                       Date on, Timestamp now);
Result<ActionResult> EndConsultation(const Services& s, const Actor& actor, const CaseRef& ref,
                                     Date on, const std::string& note, Timestamp now);
// 延期申请 (handler): recorded for a reviewer; 1…20 (15 under 2008 rules) days and a reason.
Status RequestExtension(const Services& s, const Actor& actor, const CaseRef& ref, int days,
                        const std::string& reason, Timestamp now);
// 延期批准 (reviewer only), before the base period ends: refused (kConflict) after base_due.
// Produces a 延期答复告知书.
Result<ActionResult> ApproveExtension(const Services& s, const Actor& actor, const CaseRef& ref,
                                      int days, const std::string& reason, Date on,
                                      const std::string& addressee, Timestamp now);
// 收费通知 (handler; 2019 rules only): amount in fen > 0. Produces a 缴费通知书.
Result<ActionResult> NotifyFee(const Services& s, const Actor& actor, const CaseRef& ref,
                               int64_t amount_fen, const std::string& basis, Date on,
                               const std::string& addressee, Timestamp now);
// Payment received (handler): the notified amount, counted in the fees of the year.
Result<ActionResult> RecordFeePaid(const Services& s, const Actor& actor, const CaseRef& ref,
                                   Date on, Timestamp now);
Result<ActionResult> RecordFeeLapsed(const Services& s, const Actor& actor, const CaseRef& ref,
                                     Date on, Timestamp now);
// 答复 (reviewer only): an answer outcome (IsAnswerOutcome), the officer's text, optionally a
// legal basis replacing the outcome's default. Produces a 答复书 with the legal basis and the
// 救济途径 sentence.
Result<ActionResult> Answer(const Services& s, const Actor& actor, const CaseRef& ref,
                            Outcome outcome, const std::string& answer_text,
                            const std::string& legal_basis, Date on, const std::string& addressee,
                            Timestamp now);
// 撤回 (handler): the applicant withdrew.
Result<ActionResult> Withdraw(const Services& s, const Actor& actor, const CaseRef& ref, Date on,
                              const std::string& note, Timestamp now);

// An answer file (handler): type checked by content, size limit, bytes stored by hash. Shown to
// the applicant on the track page.
Result<Attachment> AttachAnswerFile(const Services& s, const Actor& actor, const CaseRef& ref,
                                    const std::string& file_name, std::string_view bytes,
                                    Timestamp now);

struct DashboardRow {
  Application application;  // without applicant data
  std::string agency_name;
  ApplicationState state = ApplicationState::kInProgress;
  std::optional<Date> due;
  std::optional<int> working_days_left;
  bool due_soon = false;  // 0…5 working days left
  bool overdue = false;
  std::optional<Date> correction_notice_due;  // still within the 7-day limit for a 补正
  std::string problem;                        // a deadline that could not be computed, in Chinese
};

struct Dashboard {
  std::vector<DashboardRow> rows;  // open applications, most urgent first
  std::map<ApplicationState, int> by_state;
  int due_soon = 0;
  int overdue = 0;
  int correction_notices_due = 0;
};

// The open applications of `agency_id` (or, empty, of every agency the actor may read — a
// supervisor's group) with days left computed from events + calendar. kForbidden for the public
// or an agency the actor cannot read.
Result<Dashboard> LoadDashboard(const Services& s, const Actor& actor,
                                std::optional<int64_t> agency_id, Date today);

// The audit log of an agency, newest first (admins of the agency). kForbidden otherwise.
Result<std::vector<AuditRecord>> ListAudit(const Services& s, const Actor& actor, int64_t agency_id,
                                           int64_t before_id, int limit);

}  // namespace gongkai::app
