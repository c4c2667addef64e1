// Registering applications and working a case (申请办理): the register form, the case page with
// one form per action CaseView::actions allows, and the action posts (each through StaffForm,
// then one use case of app/cases.h with the events the officer saw, then 303 back).
#include "app/cases.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/application/state.h"
#include "http/console/case_pages.h"
#include "http/form.h"
#include "http/guard.h"
#include "http/handlers.h"
#include "http/page.h"
#include "http/templates.h"

namespace gongkai::http::console {

using cases_internal::CaseUrl;
using cases_internal::ConsoleMeta;
using cases_internal::DaysLeftText;
using cases_internal::RouteId;
using cases_internal::StaffAgency;

namespace cases_internal {

std::string CaseUrl(const Agency& agency, int64_t id) {
  return "/console/agencies/" + EncodePath(agency.slug) + "/applications/" + std::to_string(id);
}

Result<Agency> StaffAgency(Call& call, const app::Authenticated& staff) {
  Result<Repository*> repo = call.Repo();
  if (!repo.ok()) return repo.status();
  const std::string& slug = call.request().Route("slug");
  Result<Agency> agency = (*repo)->FindAgency(slug);
  if (!agency.ok()) return agency.status();
  if (!staff.actor.CanRead(agency->id)) return NotFound("未找到机关 \"" + slug + "\"");
  return agency;
}

Result<int64_t> RouteId(const Call& call, const std::string& name, std::string_view what) {
  const std::string& text = call.request().Route(name);
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return NotFound("未找到" + std::string(what) + "（编号 " + text + "）");
  }
  const int64_t id = std::stoll(text);
  if (id <= 0) return NotFound("未找到" + std::string(what) + "（编号 " + text + "）");
  return id;
}

PageMeta ConsoleMeta(const app::Authenticated& staff, std::string title, std::string section) {
  PageMeta meta;
  meta.title = std::move(title);
  meta.section = std::move(section);
  meta.layout = "layouts/console";
  meta.staff = &staff;
  return meta;
}

std::string DaysLeftText(int left) {
  if (left < 0) return "已超期 " + std::to_string(-left) + " 个工作日";
  if (left == 0) return "今天到期";
  return "剩 " + std::to_string(left) + " 个工作日";
}

}  // namespace cases_internal

namespace {

constexpr char kSecretCookie[] = "gk_registered";

View Option(std::string_view value, std::string_view label, bool selected) {
  View v;
  v.set("value", std::string(value));
  v.set("label", std::string(label));
  v.set("selected", selected);
  return v;
}

// Errors of a form: per field (shown next to the input, aria-describedby) and for the form.
struct Errors {
  std::map<std::string, std::string> fields;
  std::string form;
  bool empty() const { return fields.empty() && form.empty(); }
  void Add(const std::string& field, const std::string& message) { fields.emplace(field, message); }
};

// A field of the register form: its value, and its error if any (never an empty string in the
// view for an absent error: mustache treats "" as true).
View Field(const std::string& name, const std::string& value, const Errors& errors) {
  View v;
  v.set("value", value);
  auto it = errors.fields.find(name);
  v.set("has_error", it != errors.fields.end());
  v.set("error", it != errors.fields.end() ? it->second : std::string());
  return v;
}

Result<Date> ParseDateField(const std::string& text, std::string_view label) {
  if (text.empty()) return InvalidInput("请填写" + std::string(label));
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) return InvalidInput(std::string(label) + "格式应为“年-月-日”，如 2026-03-02");
  return d;
}

