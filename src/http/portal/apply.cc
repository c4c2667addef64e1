// 在线申请 (Reg2019 Art. 29, 31): the application form of an agency and its submission. The
// form has every field of Art. 29; a submission goes through PublicForm (double-submit token,
// honeypot) to app::SubmitApplication with channel 网络, and the receipt — the tracking code
// and the secret, shown this once — is rendered directly (no redirect, Cache-Control:
// no-store). A nonce issued with the form makes a double submit return the first receipt.
#include <spdlog/spdlog.h>

#include <map>

#include "app/portal.h"
#include "core/guide.h"
#include "http/guard.h"
#include "http/handlers.h"
#include "http/page.h"
#include "http/portal/views.h"

namespace gongkai::http::portal {
namespace {

constexpr char kNonceField[] = "nonce";

bool IsOrganisation(const std::string& applicant_type) {
  return !applicant_type.empty() && applicant_type != ToCode(ApplicantType::kNaturalPerson);
}

// What the visitor typed, by the form's own field names (persons and organisations have
// separate identity fields, so the page works without script).
struct Filled {
  std::map<std::string, std::string> values;
  const std::string& operator[](const std::string& name) const {
    static const std::string kEmpty;
    auto it = values.find(name);
    return it == values.end() ? kEmpty : it->second;
  }
};

constexpr const char* kFields[] = {
    "applicant_type", "name",  "id_type", "id_number", "org_name", "uscc",
    "legal_representative", "phone", "email", "address", "postal_code", "description",
    "purpose", "form", "delivery"};

Filled FromForm(const Form& form) {
  Filled f;
  for (const char* name : kFields) f.values[name] = form.Get(name);
  return f;
}

ApplicationFormInput ToInput(const Filled& f) {
  ApplicationFormInput in;
  in.applicant_type = f["applicant_type"];
  if (IsOrganisation(in.applicant_type)) {
    in.name = f["org_name"];
    in.id_type = std::string(ToCode(IdDocumentType::kUnifiedSocialCreditCode));
    in.id_number = f["uscc"];
    in.legal_representative = f["legal_representative"];
  } else {
    in.name = f["name"];
    in.id_type = f["id_type"];
    in.id_number = f["id_number"];
  }
  in.phone = f["phone"];
  in.email = f["email"];
  in.address = f["address"];
  in.postal_code = f["postal_code"];
  in.description = f["description"];
  in.purpose = f["purpose"];
  in.form = f["form"];
  in.delivery = f["delivery"];
  return in;
}

// The page's input id of an error of ApplicationFormInput's member `field`.
std::string InputIdOf(const std::string& field, const std::string& applicant_type) {
  if (field == "applicant_type") return "applicant_type-0";
  if (field == "form") return "form-0";
  if (field == "delivery") return "delivery-0";
  if (IsOrganisation(applicant_type)) {
    if (field == "name") return "org_name";
    if (field == "id_type" || field == "id_number") return "uscc";
  }
  return field;
}

View Field(const Filled& f, const std::string& id,
           const std::map<std::string, std::string>& errors) {
  View v;
  v.set("value", f[id]);
  auto it = errors.find(id);
  v.set("has_error", it != errors.end());
  v.set("error", it == errors.end() ? std::string() : it->second);
  return v;
}

template <typename Enum>
ViewList Choices(const std::string& field, const std::vector<Enum>& values,
                 const std::string& chosen) {
  ViewList out;
  int i = 0;
  for (Enum e : values) {
    View o;
    o.set("id", field + "-" + std::to_string(i++));
    o.set("value", std::string(ToCode(e)));
    o.set("label", std::string(ToChinese(e)));
    o.set("checked", chosen == ToCode(e));
    out.push_back(o);
  }
  return out;
}

// The newest guide public today, if the agency has one.
std::optional<gongkai::Guide> CurrentGuide(Call& call, const Agency& agency) {
  Result<Repository*> repo = call.Repo();
  if (!repo.ok()) return std::nullopt;
  Result<std::vector<gongkai::Guide>> guides = (*repo)->ListGuides(agency.id);
  if (!guides.ok()) return std::nullopt;
  for (gongkai::Guide& g : *guides) {  // newest first
    if (g.published_on <= call.today()) return std::move(g);
  }
  return std::nullopt;
}

Response FormPage(Call& call, int status, const Agency& agency, const Filled& filled,
                  const std::string& nonce, const std::vector<FieldError>& errors) {
  FormToken token = PublicFormToken(call);
  std::map<std::string, std::string> by_id;
  ViewList summary;
  for (const FieldError& e : errors) {
    const std::string id = InputIdOf(e.field, filled["applicant_type"]);
    auto [it, inserted] = by_id.emplace(id, e.message);
    if (!inserted) it->second += "；" + e.message;
    View s;
    s.set("id", id);
    s.set("message", e.message);
    summary.push_back(s);
  }

  View page;
  page.set("agency", AgencyRow(agency));
  page.set("action", AgencyUrl(agency) + "apply");
  page.set("guide_url", AgencyUrl(agency) + "guide");
  page.set("csrf", token.value);
  page.set("nonce", nonce);
  page.set("has_errors", !errors.empty());
  page.set("error_count", std::to_string(errors.size()));
  page.set("errors", summary);

  const std::string type = filled["applicant_type"];
  ViewList person_type, org_types;
  int i = 0;
  for (ApplicantType t :
       {ApplicantType::kNaturalPerson, ApplicantType::kCommercialEnterprise,
        ApplicantType::kResearchInstitution, ApplicantType::kSocialWelfareOrg,
        ApplicantType::kLegalServiceOrg, ApplicantType::kOtherOrg}) {
    View o;
    o.set("id", "applicant_type-" + std::to_string(i++));
    o.set("value", std::string(ToCode(t)));
    o.set("label", t == ApplicantType::kNaturalPerson
                       ? std::string("公民（自然人）")
                       : "法人或其他组织：" + std::string(ToChinese(t)));
    o.set("checked", type == ToCode(t) || (type.empty() && t == ApplicantType::kNaturalPerson));
    (t == ApplicantType::kNaturalPerson ? person_type : org_types).push_back(o);
  }
  ViewList types = person_type;
  for (auto& o : org_types) types.push_back(o);
  page.set("applicant_types", types);
  page.set("f_applicant_type", Field(filled, "applicant_type-0", by_id));

  ViewList id_types;
  for (IdDocumentType t : {IdDocumentType::kResidentId, IdDocumentType::kPassport,
                           IdDocumentType::kHkMacaoPermit, IdDocumentType::kTaiwanPermit,
                           IdDocumentType::kForeignPermanentId, IdDocumentType::kOtherPersonal}) {
    View o;
    o.set("value", std::string(ToCode(t)));
    o.set("label", std::string(ToChinese(t)));
    o.set("selected", filled["id_type"] == ToCode(t));
    id_types.push_back(o);
  }
  page.set("id_types", id_types);
  for (const char* id : {"name", "id_type", "id_number", "org_name", "uscc",
                         "legal_representative", "phone", "email", "address", "postal_code",
                         "description", "purpose"}) {
    page.set(std::string("f_") + id, Field(filled, id, by_id));
  }
  page.set("forms", Choices<InformationForm>(
                        "form", {InformationForm::kElectronic, InformationForm::kPaper},
                        filled["form"].empty() ? "electronic" : filled["form"]));
  page.set("f_form", Field(filled, "form-0", by_id));
  page.set("deliveries",
           Choices<DeliveryMethod>("delivery",
                                   {DeliveryMethod::kOnline, DeliveryMethod::kEmail,
                                    DeliveryMethod::kPost, DeliveryMethod::kPickUp},
                                   filled["delivery"].empty() ? "online" : filled["delivery"]));
  page.set("f_delivery", Field(filled, "delivery-0", by_id));

  if (std::optional<gongkai::Guide> guide = CurrentGuide(call, agency)) {
    ViewList channels;
    bool online_refused = false;
    for (const GuideChannel& c : guide->channels) {
      View v;
      v.set("channel", std::string(ToChinese(c.channel)));
      v.set("accepted", c.accepted ? "受理" : "不受理");
      v.set("rules", c.rules);
      v.set("has_rules", !c.rules.empty());
      channels.push_back(v);
      if (c.channel == Channel::kOnline && !c.accepted) online_refused = true;
    }
    page.set("channels", channels);
    page.set("has_channels", !guide->channels.empty());
    page.set("online_refused", online_refused);
  }

  PageMeta meta;
  meta.title = (errors.empty() ? "" : "（有错误）") + std::string("在线申请政府信息公开 - ") +
               agency.name;
  meta.agency = &agency;
  meta.section = "apply";
  meta.crumbs = {{agency.name, AgencyUrl(agency)}, {"在线申请", ""}};
  Response r = RenderPage(call, status, "portal/apply", page, meta);
  r.status = status;
  KeepFormToken(call, token, r);
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

Response ReceiptPage(Call& call, const Agency& agency, const app::SubmitReceipt& receipt) {
  View page;
  page.set("agency", AgencyRow(agency));
  page.set("agency_name", receipt.agency_name);
  page.set("tracking_code", app::GroupCode(receipt.tracking_code));
  page.set("secret", app::GroupCode(receipt.secret));
  page.set("register_no", receipt.register_no);
  page.set("received", receipt.received_on.ToChinese());
  page.set("due", receipt.due.ToChinese());
  page.set("duplicate", receipt.duplicate);
  page.set("track_url", "/track");
  PageMeta meta;
  meta.title = "申请已提交 - " + agency.name;
  meta.agency = &agency;
  meta.section = "apply";
  meta.crumbs = {{agency.name, AgencyUrl(agency)}, {"在线申请", AgencyUrl(agency) + "apply"},
                 {"申请回执", ""}};
  Response r = RenderPage(call, 200, "portal/receipt", page, meta);
  // The secret is shown this once: no cache may keep the page.
  r.AddHeader("Cache-Control", "no-store");
  r.AddHeader("Pragma", "no-cache");
  return r;
}

}  // namespace

Response ApplyForm(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  return FormPage(call, 200, *agency, Filled{}, NewFormNonce(), {});
}

Response Apply(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  Response out;
  std::optional<Form> form = PublicForm(call, &out);
  if (!form) return out;
  if (RateLimiter* limiter = call.app().submission_limiter()) {
    RateLimiter::Decision d = limiter->Take(call.request().client, call.app().Now());
    if (!d.allowed) {
      Response r = ErrorPage(call, 429,
                             "提交过于频繁，请在 " + std::to_string(d.retry_after_seconds) +
                                 " 秒后再试。");
      r.AddHeader("Retry-After", std::to_string(d.retry_after_seconds));
      return r;
    }
  }
  const Filled filled = FromForm(*form);
  std::string nonce = form->Get(kNonceField);
  if (!IsFormNonce(nonce)) {
    // A form without a valid nonce (an old page, a hand-made post): show it again with a new one.
    return FormPage(call, 400, *agency, filled, NewFormNonce(),
                    {{"description", "表单标识无效或缺失，请核对内容后重新提交。"}});
  }

  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  app::SubmitRequest request;
  request.agency_slug = agency->slug;
  request.form = ToInput(filled);
  request.idempotency_key = nonce;
  Result<app::SubmitOutcome> outcome =
      app::SubmitApplication(*s, request, call.request().client, call.now());
  if (!outcome.ok()) {
    if (outcome.status().code() == ErrorCode::kConflict) {
      return ErrorPage(call, 409,
                       "这份申请表已经提交过，内容与首次提交不同。如需另行申请，请重新打开申请表填写。");
    }
    return StatusPage(call, outcome.status());
  }
  if (!outcome->receipt) return FormPage(call, 400, *agency, filled, nonce, outcome->errors);
  return ReceiptPage(call, *agency, *outcome->receipt);
}

}  // namespace gongkai::http::portal
