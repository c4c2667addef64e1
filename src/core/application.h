// Application (依申请公开申请): a request for government information, with its append-only
// event history. Current state, due date, days left and "overdue" are derived from the events
// (application/state.h, application/deadline.h), never stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/outcome.h"

namespace gongkai {

// 申请渠道. The 2008-era table counts 当面/传真/网络/信函 (both kinds of post are 信函).
enum class Channel {
  kInPerson,      // 当面 — clock starts on the day of submission
  kPostSigned,    // 信函（签收）— the day the agency signs for it
  kPostOrdinary,  // 平信 — the day the office confirms with the applicant (Reg2019 Art. 31)
  kOnline,        // 网络（在线表单、电子邮件）— the day both parties confirm
  kFax,           // 传真 — the day both parties confirm
};

// 申请人类型 — the columns of table 三 (2019/2021 formats).
enum class ApplicantType {
  kNaturalPerson,        // 自然人
  kCommercialEnterprise, // 法人或其他组织 / 商业企业
  kResearchInstitution,  // 科研机构
  kSocialWelfareOrg,     // 社会公益组织
  kLegalServiceOrg,      // 法律服务机构
  kOtherOrg,             // 其他
};

// Which regulation governs the case: by statutory receipt date unless overridden.
enum class RuleSet { k2008, k2019 };

enum class EventKind {
  kCorrectionRequested,   // 补正告知 sent (Art. 30; within 7 working days of receipt)
  kCorrectionReceived,    // corrected application arrived — the answer period restarts
  kCorrectionLapsed,      // no correction by the deadline — deemed withdrawn (closes)
  kConsultationStarted,   // 征求第三方/其他机关意见 — the clock pauses (Art. 32–34)
  kConsultationEnded,     // reply received or window lapsed — the clock resumes
  kExtensionApproved,     // 延期 approved (≤ 15 / 20 working days; Art. 24 / Art. 33)
  kFeeNotified,           // 收费通知 (信息处理费, Reg2019 Art. 42)
  kFeePaid,
  kFeeLapsed,             // unpaid within 20 working days — treated as withdrawn (closes)
  kAnswered,              // 答复 with an Outcome (closes)
  kWithdrawn,             // applicant withdrew (closes)
};

enum class ConsultationParty { kThirdParty, kOtherAgency };  // 第三方 / 其他行政机关

struct ApplicationEvent {
  EventKind kind = EventKind::kAnswered;
  Date on;                                   // the legal date of the event
  std::optional<Outcome> outcome;            // REQUIRED for kAnswered, absent otherwise
  int extension_days = 0;                    // kExtensionApproved: working days granted
  std::optional<ConsultationParty> party;    // kConsultationStarted
  int64_t fee_fen = 0;                       // kFeeNotified / kFeePaid: amount in 分
  std::string note;                          // free text (e.g. the 补正 items, the ground)
  std::string actor;                         // who recorded it (login or "import")

  friend bool operator==(const ApplicationEvent&, const ApplicationEvent&) = default;
};

struct Application {
  int64_t id = 0;
  int64_t agency_id = 0;
  std::string number;          // the agency's register number (登记编号), unique per agency
  Channel channel = Channel::kInPerson;
  Date received_on;            // physical arrival
  std::optional<Date> confirmed_on;  // confirmation with the applicant (平信/网络/传真)
  ApplicantType applicant_type = ApplicantType::kNaturalPerson;
  std::string applicant_name;  // personal data: never on public pages
  std::string content;         // 申请内容描述
  std::optional<RuleSet> rules_override;  // an administrator's choice, audited
  std::vector<ApplicationEvent> events;   // in order of occurrence

  // 收到申请之日 per channel (Reg2019 Art. 31; 207号 for Reg2008): received_on for in-person
  // and signed post; confirmed_on (default received_on) for ordinary post, online and fax.
  Date StatutoryReceiptDate() const;
  // The rule set in force: override, else k2019 from 2019-05-15 on, else k2008.
  RuleSet Rules() const;

  friend bool operator==(const Application&, const Application&) = default;
};

// How an application ended, derived from its closing event.
struct Closing {
  Date on;
  Outcome outcome;
};

std::string_view ToCode(Channel c);         // "in_person", "post_signed", "post_ordinary", "online", "fax"
std::string_view ToChinese(Channel c);      // "当面", "信函（签收）", "平信", "网络", "传真"
std::optional<Channel> ChannelFromCode(std::string_view code);
std::string_view ToCode(ApplicantType t);   // "natural_person", "commercial_enterprise",
                                            // "research_institution", "social_welfare_org",
                                            // "legal_service_org", "other_org"
std::string_view ToChinese(ApplicantType t);
std::optional<ApplicantType> ApplicantTypeFromCode(std::string_view code);
std::string_view ToCode(EventKind k);       // "correction_requested", … , "withdrawn"
std::string_view ToChinese(EventKind k);
std::optional<EventKind> EventKindFromCode(std::string_view code);
std::string_view ToCode(RuleSet r);         // "2008", "2019"
std::optional<RuleSet> RuleSetFromCode(std::string_view code);
std::string_view ToCode(ConsultationParty p);  // "third_party", "other_agency"
std::optional<ConsultationParty> ConsultationPartyFromCode(std::string_view code);

// The date Reg2019 took effect.
inline Date Reg2019EffectiveDate() { return Date::FromYmd(2019, 5, 15); }

}  // namespace gongkai
