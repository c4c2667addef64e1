// What online submission (portal.cc) and registration in the console (cases.cc) share when they
// store a new application: the idempotency of a form's nonce (a double submit finds the first
// application and shows the same secret), and the insert retried for a taken tracking code.
#pragma once

#include <string>
#include <string_view>

#include "app/services.h"
#include "core/agency.h"
#include "core/application/applicant.h"
#include "core/case_file.h"
#include "core/status.h"

namespace gongkai::app {

// kInvalidInput "表单标识无效…" unless `key` is empty or 16–128 characters of UTF-8.
Status CheckIdempotencyKey(std::string_view key);

// Sets na.idempotency_key, na.form_fingerprint (a keyed hash of `fingerprint_text`, so a replay
// with other content is told apart) and na.secret_hash, and returns the secret: derived from
// the key when there is one (only the server's key can derive it, and a replay derives the
// same), random otherwise.
std::string PrepareSecret(const Services& s, int64_t agency_id, std::string_view key,
                          const std::string& fingerprint_text, NewApplication& na);

// The text a form's fingerprint is computed from: every field in a fixed order.
std::string FormCanonical(const ApplicationFormInput& form);

// Repository::CreateApplication with a fresh tracking code for each attempt (up to 5): again
// when the code is taken, and once more when a concurrent replay of the same key lost the
// race (PostgreSQL refuses the second insert), so that it finds the first. Then checks that a
// replay's stored secret is the one `secret` (kInternal otherwise).
Result<CreatedApplication> CreateApplicationOnce(const Services& s, NewApplication& na,
                                                 const std::string& secret);

struct StoredApplication {
  CreatedApplication created;
  std::string secret;  // for the receipt (the same on a replay of the same key)
  Date due;            // the due date computed for `app` when it was stored
};

// Stores a new application from a parsed form — the one path of online submission and of
// registration in the console: `app` (agency, channel, number, dates already set) gets the
// form's applicant type and description, its due date, the applicant's data sealed, the form
// and delivery, a secret (PrepareSecret over `fingerprint_text`), the 受理告知书 issued with it,
// and `audit`; then CreateApplicationOnce.
Result<StoredApplication> StoreNewApplication(const Services& s, const Agency& agency,
                                              Application app, const ApplicationForm& form,
                                              std::string_view idempotency_key,
                                              const std::string& fingerprint_text, Date today,
                                              AuditRecord audit);

}  // namespace gongkai::app
