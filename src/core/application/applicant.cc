#include "core/application/applicant.h"

#include <algorithm>
#include <array>

namespace gongkai {
namespace {

template <typename E>
struct Row {
  E value;
  std::string_view code;
  std::string_view chinese;
};

template <typename E, size_t N>
std::string_view CodeOf(const std::array<Row<E>, N>& rows, E e) {
  for (const auto& r : rows) {
    if (r.value == e) return r.code;
  }
  return "?";
}
template <typename E, size_t N>
std::string_view ChineseOf(const std::array<Row<E>, N>& rows, E e) {
  for (const auto& r : rows) {
    if (r.value == e) return r.chinese;
  }
  return "?";
}
template <typename E, size_t N>
std::optional<E> FromCodeOf(const std::array<Row<E>, N>& rows, std::string_view code) {
  for (const auto& r : rows) {
    if (r.code == code) return r.value;
  }
  return std::nullopt;
}

constexpr std::array<Row<IdDocumentType>, 7> kIdTypes{{
    {IdDocumentType::kResidentId, "resident_id", "居民身份证"},
    {IdDocumentType::kPassport, "passport", "护照"},
    {IdDocumentType::kHkMacaoPermit, "hk_macao_permit", "港澳居民来往内地通行证"},
    {IdDocumentType::kTaiwanPermit, "taiwan_permit", "台湾居民来往大陆通行证"},
    {IdDocumentType::kForeignPermanentId, "foreign_permanent_id", "外国人永久居留身份证"},
    {IdDocumentType::kOtherPersonal, "other_personal", "其他有效身份证件"},
    {IdDocumentType::kUnifiedSocialCreditCode, "uscc", "统一社会信用代码"},
}};
constexpr std::array<Row<InformationForm>, 2> kForms{{
    {InformationForm::kPaper, "paper", "纸质"},
    {InformationForm::kElectronic, "electronic", "电子"},
}};
constexpr std::array<Row<DeliveryMethod>, 4> kDeliveries{{
    {DeliveryMethod::kPost, "post", "邮寄"},
    {DeliveryMethod::kEmail, "email", "电子邮件"},
    {DeliveryMethod::kPickUp, "pick_up", "自行领取"},
    {DeliveryMethod::kOnline, "online", "在线查看"},
}};

std::string Trim(std::string_view s) {
  const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  // Full-width spaces (U+3000) are common in Chinese input.
  while (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
  while (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
  return std::string(s);
}

bool HasControl(std::string_view s, bool allow_newlines) {
  for (unsigned char c : s) {
    if (c == 0x7f) return true;
    if (c < 0x20 && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t'))) return true;
  }
  return false;
}

class Checker {
 public:
  explicit Checker(std::vector<FieldError>& errors) : errors_(errors) {}

  // Checks text validity and length; returns the trimmed text.
  std::string Text(std::string_view field, std::string_view label, std::string_view value,
                   size_t max_chars, bool required, bool multiline = false) {
    if (!IsWellFormedUtf8(value)) {
      Add(field, std::string(label) + "含有无效字符（不是有效的 UTF-8 文本）");
      return "";
    }
    if (HasControl(value, multiline)) {
      Add(field, std::string(label) + "含有控制字符");
      return "";
    }
    std::string t = Trim(value);
    if (required && t.empty()) {
      Add(field, "请填写" + std::string(label));
    } else if (Utf8Length(t) > max_chars) {
      Add(field, std::string(label) + "不能超过 " + std::to_string(max_chars) + " 个字");
    }
    return t;
  }
  void Add(std::string_view field, std::string message) {
    for (const FieldError& e : errors_) {
      if (e.field == field) return;  // one message per field
    }
    errors_.push_back({std::string(field), std::move(message)});
  }

 private:
  std::vector<FieldError>& errors_;
};

bool IsPhone(std::string_view p) {
  int digits = 0;
  for (char c : p) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 7 && digits <= 20;
}

bool IsEmail(std::string_view e) {
  const size_t at = e.find('@');
  if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = e.substr(at + 1);
  const size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  return std::none_of(e.begin(), e.end(), [](char c) {
    return c == ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"';
  });
}

}  // namespace

std::string_view ToCode(IdDocumentType t) { return CodeOf(kIdTypes, t); }
std::string_view ToChinese(IdDocumentType t) { return ChineseOf(kIdTypes, t); }
std::optional<IdDocumentType> IdDocumentTypeFromCode(std::string_view c) {
  return FromCodeOf(kIdTypes, c);
}
std::string_view ToCode(InformationForm f) { return CodeOf(kForms, f); }
std::string_view ToChinese(InformationForm f) { return ChineseOf(kForms, f); }
std::optional<InformationForm> InformationFormFromCode(std::string_view c) {
  return FromCodeOf(kForms, c);
}
std::string_view ToCode(DeliveryMethod d) { return CodeOf(kDeliveries, d); }
std::string_view ToChinese(DeliveryMethod d) { return ChineseOf(kDeliveries, d); }
std::optional<DeliveryMethod> DeliveryMethodFromCode(std::string_view c) {
  return FromCodeOf(kDeliveries, c);
}

bool IsWellFormedUtf8(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    int len = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

size_t Utf8Length(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool IsValidResidentId(std::string_view id) {
  if (id.size() != 18) return false;
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
    sum += (id[i] - '0') * kWeights[i];
  }
  const char last = id[17] == 'x' ? 'X' : id[17];
  return kCheck[sum % 11] == last;
}

bool IsValidUnifiedSocialCreditCode(std::string_view code) {
  if (code.size() != 18) return false;
  static constexpr std::string_view kChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr int kWeights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                       29, 25, 13, 8,  24, 10, 30, 28};
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    const size_t v = kChars.find(code[i]);
    if (v == std::string_view::npos) return false;
    sum += static_cast<int>(v) * kWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return code[17] == kChars[check];
}

ParsedForm ParseApplicationForm(const ApplicationFormInput& in) {
  ParsedForm out;
  std::vector<FieldError>& errors = out.errors;
  Checker c(errors);
  ApplicationForm f;

  std::optional<ApplicantType> type = ApplicantTypeFromCode(in.applicant_type);
  if (!type) {
    c.Add("applicant_type",
          in.applicant_type.empty() ? "请选择申请人类型" : "申请人类型无效，请从列表中选择");
  }
  const bool person = !type || *type == ApplicantType::kNaturalPerson;
  f.applicant.name = c.Text("name", person ? "姓名" : "名称", in.name, 100, true);

  std::optional<IdDocumentType> id_type = IdDocumentTypeFromCode(in.id_type);
  if (!id_type) {
    c.Add("id_type",
          in.id_type.empty() ? "请选择身份证明类型" : "身份证明类型无效，请从列表中选择");
  } else if (type && person && *id_type == IdDocumentType::kUnifiedSocialCreditCode) {
    c.Add("id_type", "自然人请选择个人身份证件（如居民身份证）");
  } else if (type && !person && *id_type != IdDocumentType::kUnifiedSocialCreditCode) {
    c.Add("id_type", "法人或其他组织请提供统一社会信用代码");
  }
  std::string id_number = c.Text("id_number", "证件号码", in.id_number, 40, true);
  for (char& ch : id_number) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  if (id_type && !id_number.empty()) {
    if (*id_type == IdDocumentType::kResidentId && !IsValidResidentId(id_number)) {
      c.Add("id_number", id_number.size() != 18 ? "居民身份证号码应为 18 位"
                                                : "居民身份证号码校验位不正确，请核对");
    } else if (*id_type == IdDocumentType::kUnifiedSocialCreditCode &&
               !IsValidUnifiedSocialCreditCode(id_number)) {
      c.Add("id_number", id_number.size() != 18 ? "统一社会信用代码应为 18 位"
                                                : "统一社会信用代码校验位不正确，请核对");
    }
  }
  f.applicant.id_number = id_number;
  f.applicant.legal_representative = c.Text("legal_representative", "法定代表人或主要负责人",
                                            in.legal_representative, 50, type && !person);
  if (person) f.applicant.legal_representative.clear();

  f.applicant.phone = c.Text("phone", "联系电话", in.phone, 30, true);
  if (!f.applicant.phone.empty() && !IsPhone(f.applicant.phone)) {
    c.Add("phone", "联系电话格式不正确（7–20 位数字，可含空格、-、+）");
  }
  std::optional<DeliveryMethod> delivery = DeliveryMethodFromCode(in.delivery);
  f.applicant.email =
      c.Text("email", "电子邮箱", in.email, 100, delivery && *delivery == DeliveryMethod::kEmail);
  if (!f.applicant.email.empty() && !IsEmail(f.applicant.email)) {
    c.Add("email", "电子邮箱格式不正确");
  }
  f.applicant.address = c.Text("address", "通信地址", in.address, 200,
                               delivery && *delivery == DeliveryMethod::kPost, true);
  f.applicant.postal_code = c.Text("postal_code", "邮政编码", in.postal_code, 6, false);
  if (!f.applicant.postal_code.empty() &&
      (f.applicant.postal_code.size() != 6 ||
       !std::all_of(f.applicant.postal_code.begin(), f.applicant.postal_code.end(),
                    [](char ch) { return ch >= '0' && ch <= '9'; }))) {
    c.Add("postal_code", "邮政编码应为 6 位数字");
  }

  f.description =
      c.Text("description", "所需信息的名称、文号或特征描述", in.description, 5000, true, true);
  if (!f.description.empty() && Utf8Length(f.description) < 4) {
    c.Add("description", "所需信息的描述过短，请写明信息名称、文号或便于查询的特征");
  }
  f.purpose = c.Text("purpose", "用途", in.purpose, 1000, false, true);

  std::optional<InformationForm> form = InformationFormFromCode(in.form);
  if (!form)
    c.Add("form", in.form.empty() ? "请选择信息的载体形式" : "载体形式无效，请从列表中选择");
  if (!delivery) {
    c.Add("delivery",
          in.delivery.empty() ? "请选择获取信息的方式" : "获取方式无效，请从列表中选择");
  }
  if (form && delivery && *form == InformationForm::kPaper &&
      (*delivery == DeliveryMethod::kOnline || *delivery == DeliveryMethod::kEmail)) {
    c.Add("delivery", std::string(ToChinese(*delivery)) + "只适用于电子形式的信息");
  }

  if (!errors.empty()) return out;
  f.applicant_type = *type;
  f.applicant.id_type = *id_type;
  f.form = *form;
  f.delivery = *delivery;
  out.form = std::move(f);
  return out;
}

std::vector<FieldError> ValidateApplicationForm(const ApplicationFormInput& input) {
  return ParseApplicationForm(input).errors;
}

}  // namespace gongkai
