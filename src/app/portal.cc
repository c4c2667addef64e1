#include "app/portal.h"

#include <algorithm>

#include "app/notices.h"
#include "core/application/deadline.h"

namespace gongkai::app {
namespace {

constexpr char kTrackRefused[] = "查询码或查询密码不正确";

std::string Canonical(const ApplicationFormInput& f) {
  std::string out;
  for (const std::string* v :
       {&f.applicant_type, &f.name, &f.id_type, &f.id_number, &f.legal_representative, &f.phone,
        &f.email, &f.address, &f.postal_code, &f.description, &f.purpose, &f.form, &f.delivery}) {
    out += *v;
    out += '\x1f';
  }
  return out;
}

// A secret drawn from the code alphabet: random, or derived from the idempotency key (so a
// replay shows the same secret; only the server's key can derive it).
std::string SecretFrom(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size() && out.size() < 16; i += 2) {
    const int byte = std::stoi(hex.substr(i, 2), nullptr, 16);
    out += kCodeAlphabet[byte % kCodeAlphabet.size()];
  }
  return out;
}

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
  if (!req.idempotency_key.empty() &&
      (req.idempotency_key.size() < 16 || req.idempotency_key.size() > 128 ||
       !IsWellFormedUtf8(req.idempotency_key))) {
    return InvalidInput("表单标识无效，请重新打开申请表");
  }
  Result<Agency> agency = s.repo->FindAgency(req.agency_slug);
  if (!agency.ok()) return agency.status();
  SubmitOutcome out;
  ParsedForm parsed = ParseApplicationForm(req.form);
  if (!parsed.form) {
    out.errors = std::move(parsed.errors);
    return out;
  }
  const ApplicationForm& form = *parsed.form;
  const Date today = now.ChinaDate();

  Application app;
  app.agency_id = agency->id;
  app.channel = Channel::kOnline;
  app.received_on = today;
  app.confirmed_on = today;
  app.applicant_type = form.applicant_type;
  app.applicant_name = "";  // in the encrypted blob only
  app.content = form.description;
  Result<Deadline> deadline = ComputeDeadline(DeadlineInputOf(app, today), *s.calendar, false);
  if (!deadline.ok()) return deadline.status();

  Result<SealedPii> sealed = s.pii->Seal(form.applicant);
  if (!sealed.ok()) return sealed.status();
  Result<std::string> prefix = NoticePrefixOf(s, *agency);
  if (!prefix.ok()) return prefix.status();

  NewApplication na;
  na.application = app;
  na.pii = *sealed;
  na.info_form = form.form;
  na.delivery = form.delivery;
  na.idempotency_key = req.idempotency_key;
  std::string secret;
  if (!req.idempotency_key.empty()) {
    na.form_fingerprint = s.pii->Derive("form", Canonical(req.form));
    secret = SecretFrom(
        s.pii->Derive("secret", std::to_string(agency->id) + "\x1f" + req.idempotency_key));
  } else {
    secret = RandomFromAlphabet(16, kCodeAlphabet);
  }
  na.secret_hash = HashHex(secret);
  const Agency ag = *agency;
  const Date due = deadline->due;
  na.notice = [&](const Application& stored) -> Result<std::optional<NoticeDraft>> {
    NoticeValues v;
    v.text["due_date"] = due.ToChinese();
    Result<NoticeDraft> d = DraftNotice(s, NoticeKind::kAcceptance, ag, *prefix, stored,
                                        GroupCode(na.tracking_code), "", today, std::move(v));
    if (!d.ok()) return d.status();
    return std::optional<NoticeDraft>(std::move(d).value());
  };
  na.audit.recorded_at = now;
  na.audit.actor = "public";
  na.audit.action = "application.submit";
  na.audit.client_ip = client_ip;
  na.audit.detail = "在线提交政府信息公开申请";

  Result<CreatedApplication> created = Status(Internal("未执行"));
  for (int attempt = 0; attempt < 5; ++attempt) {
    na.tracking_code = s.tracking_codes ? s.tracking_codes() : NewTrackingCode();
    created = s.repo->CreateApplication(na);
    if (created.ok() || created.status().code() != ErrorCode::kConflict) break;
    const std::string& why = created.status().message();
    // A taken tracking code: draw another. A concurrent submit of the same nonce (PostgreSQL
    // refuses the second insert of the key): once more, to find the first one.
    const bool code_taken = why.find("查询码") != std::string::npos;
    const bool racing_replay =
        !req.idempotency_key.empty() && attempt == 0 && why.find("不一致") == std::string::npos;
    if (!code_taken && !racing_replay) break;
  }
  if (!created.ok()) return created.status();
  const CaseFile& file = created->file;
  if (!ConstantTimeEquals(HashHex(secret), file.secret_hash)) {
    return Internal("重复提交的查询密码与首次提交不一致");
  }
  SubmitReceipt r;
  r.tracking_code = file.tracking_code;
  r.secret = secret;
  r.register_no = file.application.number;
  r.agency_name = agency->name;
  r.received_on = file.application.received_on;
  Result<Deadline> stored_deadline =
      ComputeDeadline(DeadlineInputOf(file.application, today), *s.calendar, false);
  r.due = stored_deadline.ok() ? stored_deadline->due : due;
  r.duplicate = !created->created;
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
