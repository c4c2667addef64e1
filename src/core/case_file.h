// What the store keeps of an application beyond core/application.h: the tracking code and the
// hash of its secret, the encrypted applicant data, the form and delivery asked for, the notices
// and attachments — and the requests that create and change it. Used through the Repository
// (core/repository.h) by the use cases in app/cases.h.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/application.h"
#include "core/application/applicant.h"
#include "core/application/notice.h"
#include "core/audit.h"
#include "core/catalog/attachment.h"
#include "core/status.h"

namespace gongkai {

// Applicant data encrypted with libsodium secretbox (app/pii.h), both parts base64 text. The
// store never sees the plaintext.
struct SealedPii {
  std::string nonce;
  std::string ciphertext;

  friend bool operator==(const SealedPii&, const SealedPii&) = default;
};

// A handler's request to extend the answer period (延期申请), for a reviewer to approve
// (Reg2019 Art. 33 para 2: approval by the head of the 公开工作机构).
struct ExtensionRequest {
  int64_t id = 0;
  int64_t agency_id = 0;
  int64_t application_id = 0;
  int days = 0;
  std::string reason;
  std::string actor;
  std::string client_ip;
  Timestamp requested_at;
};

struct CaseFile {
  Application application;  // with its events
  std::optional<SealedPii> pii;
  std::string tracking_code;  // empty for imported applications
  std::string secret_hash;    // hex BLAKE2b-256 of the secret; empty without a tracking code
  std::optional<InformationForm> info_form;
  std::optional<DeliveryMethod> delivery;
  std::vector<std::string> event_client_ips;         // parallel to application.events
  std::vector<Notice> notices;                       // in order of issue
  std::vector<Attachment> attachments;               // answer files, in order of upload
  std::vector<ExtensionRequest> extension_requests;  // in order of request
};

// A notice to store with a change; the store allocates its number in the same transaction
// (per agency, year of issued_on, kind) and formats it with `prefix`.
struct NoticeDraft {
  NoticeKind kind = NoticeKind::kAcceptance;
  std::string prefix;  // 文书字号前缀
  Date issued_on;
  std::string title;
  std::string addressee;
  std::vector<std::string> paragraphs;
  std::string signature;
  bool to_applicant = true;
  std::optional<Outcome> outcome;
};

struct NewApplication {
  // agency_id, channel, received_on, confirmed_on, applicant_type, applicant_name (empty for
  // online applications: the name is in `pii`), content, rules_override. `number` empty = the
  // store allocates "YYYY-NNNN" (year of received_on, per agency, never reused); events ignored.
  Application application;
  std::optional<SealedPii> pii;
  std::string tracking_code;  // unique across the deployment
  std::string secret_hash;
  std::string idempotency_key;   // empty = none; else unique per agency
  std::string form_fingerprint;  // hash of the submitted form, compared on a replayed key
  std::optional<InformationForm> info_form;
  std::optional<DeliveryMethod> delivery;
  // Called inside the transaction with the stored application (id and number set) to produce
  // the notice issued on registration, if any.
  std::function<Result<std::optional<NoticeDraft>>(const Application&)> notice;
  AuditRecord audit;  // detail may name the number: the store appends it
};

struct CreatedApplication {
  CaseFile file;
  bool created = true;  // false: the idempotency key was seen before; `file` is that application
};

// One more event for an application. `expected_events` is the number of events the caller saw
// when it checked the transition: if another change came first the store refuses (kConflict).
struct EventAppend {
  int64_t agency_id = 0;
  int64_t application_id = 0;
  int expected_events = 0;
  ApplicationEvent event;
  std::string client_ip;
  std::optional<NoticeDraft> notice;
  AuditRecord audit;
};

struct AppendedEvent {
  int seq = 0;                   // 1-based position of the event
  std::optional<Notice> notice;  // as stored, with its number
};

}  // namespace gongkai
