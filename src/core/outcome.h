// Outcome (办理结果): one closed taxonomy of how an application ends, fine enough to map onto
// the 2008-era rows (C3.1–C3.8, C3.4a–f) and the 2019/2021 rows (R3.1–R3.6.3). The mapping to
// report rows lives in the format data files (data/formats/*.json, key "outcomes"), not here.
// See regulation.md §2.5–2.6 for the legal basis of each.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace gongkai {

enum class Outcome {
  // 予以公开
  kAlreadyPublished,      // Reg2019 Art. 36(1) 已主动公开, told where to find it
  kDisclosed,             // Art. 36(2) 予以公开
  kPartiallyDisclosed,    // Art. 37 部分公开 (区分处理)
  // 不予公开, by ground (Art. 14–16)
  kRefusedStateSecret,        // 属于国家秘密
  kRefusedLawProhibits,       // 其他法律行政法规禁止公开
  kRefusedThreeSecurities,    // 危及"三安全一稳定"
  kRefusedTradeSecret,        // 保护第三方合法权益: 商业秘密
  kRefusedPrivacy,            // 保护第三方合法权益: 个人隐私
  kRefusedInternalAffairs,    // 属于三类内部事务信息
  kRefusedProcessInfo,        // 属于四类过程性信息
  kRefusedEnforcementFile,    // 属于行政执法案卷
  kRefusedAdministrativeQuery,// 属于行政查询事项
  // 无法提供
  kNotHeld,                   // Art. 36(4) 本机关不掌握 / 经检索没有
  kNotThisAgency,             // Art. 36(5) 不属于本机关负责公开
  kNeedsCreation,             // Art. 38 没有现成信息需要另行制作
  kUnclearAfterCorrection,    // Art. 30 补正后申请内容仍不明确
  // 不予处理
  kPetitionComplaint,         // Art. 39 信访举报投诉类申请
  kRepeatApplication,         // Art. 36(6) 重复申请
  kPublication,               // Art. 39 要求提供公开出版物
  kExcessiveRequests,         // Art. 35 无正当理由大量反复申请
  kConfirmOrReissue,          // 要求行政机关确认或重新出具已获取信息
  // 其他处理
  kCorrectionLapsed,          // Art. 30 逾期不补正 (derived from a correction_lapsed event)
  kFeeLapsed,                 // 逾期未缴纳信息处理费 (derived from a fee_lapsed event)
  kWithdrawn,                 // 申请人撤回 (derived from a withdrawn event)
  kSpecialProcedure,          // Art. 36(7) 工商、不动产登记资料等按其他规定办理
  kOther,                     // 其他
};

// Every outcome, in declaration order.
const std::vector<Outcome>& AllOutcomes();
std::string_view ToCode(Outcome o);      // stable snake_case code, e.g. "partially_disclosed"
std::string_view ToChinese(Outcome o);   // e.g. "部分公开"
std::optional<Outcome> OutcomeFromCode(std::string_view code);
// True for outcomes an officer may give in an `answered` event (all but the three derived ones).
bool IsAnswerOutcome(Outcome o);

}  // namespace gongkai
