// The stable codes (used in JSON, CSV, SQL and URLs) and Chinese labels of the core enums.
#include <array>
#include <string_view>
#include <utility>

#include "core/application.h"
#include "core/catalog_item.h"
#include "core/outcome.h"
#include "core/oversight.h"
#include "core/response.h"

namespace gongkai {
namespace {

template <typename E>
struct Row {
  E value;
  std::string_view code;
  std::string_view chinese;
};

template <typename E, size_t N>
struct EnumTable {
  std::array<Row<E>, N> rows;

  std::string_view Code(E e) const {
    for (const auto& [v, code, zh] : rows) {
      if (v == e) return code;
    }
    return "?";
  }
  std::string_view Chinese(E e) const {
    for (const auto& [v, code, zh] : rows) {
      if (v == e) return zh;
    }
    return "?";
  }
  std::optional<E> FromCode(std::string_view c) const {
    for (const auto& [v, code, zh] : rows) {
      if (code == c) return v;
    }
    return std::nullopt;
  }
};

template <typename E, typename... Rows>
constexpr auto MakeTable(Rows... rows) {
  return EnumTable<E, sizeof...(Rows)>{{rows...}};
}

constexpr auto kOutcomes = MakeTable<Outcome>(
    Row<Outcome>{Outcome::kAlreadyPublished, "already_published", "属于已主动公开范围"},
    Row<Outcome>{Outcome::kDisclosed, "disclosed", "予以公开"},
    Row<Outcome>{Outcome::kPartiallyDisclosed, "partially_disclosed", "部分公开"},
    Row<Outcome>{Outcome::kRefusedStateSecret, "refused_state_secret", "不予公开：属于国家秘密"},
    Row<Outcome>{Outcome::kRefusedLawProhibits, "refused_law_prohibits",
                 "不予公开：其他法律行政法规禁止公开"},
    Row<Outcome>{Outcome::kRefusedThreeSecurities, "refused_three_securities",
                 "不予公开：危及“三安全一稳定”"},
    Row<Outcome>{Outcome::kRefusedTradeSecret, "refused_trade_secret",
                 "不予公开：保护第三方合法权益（商业秘密）"},
    Row<Outcome>{Outcome::kRefusedPrivacy, "refused_privacy",
                 "不予公开：保护第三方合法权益（个人隐私）"},
    Row<Outcome>{Outcome::kRefusedInternalAffairs, "refused_internal_affairs",
                 "不予公开：属于三类内部事务信息"},
    Row<Outcome>{Outcome::kRefusedProcessInfo, "refused_process_info",
                 "不予公开：属于四类过程性信息"},
    Row<Outcome>{Outcome::kRefusedEnforcementFile, "refused_enforcement_file",
                 "不予公开：属于行政执法案卷"},
    Row<Outcome>{Outcome::kRefusedAdministrativeQuery, "refused_administrative_query",
                 "不予公开：属于行政查询事项"},
    Row<Outcome>{Outcome::kNotHeld, "not_held", "无法提供：本机关不掌握相关政府信息"},
    Row<Outcome>{Outcome::kNotThisAgency, "not_this_agency", "不属于本机关公开"},
    Row<Outcome>{Outcome::kNeedsCreation, "needs_creation", "无法提供：没有现成信息需要另行制作"},
    Row<Outcome>{Outcome::kUnclearAfterCorrection, "unclear_after_correction",
                 "无法提供：补正后申请内容仍不明确"},
    Row<Outcome>{Outcome::kPetitionComplaint, "petition_complaint", "不予处理：信访举报投诉类申请"},
    Row<Outcome>{Outcome::kRepeatApplication, "repeat_application", "不予处理：重复申请"},
    Row<Outcome>{Outcome::kPublication, "publication", "不予处理：要求提供公开出版物"},
    Row<Outcome>{Outcome::kExcessiveRequests, "excessive_requests",
                 "不予处理：无正当理由大量反复申请"},
    Row<Outcome>{Outcome::kConfirmOrReissue, "confirm_or_reissue",
                 "不予处理：要求行政机关确认或重新出具已获取信息"},
    Row<Outcome>{Outcome::kCorrectionLapsed, "correction_lapsed", "申请人无正当理由逾期不补正"},
    Row<Outcome>{Outcome::kFeeLapsed, "fee_lapsed", "申请人逾期未按收费通知要求缴纳费用"},
    Row<Outcome>{Outcome::kWithdrawn, "withdrawn", "申请人撤回申请"},
    Row<Outcome>{Outcome::kSpecialProcedure, "special_procedure",
                 "告知按工商、不动产登记资料等有关规定办理"},
    Row<Outcome>{Outcome::kOther, "other", "其他处理"});

constexpr auto kChannels = MakeTable<Channel>(
    Row<Channel>{Channel::kInPerson, "in_person", "当面"},
    Row<Channel>{Channel::kPostSigned, "post_signed", "信函（签收）"},
    Row<Channel>{Channel::kPostOrdinary, "post_ordinary", "平信"},
    Row<Channel>{Channel::kOnline, "online", "网络"},
    Row<Channel>{Channel::kFax, "fax", "传真"});

constexpr auto kApplicantTypes = MakeTable<ApplicantType>(
    Row<ApplicantType>{ApplicantType::kNaturalPerson, "natural_person", "自然人"},
    Row<ApplicantType>{ApplicantType::kCommercialEnterprise, "commercial_enterprise", "商业企业"},
    Row<ApplicantType>{ApplicantType::kResearchInstitution, "research_institution", "科研机构"},
    Row<ApplicantType>{ApplicantType::kSocialWelfareOrg, "social_welfare_org", "社会公益组织"},
    Row<ApplicantType>{ApplicantType::kLegalServiceOrg, "legal_service_org", "法律服务机构"},
    Row<ApplicantType>{ApplicantType::kOtherOrg, "other_org", "其他组织"});

constexpr auto kEventKinds = MakeTable<EventKind>(
    Row<EventKind>{EventKind::kCorrectionRequested, "correction_requested", "告知补正"},
    Row<EventKind>{EventKind::kCorrectionReceived, "correction_received", "收到补正"},
    Row<EventKind>{EventKind::kCorrectionLapsed, "correction_lapsed", "逾期未补正"},
    Row<EventKind>{EventKind::kConsultationStarted, "consultation_started", "征求意见开始"},
    Row<EventKind>{EventKind::kConsultationEnded, "consultation_ended", "征求意见结束"},
    Row<EventKind>{EventKind::kExtensionApproved, "extension_approved", "批准延期"},
    Row<EventKind>{EventKind::kFeeNotified, "fee_notified", "发出收费通知"},
    Row<EventKind>{EventKind::kFeePaid, "fee_paid", "缴纳费用"},
    Row<EventKind>{EventKind::kFeeLapsed, "fee_lapsed", "逾期未缴费"},
    Row<EventKind>{EventKind::kAnswered, "answered", "答复"},
    Row<EventKind>{EventKind::kWithdrawn, "withdrawn", "撤回申请"});

constexpr auto kRuleSets = MakeTable<RuleSet>(Row<RuleSet>{RuleSet::k2008, "2008", "2008年条例"},
                                              Row<RuleSet>{RuleSet::k2019, "2019", "2019年条例"});

constexpr auto kParties = MakeTable<ConsultationParty>(
    Row<ConsultationParty>{ConsultationParty::kThirdParty, "third_party", "第三方"},
    Row<ConsultationParty>{ConsultationParty::kOtherAgency, "other_agency", "其他行政机关"});

constexpr auto kPubChannels = MakeTable<PublicationChannel>(
    Row<PublicationChannel>{PublicationChannel::kGazette, "gazette", "政府公报"},
    Row<PublicationChannel>{PublicationChannel::kWebsite, "website", "政府网站"},
    Row<PublicationChannel>{PublicationChannel::kWeibo, "weibo", "政务微博"},
    Row<PublicationChannel>{PublicationChannel::kWechat, "wechat", "政务微信"},
    Row<PublicationChannel>{PublicationChannel::kOther, "other", "其他方式"});

constexpr auto kValidity = MakeTable<Validity>(Row<Validity>{Validity::kValid, "valid", "有效"},
                                               Row<Validity>{Validity::kExpired, "expired", "失效"},
                                               Row<Validity>{Validity::kRepealed, "repealed", "废止"});

constexpr auto kCaseResults = MakeTable<CaseResult>(
    Row<CaseResult>{CaseResult::kUpheld, "upheld", "维持"},
    Row<CaseResult>{CaseResult::kCorrected, "corrected", "纠正"},
    Row<CaseResult>{CaseResult::kOther, "other", "其他"},
    Row<CaseResult>{CaseResult::kPending, "pending", "尚未审结"});

constexpr auto kResponseKinds = MakeTable<ResponseKind>(
    Row<ResponseKind>{ResponseKind::kPressConference, "press_conference", "新闻发布会"},
    Row<ResponseKind>{ResponseKind::kOnlineInterview, "online_interview", "在线访谈"},
    Row<ResponseKind>{ResponseKind::kInterpretation, "interpretation", "政策解读稿件"},
    Row<ResponseKind>{ResponseKind::kSocialMedia, "social_media", "微博微信回应"},
    Row<ResponseKind>{ResponseKind::kOther, "other", "其他方式回应"});

}  // namespace

const std::vector<Outcome>& AllOutcomes() {
  static const std::vector<Outcome> kAll = [] {
    std::vector<Outcome> v;
    for (const auto& r : kOutcomes.rows) v.push_back(r.value);
    return v;
  }();
  return kAll;
}
std::string_view ToCode(Outcome o) { return kOutcomes.Code(o); }
std::string_view ToChinese(Outcome o) { return kOutcomes.Chinese(o); }
std::optional<Outcome> OutcomeFromCode(std::string_view c) { return kOutcomes.FromCode(c); }
bool IsAnswerOutcome(Outcome o) {
  return o != Outcome::kCorrectionLapsed && o != Outcome::kFeeLapsed && o != Outcome::kWithdrawn;
}

std::string_view ToCode(Channel c) { return kChannels.Code(c); }
std::string_view ToChinese(Channel c) { return kChannels.Chinese(c); }
std::optional<Channel> ChannelFromCode(std::string_view c) { return kChannels.FromCode(c); }
std::string_view ToCode(ApplicantType t) { return kApplicantTypes.Code(t); }
std::string_view ToChinese(ApplicantType t) { return kApplicantTypes.Chinese(t); }
std::optional<ApplicantType> ApplicantTypeFromCode(std::string_view c) {
  return kApplicantTypes.FromCode(c);
}
std::string_view ToCode(EventKind k) { return kEventKinds.Code(k); }
std::string_view ToChinese(EventKind k) { return kEventKinds.Chinese(k); }
std::optional<EventKind> EventKindFromCode(std::string_view c) { return kEventKinds.FromCode(c); }
std::string_view ToCode(RuleSet r) { return kRuleSets.Code(r); }
std::optional<RuleSet> RuleSetFromCode(std::string_view c) { return kRuleSets.FromCode(c); }
std::string_view ToCode(ConsultationParty p) { return kParties.Code(p); }
std::optional<ConsultationParty> ConsultationPartyFromCode(std::string_view c) {
  return kParties.FromCode(c);
}
std::string_view ToCode(PublicationChannel c) { return kPubChannels.Code(c); }
std::string_view ToChinese(PublicationChannel c) { return kPubChannels.Chinese(c); }
std::optional<PublicationChannel> PublicationChannelFromCode(std::string_view c) {
  return kPubChannels.FromCode(c);
}
std::string_view ToCode(Validity v) { return kValidity.Code(v); }
std::string_view ToChinese(Validity v) { return kValidity.Chinese(v); }
std::optional<Validity> ValidityFromCode(std::string_view c) { return kValidity.FromCode(c); }
std::string_view ToCode(CaseResult r) { return kCaseResults.Code(r); }
std::string_view ToChinese(CaseResult r) { return kCaseResults.Chinese(r); }
std::optional<CaseResult> CaseResultFromCode(std::string_view c) { return kCaseResults.FromCode(c); }
std::string_view ToCode(ResponseKind k) { return kResponseKinds.Code(k); }
std::string_view ToChinese(ResponseKind k) { return kResponseKinds.Chinese(k); }
std::optional<ResponseKind> ResponseKindFromCode(std::string_view c) {
  return kResponseKinds.FromCode(c);
}

}  // namespace gongkai