// The agencies `staff` may register applications for.
Result<std::vector<Agency>> HandlerAgencies(Call& call, const app::Authenticated& staff) {
  Result<Repository*> repo = call.Repo();
  if (!repo.ok()) return repo.status();
  Result<std::vector<Agency>> all = (*repo)->ListAgencies();
  if (!all.ok()) return all.status();
  std::vector<Agency> out;
  for (Agency& a : *all) {
    if (staff.actor.Has(Role::kHandler, a.id)) out.push_back(std::move(a));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Register.

struct RegisterInput {
  std::string channel = "in_person";
  std::string received_on;
  std::string confirmed_on;
  std::string number;
  std::string nonce;  // the form's idempotency key (NewFormNonce)
  ApplicationFormInput form;
};

constexpr Channel kRegisterChannels[] = {Channel::kInPerson, Channel::kPostSigned,
                                         Channel::kPostOrdinary, Channel::kFax, Channel::kOnline};

std::string ChannelLabel(Channel c) {
  switch (c) {
    case Channel::kInPerson:
      return "当面提交";
    case Channel::kPostSigned:
      return "邮寄（挂号、特快专递等需签收）";
    case Channel::kPostOrdinary:
      return "邮寄（平信）";
    case Channel::kFax:
      return "传真";
    case Channel::kOnline:
      return "电子邮件等网络渠道";
  }
  return "";
}

Response RegisterPage(Call& call, const app::Authenticated& staff, const Agency& agency, int status,
                      const RegisterInput& in, const Errors& errors) {
  View page;
  page.set("agency_name", agency.name);
  page.set("action", "/console/agencies/" + EncodePath(agency.slug) + "/applications/new");
  page.set("csrf", staff.csrf_token);
  page.set("nonce", in.nonce);
  page.set("today", call.today().ToString());
  page.set("has_errors", !errors.empty());
  page.set("has_form_error", !errors.form.empty());
  page.set("form_error", errors.form);
  ViewList summary;
  for (const auto& [field, message] : errors.fields) {
    View e;
    e.set("field", field);
    e.set("message", message);
    summary.push_back(e);
  }
  page.set("error_list", summary);

  ViewList channels;
  for (Channel c : kRegisterChannels) {
    channels.push_back(Option(ToCode(c), ChannelLabel(c), in.channel == ToCode(c)));
  }
  page.set("channels", channels);
  ViewList types;
  for (ApplicantType t : {ApplicantType::kNaturalPerson, ApplicantType::kCommercialEnterprise,
                          ApplicantType::kResearchInstitution, ApplicantType::kSocialWelfareOrg,
                          ApplicantType::kLegalServiceOrg, ApplicantType::kOtherOrg}) {
    types.push_back(Option(ToCode(t), ToChinese(t), in.form.applicant_type == ToCode(t)));
  }
  page.set("applicant_types", types);
  ViewList ids;
  for (IdDocumentType t :
       {IdDocumentType::kResidentId, IdDocumentType::kPassport, IdDocumentType::kHkMacaoPermit,
        IdDocumentType::kTaiwanPermit, IdDocumentType::kForeignPermanentId,
        IdDocumentType::kOtherPersonal, IdDocumentType::kUnifiedSocialCreditCode}) {
    ids.push_back(Option(ToCode(t), ToChinese(t), in.form.id_type == ToCode(t)));
  }
  page.set("id_types", ids);
  ViewList forms;
  for (InformationForm f : {InformationForm::kPaper, InformationForm::kElectronic}) {
    forms.push_back(Option(ToCode(f), ToChinese(f), in.form.form == ToCode(f)));
  }
  page.set("info_forms", forms);
  ViewList deliveries;
  for (DeliveryMethod d : {DeliveryMethod::kPost, DeliveryMethod::kEmail, DeliveryMethod::kPickUp,
                           DeliveryMethod::kOnline}) {
    deliveries.push_back(Option(ToCode(d), ToChinese(d), in.form.delivery == ToCode(d)));
  }
  page.set("deliveries", deliveries);

  page.set("channel", Field("channel", in.channel, errors));
  page.set("received_on", Field("received_on", in.received_on, errors));
  page.set("confirmed_on", Field("confirmed_on", in.confirmed_on, errors));
  page.set("number", Field("number", in.number, errors));
  const ApplicationFormInput& f = in.form;
  page.set("applicant_type", Field("applicant_type", f.applicant_type, errors));
  page.set("name", Field("name", f.name, errors));
  page.set("id_type", Field("id_type", f.id_type, errors));
  page.set("id_number", Field("id_number", f.id_number, errors));
  page.set("legal_representative", Field("legal_representative", f.legal_representative, errors));
  page.set("phone", Field("phone", f.phone, errors));
  page.set("email", Field("email", f.email, errors));
  page.set("address", Field("address", f.address, errors));
  page.set("postal_code", Field("postal_code", f.postal_code, errors));
  page.set("description", Field("description", f.description, errors));
  page.set("purpose", Field("purpose", f.purpose, errors));
  page.set("form", Field("form", f.form, errors));
  page.set("delivery", Field("delivery", f.delivery, errors));

  PageMeta meta = ConsoleMeta(staff, "登记申请 - " + agency.name, "register");
  meta.crumbs = {{"登记申请", "/console/applications/new"}, {agency.name, ""}};
  return RenderPage(call, status, "console/register", page, meta);
}

// ---------------------------------------------------------------------------------------------
// The case page.

// What the officer typed into one action form, to show again with its error.
struct ActionError {
  std::string action;  // the form's action code
  std::string message;
  std::map<std::string, std::string> values;
};

// 12345 → "123.45" (yuan from fen).
std::string FenText(int64_t fen) {
  std::string cents = std::to_string(fen % 100);
  if (cents.size() < 2) cents = "0" + cents;
  return std::to_string(fen / 100) + "." + cents;
}

std::string EventDetail(const ApplicationEvent& e) {
  std::string d;
  if (e.outcome) d += std::string(ToChinese(*e.outcome));
  if (e.kind == EventKind::kExtensionApproved)
    d += "延长 " + std::to_string(e.extension_days) + " 个工作日";
  if (e.party) d += *e.party == ConsultationParty::kThirdParty ? "第三方" : "其他行政机关";
  if (e.fee_fen > 0) {
    if (!d.empty()) d += "；";
    d += "金额 " + FenText(e.fee_fen) + " 元";
  }
  return d;
}

std::string FlashFor(std::string_view done) {
  if (done == "upload_file") return "已上传答复文件。";
  for (app::CaseAction a : {app::CaseAction::kRequestCorrection, app::CaseAction::kRecordCorrection,
                            app::CaseAction::kCorrectionLapsed, app::CaseAction::kStartConsultation,
                            app::CaseAction::kEndConsultation, app::CaseAction::kRequestExtension,
                            app::CaseAction::kApproveExtension, app::CaseAction::kNotifyFee,
                            app::CaseAction::kRecordFeePaid, app::CaseAction::kFeeLapsed,
                            app::CaseAction::kAnswer, app::CaseAction::kWithdraw}) {
    if (done == ToCode(a)) return "已办理：" + std::string(ToChinese(a)) + "。";
  }
  return "";
}

Response CasePageFor(Call& call, const app::Authenticated& staff, const Agency& agency, int64_t id,
                     int status, const ActionError* error, const std::string& conflict) {
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  const Date today = call.today();
  Result<app::CaseView> cv = app::ViewCase(*s, staff.actor, agency.id, id, today);
  if (!cv.ok()) return StatusPage(call, cv.status());
  const app::CaseView& c = *cv;
  const Application& a = c.file.application;
  const std::string url = CaseUrl(agency, id);

  View page;
  page.set("url", url);
  page.set("register_no", a.number);
  page.set("agency_name", c.agency_name);
  page.set("state", std::string(ToChinese(c.state)));
  page.set("state_code", std::string(ToCode(c.state)));
  page.set("channel", std::string(ToChinese(a.channel)));
  page.set("received_on", a.received_on.ToString());
  page.set("has_confirmed", a.confirmed_on.has_value());
  page.set("confirmed_on", a.confirmed_on ? a.confirmed_on->ToString() : std::string());
  page.set("statutory_receipt", a.StatutoryReceiptDate().ToString());
  page.set("rules", a.Rules() == RuleSet::k2019 ? "2019 年条例" : "2008 年条例");
  page.set("has_tracking_code", !c.file.tracking_code.empty());
  page.set("tracking_code", app::GroupCode(c.file.tracking_code));
  page.set("description", a.content);

  // The secret of a just-registered application, shown once (a cookie set by Register).
  std::optional<std::string_view> secret = call.request().Cookie(kSecretCookie);
  const std::string prefix = std::to_string(id) + ".";
  const bool show_secret =
      secret && secret->rfind(prefix, 0) == 0 && secret->size() > prefix.size();
  page.set("show_secret", show_secret);
  page.set("secret", show_secret ? app::GroupCode(secret->substr(prefix.size())) : std::string());

  View applicant;
  applicant.set("name", c.applicant.name);
  applicant.set("type", std::string(ToChinese(a.applicant_type)));
  applicant.set("has_id", !c.applicant.id_number.empty());
  applicant.set("id_type", std::string(ToChinese(c.applicant.id_type)));
  applicant.set("id_number", c.applicant.id_number);
  applicant.set("has_legal_representative", !c.applicant.legal_representative.empty());
  applicant.set("legal_representative", c.applicant.legal_representative);
  // Imported records carry the name only: say so instead of leaving the fields blank.
  auto or_dash = [](const std::string& v) { return v.empty() ? std::string("未登记") : v; };
  applicant.set("phone", or_dash(c.applicant.phone));
  applicant.set("email", or_dash(c.applicant.email));
  applicant.set("address",
                or_dash(c.applicant.address.empty()
                            ? c.applicant.address
                            : c.applicant.address + (c.applicant.postal_code.empty()
                                                         ? ""
                                                         : "（邮编 " + c.applicant.postal_code + "）")));
  applicant.set("has_info_form", c.file.info_form.has_value());
  applicant.set("info_form",
                c.file.info_form ? std::string(ToChinese(*c.file.info_form)) : std::string());
  applicant.set("has_delivery", c.file.delivery.has_value());
  applicant.set("delivery",
                c.file.delivery ? std::string(ToChinese(*c.file.delivery)) : std::string());
  page.set("applicant", applicant);

  page.set("closed", c.closing.has_value());
  if (c.closing) {
    page.set("closing_on", c.closing->on.ToString());
    page.set("closing_outcome", std::string(ToChinese(c.closing->outcome)));
  }
  page.set("has_deadline", c.deadline.has_value());
  if (c.deadline) {
    const Deadline& d = *c.deadline;
    View dl;
    dl.set("due", d.due.ToString());
    dl.set("base_due", d.base_due.ToString());
    dl.set("statutory_receipt", d.statutory_receipt.ToString());
    dl.set("base_days", std::to_string(d.base_days));
    dl.set("has_extension", d.extension_days > 0);
    dl.set("extension_days", std::to_string(d.extension_days));
    dl.set("has_pause", d.paused_days > 0);
    dl.set("paused_days", std::to_string(d.paused_days));
    ViewList steps;
    for (const DeadlineStep& st : d.steps) {
      View v;
      v.set("on", st.on.ToString());
      v.set("text", st.text);
      steps.push_back(v);
    }
    dl.set("steps", steps);
    dl.set("has_left", c.working_days_left.has_value());
    dl.set("left", c.working_days_left ? DaysLeftText(*c.working_days_left) : std::string());
    dl.set("overdue", c.overdue);
    dl.set("due_soon", !c.overdue && c.working_days_left && *c.working_days_left <= 5);
    page.set("deadline", dl);
  }
  page.set("has_deadline_problem", !c.deadline_problem.empty());
  page.set("deadline_problem", c.deadline_problem);
  const bool correction_window = c.correction_notice_due && !c.closing &&
                                 std::none_of(a.events.begin(), a.events.end(), [](const auto& e) {
                                   return e.kind == EventKind::kCorrectionRequested;
                                 });
  page.set("show_correction_due", correction_window);
  page.set("correction_due",
           c.correction_notice_due ? c.correction_notice_due->ToString() : std::string());
  page.set("correction_due_passed", correction_window && today > *c.correction_notice_due);

  ViewList events;
  for (size_t i = 0; i < a.events.size(); ++i) {
    const ApplicationEvent& e = a.events[i];
    View v;
    v.set("seq", std::to_string(i + 1));
    v.set("on", e.on.ToString());
    v.set("label", std::string(ToChinese(e.kind)));
    v.set("detail", EventDetail(e));
    v.set("has_detail", !EventDetail(e).empty());
    v.set("note", e.note);
    v.set("has_note", !e.note.empty());
    v.set("actor", e.actor);
    events.push_back(v);
  }
  page.set("events", events);
  page.set("has_events", !a.events.empty());

  ViewList requests;
  for (const ExtensionRequest& r : c.file.extension_requests) {
    View v;
    v.set("days", std::to_string(r.days));
    v.set("reason", r.reason);
    v.set("actor", r.actor);
    v.set("at", r.requested_at.ChinaText());
    requests.push_back(v);
  }
  page.set("extension_requests", requests);
  page.set("has_extension_requests", !c.file.extension_requests.empty());

  ViewList notices;
  for (const Notice& n : c.file.notices) {
    View v;
    v.set("number", n.number);
    v.set("title", n.title);
    v.set("issued", n.issued_on.ToString());
    v.set("to_applicant", n.to_applicant);
    v.set("html_url", url + "/notices/" + std::to_string(n.id));
    v.set("pdf_url", url + "/notices/" + std::to_string(n.id) + ".pdf");
    notices.push_back(v);
  }
  page.set("notices", notices);
  page.set("has_notices", !c.file.notices.empty());

  ViewList files;
  for (const Attachment& f : c.file.attachments) {
    View v;
    v.set("name", f.file_name);
    v.set("type", f.content_type);
    v.set("size", std::to_string((f.size + 1023) / 1024) + " KB");
    v.set("url", url + "/files/" + std::to_string(f.id));
    files.push_back(v);
  }
  page.set("files", files);
  page.set("has_files", !c.file.attachments.empty());

  // The action forms: only those the use case offers this actor in this state.
  page.set("csrf", staff.csrf_token);
  page.set("seen", std::to_string(a.events.size()));
  page.set("today", today.ToString());
  const auto value = [&](const std::string& action, const std::string& field,
                         const std::string& fallback) {
    if (error != nullptr && error->action == action) {
      auto it = error->values.find(field);
      if (it != error->values.end()) return it->second;
    }
    return fallback;
  };
  // Notices are kept as issued, in plain text: the applicant's name (encrypted at rest) is not
  // put into them unless the officer types it; empty = "申请人".
  const std::string addressee;
  ViewList forms;
  for (app::CaseAction act : c.actions) {
    const std::string code(ToCode(act));
    View f;
    f.set("code", code);
    f.set("label", std::string(ToChinese(act)));
    f.set("url", url + "/" + code);
    f.set(code, true);
    f.set("on", value(code, "on", today.ToString()));
    f.set("note", value(code, "note", ""));
    f.set("addressee", value(code, "addressee", addressee));
    const bool has_error = error != nullptr && error->action == code;
    f.set("has_error", has_error);
    f.set("error", has_error ? error->message : std::string());
    if (act == app::CaseAction::kRequestCorrection) {
      f.set("items", value(code, "items", ""));
      const Date by = today.AddDays(15);
      f.set("correct_by", value(code, "correct_by", by.ToString()));
    }
    if (act == app::CaseAction::kStartConsultation) {
      f.set("party_name", value(code, "party_name", ""));
      const std::string party = value(code, "party", "third_party");
      f.set("parties", ViewList{Option("third_party", "第三方", party == "third_party"),
                                Option("other_agency", "其他行政机关", party == "other_agency")});
    }
    if (act == app::CaseAction::kRequestExtension || act == app::CaseAction::kApproveExtension) {
      std::string days = "20", reason;
      if (act == app::CaseAction::kApproveExtension && !c.file.extension_requests.empty()) {
        days = std::to_string(c.file.extension_requests.back().days);
        reason = c.file.extension_requests.back().reason;
      }
      if (a.Rules() == RuleSet::k2008 && days == "20") days = "15";
      f.set("days", value(code, "days", days));
      f.set("max_days", a.Rules() == RuleSet::k2008 ? "15" : "20");
      f.set("reason", value(code, "reason", reason));
    }
    if (act == app::CaseAction::kNotifyFee) {
      f.set("amount", value(code, "amount", ""));
      f.set("basis", value(code, "basis", ""));
    }
    if (act == app::CaseAction::kAnswer) {
      const std::string chosen = value(code, "outcome", "");
      ViewList outcomes;
      for (Outcome o : AllOutcomes()) {
        if (IsAnswerOutcome(o))
          outcomes.push_back(Option(ToCode(o), ToChinese(o), chosen == ToCode(o)));
      }
      f.set("outcomes", outcomes);
      f.set("answer_text", value(code, "answer_text", ""));
      f.set("legal_basis", value(code, "legal_basis", ""));
    }
    forms.push_back(f);
  }
  page.set("forms", forms);
  page.set("has_forms", !c.actions.empty());
  const bool can_upload = staff.actor.Has(Role::kHandler, agency.id);
  page.set("can_upload", can_upload);
  const bool upload_error = error != nullptr && error->action == "upload_file";
  page.set("upload_has_error", upload_error);
  page.set("upload_error", upload_error ? error->message : std::string());
  page.set("read_only", c.actions.empty() && !can_upload);
  page.set("has_conflict", !conflict.empty());
  page.set("conflict", conflict);

  PageMeta meta = ConsoleMeta(staff, "申请 " + a.number + " - " + c.agency_name, "applications");
  meta.crumbs = {{"申请办理", "/console/applications"}, {"申请 " + a.number, ""}};
  // The flash of the action just done (query parameters: only ever displayed, as text).
  if (std::optional<std::string_view> done = call.request().Query("done")) {
    if (*done == "register") {
      meta.notices.push_back("已登记申请 " + a.number + "。");
    } else if (*done == "register_again") {
      meta.notices.push_back("登记表重复提交：申请 " + a.number + " 此前已经登记，没有重复登记。");
    } else if (std::string m = FlashFor(*done); !m.empty()) {
      meta.notices.push_back(m);
    }
  }
  if (std::optional<std::string_view> nid = call.request().Query("notice")) {
    for (const Notice& n : c.file.notices) {
      if (std::to_string(n.id) == *nid)
        meta.notices.push_back("已生成" + n.title + "（" + n.number + "）。");
    }
  }
  for (const auto& [k, v] : call.request().query) {
    if (k == "warn" && !v.empty() && meta.warnings.size() < 5)
      meta.warnings.push_back(v.substr(0, 600));
  }
  Response r = RenderPage(call, status, "console/case", page, meta);
  r.status = status;
  if (show_secret) {
    SetCookie clear;
    clear.name = kSecretCookie;
    clear.path = url;
    clear.max_age_seconds = 0;
    clear.secure = call.site().secure_cookies;
    r.AddCookie(clear);
  }
  return r;
}

// A staff request on a case: the session (or a redirect / 403), the agency and the id.
struct CaseRequest {
  app::Authenticated staff;
  Agency agency;
  int64_t id = 0;
};

std::optional<CaseRequest> StartCase(Call& call, Response* out) {
  std::optional<app::Authenticated> staff = RequireStaff(call, out);
  if (!staff) return std::nullopt;
  Result<Agency> agency = StaffAgency(call, *staff);
  if (!agency.ok()) {
    *out = StatusPage(call, agency.status());
    return std::nullopt;
  }
  Result<int64_t> id = RouteId(call, "id", "申请");
  if (!id.ok()) {
    *out = StatusPage(call, id.status());
    return std::nullopt;
  }
  return CaseRequest{std::move(*staff), std::move(agency).value(), *id};
}

// Amount in 元 with at most two decimals → 分.
std::optional<int64_t> ParseYuan(const std::string& text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  const size_t dot = text.find('.');
  const std::string whole = text.substr(0, dot);
  const std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || whole.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  if (frac.size() > 2 || frac.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  int64_t fen = std::stoll(whole) * 100;
  if (!frac.empty()) fen += std::stoll(frac) * (frac.size() == 1 ? 10 : 1);
  return fen;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.pop_back();
    size_t lead = line.find_first_not_of(" \t");
    if (lead != std::string::npos) out.push_back(line.substr(lead));
    start = end + 1;
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

Response RegisterAgencies(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  Result<std::vector<Agency>> agencies = HandlerAgencies(call, *staff);
  if (!agencies.ok()) return StatusPage(call, agencies.status());
  if (agencies->size() == 1) {
    return Response::Redirect("/console/agencies/" + EncodePath(agencies->front().slug) +
                              "/applications/new");
  }
  if (agencies->empty()) {
    return ErrorPage(call, 403, "您没有任何机关的经办权限，不能登记申请。");
  }
  View page;
  ViewList list;
  for (const Agency& a : *agencies) {
    View v;
    v.set("name", a.name);
    v.set("url", "/console/agencies/" + EncodePath(a.slug) + "/applications/new");
    list.push_back(v);
  }
  page.set("agencies", list);
  page.set("choose", true);
  PageMeta meta = ConsoleMeta(*staff, "登记申请", "register");
  meta.crumbs = {{"登记申请", ""}};
  return RenderPage(call, 200, "console/register", page, meta);
}

Response RegisterForm(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  Result<Agency> agency = StaffAgency(call, *staff);
  if (!agency.ok()) return StatusPage(call, agency.status());
  if (!staff->actor.Has(Role::kHandler, agency->id)) {
    return ErrorPage(call, 403, "您在" + agency->name + "没有经办权限，不能登记申请。");
  }
  RegisterInput in;
  in.nonce = NewFormNonce();
  in.received_on = call.today().ToString();
  in.form.applicant_type = "natural_person";
  in.form.id_type = "resident_id";
  in.form.form = "paper";
  in.form.delivery = "post";
  return RegisterPage(call, *staff, *agency, 200, in, Errors{});
}

Response Register(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  std::optional<Form> form = StaffForm(call, *staff, &out);
  if (!form) return out;
  Result<Agency> agency = StaffAgency(call, *staff);
  if (!agency.ok()) return StatusPage(call, agency.status());

  RegisterInput in;
  in.channel = form->Get("channel");
  in.received_on = form->Get("received_on");
  in.confirmed_on = form->Get("confirmed_on");
  in.number = form->Get("number");
  // A post without a well-formed nonce (a hand-made request) is registered without
  // idempotency; the page re-rendered after an error keeps the nonce.
  in.nonce = IsFormNonce(form->Get("nonce")) ? form->Get("nonce") : NewFormNonce();
  ApplicationFormInput& f = in.form;
  f.applicant_type = form->Get("applicant_type");
  f.name = form->Get("name");
  f.id_type = form->Get("id_type");
  f.id_number = form->Get("id_number");
  f.legal_representative = form->Get("legal_representative");
  f.phone = form->Get("phone");
  f.email = form->Get("email");
  f.address = form->Get("address");
  f.postal_code = form->Get("postal_code");
  f.description = form->Get("description");
  f.purpose = form->Get("purpose");
  f.form = form->Get("form");
  f.delivery = form->Get("delivery");

  Errors errors;
  app::RegisterRequest req;
  req.agency_id = agency->id;
  req.form = f;
  req.number = in.number;
  std::optional<Channel> channel = ChannelFromCode(in.channel);
  if (!channel) {
    errors.Add("channel", "请选择收到申请的渠道");
  } else {
    req.channel = *channel;
  }
  Result<Date> received = ParseDateField(in.received_on, "收到日期");
  if (!received.ok()) {
    errors.Add("received_on", received.status().message());
  } else {
    req.received_on = *received;
  }
  if (!in.confirmed_on.empty()) {
    Result<Date> confirmed = ParseDateField(in.confirmed_on, "确认日期");
    if (!confirmed.ok()) {
      errors.Add("confirmed_on", confirmed.status().message());
    } else {
      req.confirmed_on = *confirmed;
    }
  }
  if (in.number.size() > 32) errors.Add("number", "登记编号不能超过 32 个字符");
  for (const FieldError& e : ValidateApplicationForm(f)) errors.Add(e.field, e.message);
  if (!errors.empty()) return RegisterPage(call, *staff, *agency, 400, in, errors);

  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  req.idempotency_key = in.nonce;
  Result<app::RegisterOutcome> result = app::RegisterApplication(*s, staff->actor, req, call.now());
  if (!result.ok()) {
    const Status& st = result.status();
    if (st.code() == ErrorCode::kInvalidInput) {
      // The dates: name the field the message is about.
      const std::string& m = st.message();
      errors.Add(m.find("确认") != std::string::npos ? "confirmed_on" : "received_on", m);
      return RegisterPage(call, *staff, *agency, 400, in, errors);
    }
    if (st.code() == ErrorCode::kConflict && st.message().find("编号") != std::string::npos) {
      errors.Add("number", st.message());
      return RegisterPage(call, *staff, *agency, 409, in, errors);
    }
    if (st.code() == ErrorCode::kConflict) {
      // The same form submitted again with other content: a fresh form is needed.
      in.nonce = NewFormNonce();
      errors.form = "该表单已经提交过（内容不同）。请核对后重新提交；如需登记另一件申请，请重新打开登记页面。";
      return RegisterPage(call, *staff, *agency, 409, in, errors);
    }
    return StatusPage(call, st);
  }
  if (!result->registered) {
    for (const FieldError& e : result->errors) errors.Add(e.field, e.message);
    if (errors.empty()) errors.form = "申请表有误，请检查后重新提交。";
    return RegisterPage(call, *staff, *agency, 400, in, errors);
  }
  const app::Registered& reg = *result->registered;
  const std::string url = CaseUrl(*agency, reg.application_id);
  Response r = Response::Redirect(url + (reg.duplicate ? "?done=register_again" : "?done=register"));
  // The secret is shown once on the case page: a short-lived cookie for that page only, never
  // in a URL (access logs, history).
  SetCookie c;
  c.name = kSecretCookie;
  c.value = std::to_string(reg.application_id) + "." + reg.secret;
  c.path = url;
  c.max_age_seconds = 600;
  c.secure = call.site().secure_cookies;
  c.same_site = "Strict";
  r.AddCookie(c);
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

Response CasePage(Call& call) {
  Response out;
  std::optional<CaseRequest> cr = StartCase(call, &out);
  if (!cr) return out;
  return CasePageFor(call, cr->staff, cr->agency, cr->id, 200, nullptr, "");
}

Response CaseAction(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  std::optional<Form> form = StaffForm(call, *staff, &out);
  if (!form) return out;
  Result<Agency> agency = StaffAgency(call, *staff);
  if (!agency.ok()) return StatusPage(call, agency.status());
  Result<int64_t> id = RouteId(call, "id", "申请");
  if (!id.ok()) return StatusPage(call, id.status());
  const std::string& action = call.request().Route("action");

  app::CaseRef ref;
  ref.agency_id = agency->id;
  ref.application_id = *id;
  const std::string& seen = form->Get("seen");
  if (!seen.empty()) {
    if (seen.size() > 6 || seen.find_first_not_of("0123456789") != std::string::npos) {
      return ErrorPage(call, 400, "表单字段 seen 无效。");
    }
    ref.seen_events = std::stoi(seen);
  }

  ActionError error;
  error.action = action;
  for (const auto& [k, v] : form->fields) {
    if (k != kCsrfField && k != "seen") error.values.emplace(k, v);
  }
  const auto invalid = [&](const std::string& message) {
    error.message = message;
    return CasePageFor(call, *staff, *agency, *id, 400, &error, "");
  };

  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  const Actor& actor = staff->actor;
  const Timestamp now = call.now();
  const std::string& addressee = form->Get("addressee");
  const std::string& note = form->Get("note");

  // The date of the event (every action but the extension request and the upload).
  Date on = call.today();
  if (action != "request_extension" && action != "upload_file") {
    Result<Date> d = ParseDateField(form->Get("on"), "办理日期");
    if (!d.ok()) return invalid(d.status().message());
    on = *d;
  }

  Result<app::ActionResult> result = app::ActionResult{};
  if (action == "request_correction") {
    std::vector<std::string> items = Lines(form->Get("items"));
    if (items.empty()) return invalid("请逐行填写需要补正的事项（至少一项）");
    Result<Date> by = ParseDateField(form->Get("correct_by"), "补正期限");
    if (!by.ok()) return invalid(by.status().message());
    result = app::RequestCorrection(*s, actor, ref, items, on, *by, addressee, now);
  } else if (action == "record_correction") {
    result = app::RecordCorrection(*s, actor, ref, on, note, now);
  } else if (action == "correction_lapsed") {
    result = app::RecordCorrectionLapsed(*s, actor, ref, on, now);
  } else if (action == "start_consultation") {
    std::optional<ConsultationParty> party = ConsultationPartyFromCode(form->Get("party"));
    if (!party) return invalid("请选择征求意见的对象（第三方或其他行政机关）");
    if (form->Get("party_name").empty()) return invalid("请填写被征求意见的单位或个人名称");
    result = app::StartConsultation(*s, actor, ref, *party, form->Get("party_name"), on, now);
  } else if (action == "end_consultation") {
    result = app::EndConsultation(*s, actor, ref, on, note, now);
  } else if (action == "request_extension" || action == "approve_extension") {
    const std::string& days_text = form->Get("days");
    if (days_text.empty() || days_text.size() > 3 ||
        days_text.find_first_not_of("0123456789") != std::string::npos) {
      return invalid("延长天数应为 1 到 20 之间的整数（工作日）");
    }
    const int days = std::stoi(days_text);
    const std::string& reason = form->Get("reason");
    if (reason.empty()) return invalid("请填写延期理由");
    if (action == "request_extension") {
      Status st = app::RequestExtension(*s, actor, ref, days, reason, now);
      if (!st.ok()) {
        result = st;
      }
    } else {
      result = app::ApproveExtension(*s, actor, ref, days, reason, on, addressee, now);
    }
  } else if (action == "notify_fee") {
    std::optional<int64_t> fen = ParseYuan(form->Get("amount"));
    if (!fen || *fen <= 0)
      return invalid("收费金额应为大于 0 的金额（元，最多两位小数），如 100.00");
    result = app::NotifyFee(*s, actor, ref, *fen, form->Get("basis"), on, addressee, now);
  } else if (action == "record_fee_paid") {
    result = app::RecordFeePaid(*s, actor, ref, on, now);
  } else if (action == "fee_lapsed") {
    result = app::RecordFeeLapsed(*s, actor, ref, on, now);
  } else if (action == "answer") {
    std::optional<Outcome> outcome = OutcomeFromCode(form->Get("outcome"));
    if (!outcome || !IsAnswerOutcome(*outcome)) return invalid("请选择答复结果");
    result = app::Answer(*s, actor, ref, *outcome, form->Get("answer_text"),
                         form->Get("legal_basis"), on, addressee, now);
  } else if (action == "withdraw") {
    result = app::Withdraw(*s, actor, ref, on, note, now);
  } else if (action == "upload_file") {
    const UploadedFile* file = form->File("file");
    if (file == nullptr) return invalid("请选择要上传的文件");
    Result<Attachment> att =
        app::AttachAnswerFile(*s, actor, ref, file->file_name, file->bytes, now);
    if (!att.ok()) result = att.status();
  } else {
    return ErrorPage(call, 404, "没有名为“" + action + "”的办理操作。");
  }

  if (!result.ok()) {
    const Status& st = result.status();
    switch (st.code()) {
      case ErrorCode::kConflict:
        return CasePageFor(call, *staff, *agency, *id, 409, nullptr,
                           "未能办理（" + st.message() +
                               "）。申请可能已被他人更新，或当前状态不允许此操作；以下是最新情况，"
                               "请核对后再操作。");
      case ErrorCode::kInvalidInput:
      case ErrorCode::kOutOfCalendar:
        error.message = st.message();
        return CasePageFor(call, *staff, *agency, *id, 400, &error, "");
      default:
        return StatusPage(call, st);
    }
  }
  std::vector<std::pair<std::string, std::string>> query = {{"done", action}};
  if (result->notice) query.emplace_back("notice", std::to_string(result->notice->id));
  for (const std::string& w : result->warnings) query.emplace_back("warn", w);
  return Response::Redirect(CaseUrl(*agency, *id) + QueryString(query));
}

Response CaseFileDownload(Call& call) {
  Response out;
  std::optional<CaseRequest> cr = StartCase(call, &out);
  if (!cr) return out;
  Result<int64_t> file_id = RouteId(call, "file_id", "附件");
  if (!file_id.ok()) return StatusPage(call, file_id.status());
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  // ViewCase authorizes the actor for the case; the file must be one of its answer files.
  Result<app::CaseView> cv =
      app::ViewCase(*s, cr->staff.actor, cr->agency.id, cr->id, call.today());
  if (!cv.ok()) return StatusPage(call, cv.status());
  const Attachment* found = nullptr;
  for (const Attachment& a : cv->file.attachments) {
    if (a.id == *file_id) found = &a;
  }
  if (found == nullptr)
    return ErrorPage(call, 404, "未找到附件（编号 " + std::to_string(*file_id) + "）");
  Result<std::string> bytes = s->files->Read(found->sha256);
  if (!bytes.ok()) return StatusPage(call, bytes.status());
  Response r = Response::Text(200, found->content_type, std::move(bytes).value());
  // Never inline: a download, whatever the type.
  r.AddHeader("Content-Disposition", "attachment; filename=\"file\"; filename*=UTF-8''" +
                                         EncodeQueryValue(found->file_name));
  r.AddHeader("Cache-Control", "private, no-store");
  return r;
}

}  // namespace gongkai::http::console
