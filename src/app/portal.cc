#include "app/portal.h"

#include <algorithm>

#include "app/new_application.h"
#include "app/notices.h"
#include "core/application/deadline.h"

namespace gongkai::app {
namespace {

constexpr char kTrackRefused[] = "查询码或查询密码不正确";

std::string TimelineLabel(const ApplicationEvent& e) {
  if (e.kind == EventKind::kAnswered && e.outcome) {
    return "答复：" + std::string(ToChinese(*e.outcome));
  }
  return std::string(ToChinese(e.kind));
}

}  // namespace

std::string NewTrackingCode() { return RandomFromAlphabet(12, kCodeAlphabet); }

std::string NormalizeCode(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::string GroupCode(std::string_view code) {
  std::string out;
  for (size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += code[i];
  }
  return out;
}

Result<SubmitOutcome> SubmitApplication(const Services& s, const SubmitRequest& req,
                                        const std::string& client_ip, Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(InitCrypto());
  GONGKAI_RETURN_IF_ERROR(CheckIdempotencyKey(req.idempotency_key));
  Result<Agency> agency = s.repo->FindAgency(req.agency_slug);
  if (!agency.ok()) return agency.status();
  SubmitOutcome out;
  ParsedForm parsed = ParseApplicationForm(req.form);
  if (!parsed.form) {
    out.errors = std::move(parsed.errors);
    return out;
  }
  const Date today = now.ChinaDate();
  Application app;
  app.agency_id = agency->id;
  app.channel = Channel::kOnline;
  app.received_on = today;
  app.confirmed_on = today;
  app.applicant_name = "";  // in the encrypted blob only
  AuditRecord audit;
  audit.recorded_at = now;
  audit.actor = "public";
  audit.action = "application.submit";
  audit.client_ip = client_ip;
  audit.detail = "在线提交政府信息公开申请";
  Result<StoredApplication> stored =
      StoreNewApplication(s, *agency, app, *parsed.form, req.idempotency_key,
                          FormCanonical(req.form), today, std::move(audit));
  if (!stored.ok()) return stored.status();
  const CaseFile& file = stored->created.file;
  SubmitReceipt r;
  r.tracking_code = file.tracking_code;
  r.secret = stored->secret;
  r.register_no = file.application.number;
  r.agency_name = agency->name;
  r.received_on = file.application.received_on;
  Result<Deadline> stored_deadline =
      ComputeDeadline(DeadlineInputOf(file.application, today), *s.calendar, false);
  r.due = stored_deadline.ok() ? stored_deadline->due : stored->due;
  r.duplicate = !stored->created.created;
  out.receipt = std::move(r);
  return out;
}

// The case of (code, secret), or the one refusal for both a wrong code and a wrong secret.
static Result<CaseFile> Authorize(const Services& s, std::string_view code,
                                  std::string_view secret) {
  GONGKAI_RETURN_IF_ERROR(InitCrypto());
  const std::string c = NormalizeCode(code), sec = NormalizeCode(secret);
  const std::string given = HashHex(sec);
  Result<CaseFile> file = c.size() == 12 ? s.repo->FindCaseByTrackingCode(c)
                                         : Result<CaseFile>(NotFound(kTrackRefused));
  if (!file.ok()) {
    if (file.status().code() != ErrorCode::kNotFound) return file.status();
    (void)ConstantTimeEquals(given, HashHex("gongkai-no-such-code"));
    return NotFound(kTrackRefused);
  }
  if (file->secret_hash.empty() || !ConstantTimeEquals(given, file->secret_hash)) {
    return NotFound(kTrackRefused);
  }
  return file;
}

Result<TrackView> Track(const Services& s, std::string_view code, std::string_view secret,
                        Date today) {
  Result<CaseFile> file = Authorize(s, code, secret);
  if (!file.ok()) return file.status();
  const Application& app = file->application;
  Result<Agency> agency = s.repo->FindAgencyById(app.agency_id);
  if (!agency.ok()) return agency.status();
  TrackView v;
  v.tracking_code = file->tracking_code;
  v.agency_name = agency->name;
  v.register_no = app.number;
  v.description = app.content;
  v.channel = app.channel;
  v.received_on = app.StatutoryReceiptDate();
  Result<ApplicationState> state = ReplayEvents(app);
  if (!state.ok()) return state.status();
  v.state = *state;
  v.state_label = std::string(ToChinese(*state));
  v.closing = ClosingOf(app);
  if (!v.closing) {
    Result<Deadline> d = ComputeDeadline(DeadlineInputOf(app, today), *s.calendar, false);
    if (d.ok()) {
      v.due = d->due;
      v.overdue = today > d->due;
    }
  }
  v.timeline.push_back({app.received_on, "收到申请"});
  for (const ApplicationEvent& e : app.events) v.timeline.push_back({e.on, TimelineLabel(e)});
  for (const Notice& n : file->notices) {
    if (n.to_applicant) v.notices.push_back(n);
  }
  v.answer_files = file->attachments;
  return v;
}

Result<FileDownload> DownloadAnswerFile(const Services& s, std::string_view code,
                                        std::string_view secret, int64_t attachment_id) {
  Result<CaseFile> file = Authorize(s, code, secret);
  if (!file.ok()) return file.status();
  for (const Attachment& a : file->attachments) {
    if (a.id != attachment_id) continue;
    Result<std::string> bytes = s.files->Read(a.sha256);
    if (!bytes.ok()) return bytes.status();
    return FileDownload{a, std::move(bytes).value()};
  }
  return NotFound("未找到附件（编号 " + std::to_string(attachment_id) + "）");
}

}  // namespace gongkai::app
