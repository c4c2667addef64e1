// Notices (告知书、答复书): each step the law requires in writing produces a numbered notice —
// a record kept with the application (kind, number, date, text), shown to the applicant on the
// track page and rendered as HTML/PDF by the front doors. The wording comes from data templates
// (data/notices/*.txt, parsed here; reading the files is the caller's job).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/outcome.h"
#include "core/status.h"
#include "core/timestamp.h"

namespace gongkai {

enum class NoticeKind {
  kAcceptance,  // 政府信息公开申请受理告知书 — on registration (Art. 31 receipt confirmed)
  kCorrection,    // 政府信息公开申请补正告知书 (Art. 30)
  kExtension,     // 延期答复告知书 (Art. 33 para 2)
  kConsultation,  // 征求意见函 (Art. 32 / 34) — addressed to the third party or agency
  kFee,           // 信息处理费缴费通知书 (Art. 42, Fee2020)
  kAnswer,        // 政府信息公开申请答复书 (Art. 36–39), one per outcome type
};

std::string_view ToCode(NoticeKind k);  // "acceptance", "correction", "extension",
                                        // "consultation", "fee", "answer"
std::optional<NoticeKind> NoticeKindFromCode(std::string_view code);
// The one-character mark in the notice number: 受 补 延 征 费 答.
std::string_view NumberMark(NoticeKind k);

// "东湖政办" + 补 + "〔2026〕3号". Numbers run per agency, per year and per kind from 1.
std::string FormatNoticeNumber(std::string_view prefix, NoticeKind kind, int year, int seq);

struct Notice {
  int64_t id = 0;
  int64_t agency_id = 0;
  int64_t application_id = 0;
  NoticeKind kind = NoticeKind::kAcceptance;
  int year = 0;        // of issued_on
  int seq = 0;         // per agency, year and kind
  std::string number;  // FormatNoticeNumber(...)
  Date issued_on;
  std::string title;                    // e.g. "政府信息公开申请补正告知书"
  std::string addressee;                // "申请人" unless the officer filled a name
  std::vector<std::string> paragraphs;  // the body, one paragraph each, without newlines
  std::string signature;                // the issuing agency's name
  bool to_applicant = true;             // false for a consultation letter to a third party
  std::optional<Outcome> outcome;       // kAnswer: the outcome answered
  int event_seq = 0;                    // the event it belongs to (0 = registration)
  std::string actor;
  Timestamp created_at;
};

// A parsed notice template:
//   # comment
//   title = 政府信息公开申请补正告知书
//   to_applicant = yes
//   ---
//   {addressee}：
//   （blank line separates paragraphs; lines of one paragraph are joined）
//   {items}            ← a paragraph that is exactly one list placeholder expands into one
//                        paragraph per list element
// Placeholders are {name} with name in [a-z_]+.
struct NoticeTemplate {
  std::string title;
  bool to_applicant = true;
  std::vector<std::string> paragraphs;  // with placeholders
};

// Parses template text. kInvalidInput naming `source` and the line on a missing title, a
// missing "---", an unknown header key or an unclosed placeholder.
Result<NoticeTemplate> ParseNoticeTemplate(std::string_view text, std::string_view source);

// The placeholder names a template uses, sorted.
std::vector<std::string> PlaceholdersOf(const NoticeTemplate& t);

struct NoticeValues {
  std::map<std::string, std::string> text;                // {name} → value
  std::map<std::string, std::vector<std::string>> lists;  // {name} alone in a paragraph → items
};

struct RenderedNotice {
  std::string title;
  bool to_applicant = true;
  std::vector<std::string> paragraphs;
};

// Fills the placeholders. A paragraph that is exactly one list placeholder becomes one
// paragraph per item (none if the list is empty). kInvalidInput naming the placeholder when a
// value is missing. Values are inserted as given (escaping is the renderer's job); newlines
// inside values become spaces so a paragraph stays one line.
Result<RenderedNotice> RenderNotice(const NoticeTemplate& t, const NoticeValues& values);

// The 救济途径 sentence every answer ends with (Reg2019 Art. 51; 行政复议法 60 days,
// 行政诉讼法 6 months).
std::string_view RemedySentence();

}  // namespace gongkai
