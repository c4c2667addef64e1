#include "app/new_application.h"

#include "app/crypto.h"
#include "app/notices.h"
#include "core/application/deadline.h"
#include "app/portal.h"

namespace gongkai::app {
namespace {

// A secret drawn from the code alphabet from hex digits of a keyed hash.
std::string SecretFrom(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size() && out.size() < 16; i += 2) {
    const int byte = std::stoi(hex.substr(i, 2), nullptr, 16);
    out += kCodeAlphabet[byte % kCodeAlphabet.size()];
  }
  return out;
}

}  // namespace

Status CheckIdempotencyKey(std::string_view key) {
  if (!key.empty() && (key.size() < 16 || key.size() > 128 || !IsWellFormedUtf8(key))) {
    return InvalidInput("表单标识无效，请重新打开申请表");
  }
  return Status::Ok();
}

std::string FormCanonical(const ApplicationFormInput& f) {
  std::string out;
  for (const std::string* v :
       {&f.applicant_type, &f.name, &f.id_type, &f.id_number, &f.legal_representative, &f.phone,
        &f.email, &f.address, &f.postal_code, &f.description, &f.purpose, &f.form, &f.delivery}) {
    out += *v;
    out += '\x1f';
  }
  return out;
}

std::string PrepareSecret(const Services& s, int64_t agency_id, std::string_view key,
                          const std::string& fingerprint_text, NewApplication& na) {
  std::string secret;
  na.idempotency_key = std::string(key);
  if (!key.empty()) {
    na.form_fingerprint = s.pii->Derive("form", fingerprint_text);
    secret = SecretFrom(
        s.pii->Derive("secret", std::to_string(agency_id) + "\x1f" + std::string(key)));
  } else {
    secret = RandomFromAlphabet(16, kCodeAlphabet);
  }
  na.secret_hash = HashHex(secret);
  return secret;
}

Result<CreatedApplication> CreateApplicationOnce(const Services& s, NewApplication& na,
                                                 const std::string& secret) {
  Result<CreatedApplication> created = Status(Internal("未执行"));
  for (int attempt = 0; attempt < 5; ++attempt) {
    na.tracking_code = s.tracking_codes ? s.tracking_codes() : NewTrackingCode();
    created = s.repo->CreateApplication(na);
    if (created.ok() || created.status().code() != ErrorCode::kConflict) break;
    const std::string& why = created.status().message();
    // A taken tracking code: draw another. A concurrent submit of the same nonce: once more, to
    // find the first one.
    const bool code_taken = why.find("查询码") != std::string::npos;
    const bool racing_replay =
        !na.idempotency_key.empty() && attempt == 0 && why.find("不一致") == std::string::npos;
    if (!code_taken && !racing_replay) break;
  }
  if (!created.ok()) return created.status();
  if (!ConstantTimeEquals(HashHex(secret), created->file.secret_hash)) {
    return Internal("重复提交的查询密码与首次提交不一致");
  }
  return created;
}

Result<StoredApplication> StoreNewApplication(const Services& s, const Agency& agency,
                                              Application app, const ApplicationForm& form,
                                              std::string_view idempotency_key,
                                              const std::string& fingerprint_text, Date today,
                                              AuditRecord audit) {
  app.applicant_type = form.applicant_type;
  app.content = form.description;
  Result<Deadline> deadline = ComputeDeadline(DeadlineInputOf(app, today), *s.calendar, false);
  if (!deadline.ok()) return deadline.status();
  Result<SealedPii> sealed = s.pii->Seal(form.applicant);
  if (!sealed.ok()) return sealed.status();
  Result<std::string> prefix = NoticePrefixOf(s, agency);
  if (!prefix.ok()) return prefix.status();

  NewApplication na;
  na.application = app;
  na.pii = *sealed;
  na.info_form = form.form;
  na.delivery = form.delivery;
  StoredApplication out;
  out.secret = PrepareSecret(s, agency.id, idempotency_key, fingerprint_text, na);
  out.due = deadline->due;
  na.notice = [&](const Application& stored) -> Result<std::optional<NoticeDraft>> {
    NoticeValues v;
    v.text["due_date"] = out.due.ToChinese();
    Result<NoticeDraft> d = DraftNotice(s, NoticeKind::kAcceptance, agency, *prefix, stored,
                                        GroupCode(na.tracking_code), "", today, std::move(v));
    if (!d.ok()) return d.status();
    return std::optional<NoticeDraft>(std::move(d).value());
  };
  na.audit = std::move(audit);
  Result<CreatedApplication> created = CreateApplicationOnce(s, na, out.secret);
  if (!created.ok()) return created.status();
  out.created = std::move(created).value();
  return out;
}

}  // namespace gongkai::app
