// The applicant (申请人) and the written application form required by Reg2019 Art. 29: name,
// identity document (身份证明), contact, the description of the information (名称、文号或者
// 便于查询的其他特征性描述), the form wanted and how to receive it. Applicant details are
// personal data: the store keeps them only encrypted (app/pii.h), and no public page, feed,
// search index or sitemap ever shows them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/application.h"

namespace gongkai {

// 身份证明的类型. Natural persons give a personal document; organisations give their
// 统一社会信用代码 and their legal representative (法定代表人或者主要负责人).
enum class IdDocumentType {
  kResidentId,               // 居民身份证
  kPassport,                 // 护照
  kHkMacaoPermit,            // 港澳居民来往内地通行证
  kTaiwanPermit,             // 台湾居民来往大陆通行证
  kForeignPermanentId,       // 外国人永久居留身份证
  kOtherPersonal,            // 其他有效身份证件
  kUnifiedSocialCreditCode,  // 统一社会信用代码 (organisations)
};

// 信息的载体形式 (Art. 29(3)).
enum class InformationForm { kPaper, kElectronic };  // 纸质 / 电子
// 获取信息的方式 (Art. 29(3)).
enum class DeliveryMethod {
  kPost,
  kEmail,
  kPickUp,
  kOnline
};  // 邮寄 / 电子邮件 / 自行领取 / 在线查看

std::string_view ToCode(IdDocumentType t);  // "resident_id", "passport", "hk_macao_permit",
                                            // "taiwan_permit", "foreign_permanent_id",
                                            // "other_personal", "uscc"
std::string_view ToChinese(IdDocumentType t);
std::optional<IdDocumentType> IdDocumentTypeFromCode(std::string_view code);
std::string_view ToCode(InformationForm f);  // "paper", "electronic"
std::string_view ToChinese(InformationForm f);
std::optional<InformationForm> InformationFormFromCode(std::string_view code);
std::string_view ToCode(DeliveryMethod d);  // "post", "email", "pick_up", "online"
std::string_view ToChinese(DeliveryMethod d);
std::optional<DeliveryMethod> DeliveryMethodFromCode(std::string_view code);

// The applicant's personal data (encrypted at rest as one blob).
struct ApplicantDetails {
  std::string name;  // 姓名或者名称
  IdDocumentType id_type = IdDocumentType::kResidentId;
  std::string id_number;             // 证件号码 / 统一社会信用代码
  std::string legal_representative;  // organisations only
  std::string phone;
  std::string email;
  std::string address;      // 通信地址
  std::string postal_code;  // 邮政编码, optional

  friend bool operator==(const ApplicantDetails&, const ApplicantDetails&) = default;
};

// A validated application form.
struct ApplicationForm {
  ApplicantType applicant_type = ApplicantType::kNaturalPerson;
  ApplicantDetails applicant;
  std::string description;  // 所需信息的名称、文号或者特征性描述
  std::string purpose;      // 用途, optional (not required since 2019)
  InformationForm form = InformationForm::kElectronic;
  DeliveryMethod delivery = DeliveryMethod::kOnline;

  friend bool operator==(const ApplicationForm&, const ApplicationForm&) = default;
};

// The form as submitted: every field as text (enum fields as their codes), so a front door
// only copies fields over.
struct ApplicationFormInput {
  std::string applicant_type;  // ToCode(ApplicantType)
  std::string name;
  std::string id_type;  // ToCode(IdDocumentType)
  std::string id_number;
  std::string legal_representative;
  std::string phone;
  std::string email;
  std::string address;
  std::string postal_code;
  std::string description;
  std::string purpose;
  std::string form;      // ToCode(InformationForm)
  std::string delivery;  // ToCode(DeliveryMethod)
};

// A problem with one field: `field` is the input's member name ("id_number"), `message` says
// in Chinese what is wrong, e.g. "身份证号码校验位不正确".
struct FieldError {
  std::string field;
  std::string message;

  friend bool operator==(const FieldError&, const FieldError&) = default;
};

// Checks the form against Art. 29 and returns every problem at once (empty = valid):
// - all text is valid UTF-8 without control characters (newlines allowed in description,
//   purpose and address), within its length limit;
// - applicant type is one of the six; natural persons give a personal document type and
//   number (居民身份证: 18 characters with a correct GB 11643 check digit); organisations
//   give a 统一社会信用代码 (18 characters with a correct GB 32100 check character) and a
//   legal representative;
// - a phone number (7–20 digits, spaces, '-', '+', parentheses) is required; an e-mail
//   address is required for e-mail delivery; a postal address for delivery by post;
// - the description is required (at least 4 characters);
// - form and delivery are required and consistent: 在线查看 and 电子邮件 need the electronic
//   form.
std::vector<FieldError> ValidateApplicationForm(const ApplicationFormInput& input);

// Validates and converts. On errors returns them (and no form).
struct ParsedForm {
  std::optional<ApplicationForm> form;
  std::vector<FieldError> errors;
};
ParsedForm ParseApplicationForm(const ApplicationFormInput& input);

// True if `text` is well-formed UTF-8.
bool IsWellFormedUtf8(std::string_view text);
// Number of code points of well-formed UTF-8 `text`.
size_t Utf8Length(std::string_view text);

// GB 11643-1999 check of an 18-character resident ID number (last character 0-9 or X).
bool IsValidResidentId(std::string_view id);
// GB 32100-2015 check of an 18-character unified social credit code.
bool IsValidUnifiedSocialCreditCode(std::string_view code);

}  // namespace gongkai
