// The public side of applications: applying online (Reg2019 Art. 29, 31) and tracking an
// application with its code and secret. The actor is always the public; the applicant's
// identity never appears in what these return.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/services.h"
#include "core/application/applicant.h"
#include "core/application/state.h"
#include "core/case_file.h"

namespace gongkai::app {

// 12 characters from "23456789ABCDEFGHJKLMNPQRSTUVWXYZ" (no 0/O/1/I): 60 bits, unique (the
// store refuses a taken one and a new one is drawn).
inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
std::string NewTrackingCode();
// Upper-cases and drops spaces and '-' (codes and secrets may be typed grouped, "ABCD-EFGH").
std::string NormalizeCode(std::string_view typed);
// "ABCD-EFGH-JKLM": groups of four for display.
std::string GroupCode(std::string_view code);

struct SubmitRequest {
  std::string agency_slug;
  ApplicationFormInput form;
  // The form's nonce (≥ 16 characters, issued with the form): a double submit with the same
  // nonce and the same content returns the first application (and the same secret) instead of
  // creating a second. Empty = no idempotency.
  std::string idempotency_key;
};

struct SubmitReceipt {
  std::string tracking_code;  // 12 characters
  std::string secret;         // 16 characters; shown once, only its hash is stored
  std::string register_no;    // e.g. "2026-0001"
  std::string agency_name;
  Date received_on;        // = confirmed_on: the platform confirms receipt at once (Art. 31)
  Date due;                // the statutory answer date
  bool duplicate = false;  // a replayed submission: the first application's receipt
};

struct SubmitOutcome {
  std::optional<SubmitReceipt> receipt;
  std::vector<FieldError> errors;  // form problems (then no receipt)
};

// Records an online application of the public: channel 网络, received_on = confirmed_on =
// now.ChinaDate() (the platform confirms receipt immediately — Art. 31's 双方确认之日 is the
// day of submission), the applicant's details encrypted, a tracking code and secret, a register
// number, a 受理告知书, an audit entry. Errors: kNotFound for an unknown agency; kInvalidInput
// for an idempotency key shorter than 16 characters; kConflict for a replayed key with
// different content; kOutOfCalendar if today is beyond the calendar.
Result<SubmitOutcome> SubmitApplication(const Services& s, const SubmitRequest& request,
                                        const std::string& client_ip, Timestamp now);

struct TimelineEntry {
  Date on;
  std::string label;  // e.g. "补正告知", "答复：部分公开" — no notes, no names
};

struct TrackView {
  std::string tracking_code;
  std::string agency_name;
  std::string register_no;
  std::string description;
  Channel channel = Channel::kOnline;
  Date received_on;
  ApplicationState state = ApplicationState::kInProgress;
  std::string state_label;  // e.g. "办理中"
  std::optional<Date> due;  // while open
  bool overdue = false;
  std::optional<Closing> closing;
  std::vector<TimelineEntry> timeline;
  std::vector<Notice> notices;  // those addressed to the applicant
  std::vector<Attachment> answer_files;
};

// The applicant's view of an application. Only with the right code AND secret; a wrong code
// and a wrong secret give the same kNotFound "查询码或查询密码不正确" (the secret is compared in
// constant time, and a hash comparison runs for an unknown code too).
Result<TrackView> Track(const Services& s, std::string_view code, std::string_view secret,
                        Date today);

struct FileDownload {
  Attachment meta;
  std::string bytes;
};

// An answer file of the tracked application (same checks as Track). kNotFound for a file of
// another application; kStorage if the file on disk is corrupt.
Result<FileDownload> DownloadAnswerFile(const Services& s, std::string_view code,
                                        std::string_view secret, int64_t attachment_id);

}  // namespace gongkai::app
