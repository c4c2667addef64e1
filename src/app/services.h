// What every use case needs, assembled once by a front door (serve, CLI) and passed by
// reference: the repository (one per thread: it is not thread-safe), the working-day calendar,
// the applicant-data cipher, the attachment files, the notice wording and the security policy.
// Time is never read here: every use case takes `now` from its caller.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "app/attachment_store.h"
#include "app/crypto.h"
#include "app/notice_templates.h"
#include "app/pii.h"
#include "core/calendar/work_calendar.h"
#include "core/repository.h"

namespace gongkai::app {

struct SecurityPolicy {
  // Lockout: after `max_failed_logins` failures within `failure_window_seconds` the account is
  // refused for `lockout_seconds`, even with the right password.
  int max_failed_logins = 5;
  int64_t failure_window_seconds = 15 * 60;
  int64_t lockout_seconds = 15 * 60;
  // Sessions end `session_idle_seconds` after the last request, and `session_absolute_seconds`
  // after login whatever happens.
  int64_t session_idle_seconds = 30 * 60;
  int64_t session_absolute_seconds = 12 * 3600;
  // argon2id cost (crypto_pwhash_str): OPSLIMIT/MEMLIMIT_INTERACTIVE in production.
  uint64_t pwhash_opslimit = kPwhashOpsInteractive;
  size_t pwhash_memlimit = kPwhashMemInteractive;
  // Largest attachment accepted.
  int64_t max_attachment_bytes = 20 * 1024 * 1024;
};

struct Services {
  Repository* repo = nullptr;
  const WorkCalendar* calendar = nullptr;
  const PiiCipher* pii = nullptr;
  const AttachmentStore* files = nullptr;
  const NoticeTemplates* notices = nullptr;
  SecurityPolicy policy;
  // Draws a tracking code (tests replace it to force a collision); empty = NewTrackingCode.
  std::function<std::string()> tracking_codes;
};

}  // namespace gongkai::app
