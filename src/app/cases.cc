#include "app/cases.h"

#include <algorithm>
#include <functional>

#include "app/new_application.h"
#include "app/notices.h"
#include "core/catalog/attachment.h"

namespace gongkai::app {
namespace {

struct ActionRow {
  CaseAction action;
  std::string_view code;
  std::string_view chinese;
};

constexpr ActionRow kActions[] = {
    {CaseAction::kRequestCorrection, "request_correction", "发送补正告知"},
    {CaseAction::kRecordCorrection, "record_correction", "登记补正材料"},
    {CaseAction::kCorrectionLapsed, "correction_lapsed", "逾期未补正"},
    {CaseAction::kStartConsultation, "start_consultation", "征求意见"},
    {CaseAction::kEndConsultation, "end_consultation", "结束征求意见"},
    {CaseAction::kRequestExtension, "request_extension", "申请延期"},
    {CaseAction::kApproveExtension, "approve_extension", "批准延期"},
    {CaseAction::kNotifyFee, "notify_fee", "发送缴费通知"},
    {CaseAction::kRecordFeePaid, "record_fee_paid", "登记缴费"},
    {CaseAction::kFeeLapsed, "fee_lapsed", "逾期未缴费"},
    {CaseAction::kAnswer, "answer", "答复"},
    {CaseAction::kWithdraw, "withdraw", "申请人撤回"},
};

// The role an action needs.
Role RoleOf(CaseAction a) {
  return a == CaseAction::kApproveExtension || a == CaseAction::kAnswer ? Role::kReviewer
                                                                        : Role::kHandler;
}

Status Authorize(const Actor& actor, int64_t agency_id, std::optional<Role> role) {
  if (actor.is_public()) return Forbidden("请先登录工作人员账户");
  if (!actor.CanRead(agency_id)) return Forbidden("无权访问其他机关的申请");
  if (role && !actor.Has(*role, agency_id)) {
    return Forbidden("当前账户没有“" + std::string(ToChinese(*role)) + "”权限，不能执行此操作");
  }
  return Status::Ok();
}

std::string Addressee(const std::string& given) { return given.empty() ? "申请人" : given; }

std::string Yuan(int64_t fen) {
  std::string s = std::to_string(fen / 100) + ".";
  const int64_t rest = fen % 100;
  s += (rest < 10 ? "0" : "") + std::to_string(rest);
  return s;
}

// A notice builder: given the agency, its notice prefix, the case as loaded and its deadline
// before the event (if computable), returns the draft or nothing.
using NoticeBuilder = std::function<Result<std::optional<NoticeDraft>>(
    const Agency&, const std::string&, const CaseFile&, const Deadline*)>;

struct Step {
  CaseAction action;
  ApplicationEvent event;
  std::string detail;  // audit detail (no personal data)
  NoticeBuilder notice;
  // Extra check with the case and its deadline before the event; returns warnings or an error.
  std::function<Result<std::vector<std::string>>(const CaseFile&, const Deadline*)> check;
};

Result<ActionResult> Apply(const Services& s, const Actor& actor, const CaseRef& ref, Step step,
                           Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, ref.agency_id, RoleOf(step.action)));
  Result<CaseFile> loaded = s.repo->LoadCase(ref.agency_id, ref.application_id);
  if (!loaded.ok()) return loaded.status();
  const CaseFile& file = *loaded;
  const Application& app = file.application;
  const int count = static_cast<int>(app.events.size());
  if (ref.seen_events && *ref.seen_events != count) {
    return Conflict("申请已被他人更新，请刷新后重试");
  }
  const Date today = now.ChinaDate();
  ApplicationEvent& e = step.event;
  if (e.on > today) return InvalidInput("日期 " + e.on.ToString() + " 晚于今天");
  e.actor = actor.login;
  Result<ApplicationState> state = ReplayEvents(app);
  if (!state.ok()) return state.status();
  Result<ApplicationState> next = ApplyEvent(app, *state, e);
  if (!next.ok()) return next.status();

  Result<Deadline> deadline = ComputeDeadline(DeadlineInputOf(app, e.on), *s.calendar, false);
  const Deadline* before = deadline.ok() ? &*deadline : nullptr;
  ActionResult out;
  if (step.check) {
    Result<std::vector<std::string>> warnings = step.check(file, before);
    if (!warnings.ok()) return warnings.status();
    out.warnings = std::move(warnings).value();
  }
  Result<Agency> agency = s.repo->FindAgencyById(ref.agency_id);
  if (!agency.ok()) return agency.status();

  EventAppend req;
  req.agency_id = ref.agency_id;
  req.application_id = ref.application_id;
  req.expected_events = count;
  req.event = e;
  req.client_ip = actor.client_ip;
  if (step.notice) {
    Result<std::string> prefix = NoticePrefixOf(s, *agency);
    if (!prefix.ok()) return prefix.status();
    Result<std::optional<NoticeDraft>> draft = step.notice(*agency, *prefix, file, before);
    if (!draft.ok()) return draft.status();
    req.notice = std::move(draft).value();
  }
  req.audit.recorded_at = now;
  req.audit.actor = actor.Name();
  req.audit.action = "application." + std::string(ToCode(step.action));
  req.audit.agency_id = ref.agency_id;
  req.audit.client_ip = actor.client_ip;
  req.audit.detail = "申请 " + app.number + "：" + std::string(ToChinese(step.action)) +
                     (step.detail.empty() ? "" : "（" + step.detail + "）");
  Result<AppendedEvent> appended = s.repo->AppendApplicationEvent(req);
  if (!appended.ok()) return appended.status();
  out.event_seq = appended->seq;
  out.notice = appended->notice;
  return out;
}

NoticeBuilder Builder(const Services& s, NoticeKind kind, std::string addressee, Date on,
                      std::function<Result<NoticeValues>(const CaseFile&, const Deadline*)> values,
                      std::optional<Outcome> outcome = std::nullopt) {
  return [&s, kind, addressee, on, values, outcome](
             const Agency& agency, const std::string& prefix, const CaseFile& file,
             const Deadline* before) -> Result<std::optional<NoticeDraft>> {
    Result<NoticeValues> v = values(file, before);
    if (!v.ok()) return v.status();
    Result<NoticeDraft> d =
        DraftNotice(s, kind, agency, prefix, file.application, GroupCode(file.tracking_code),
                    addressee, on, std::move(v).value());
    if (!d.ok()) return d.status();
    d->outcome = outcome;
    return std::optional<NoticeDraft>(std::move(d).value());
  };
}

Status NeedDeadline(const Deadline* d) {
  if (d == nullptr) return OutOfCalendar("无法计算答复期限（日历未覆盖相关日期），不能生成告知书");
  return Status::Ok();
}

}  // namespace

std::string_view ToCode(CaseAction a) {
  for (const ActionRow& r : kActions) {
    if (r.action == a) return r.code;
  }
  return "?";
}

std::string_view ToChinese(CaseAction a) {
  for (const ActionRow& r : kActions) {
    if (r.action == a) return r.chinese;
  }
  return "?";
}

Result<RegisterOutcome> RegisterApplication(const Services& s, const Actor& actor,
                                            const RegisterRequest& r, Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, r.agency_id, Role::kHandler));
  GONGKAI_RETURN_IF_ERROR(CheckIdempotencyKey(r.idempotency_key));
  Result<Agency> agency = s.repo->FindAgencyById(r.agency_id);
  if (!agency.ok()) return agency.status();
  RegisterOutcome out;
  ParsedForm parsed = ParseApplicationForm(r.form);
  if (!parsed.form) {
    out.errors = std::move(parsed.errors);
    return out;
  }
  const Date today = now.ChinaDate();
  if (r.received_on > today)
    return InvalidInput("收到日期 " + r.received_on.ToString() + " 晚于今天");
  Application app;
  app.agency_id = r.agency_id;
  app.number = r.number;
  app.channel = r.channel;
  app.received_on = r.received_on;
  switch (r.channel) {
    case Channel::kInPerson:
    case Channel::kPostSigned:
      break;
    case Channel::kPostOrdinary:
      app.confirmed_on = r.confirmed_on.value_or(r.received_on);
      break;
    case Channel::kFax:
    case Channel::kOnline:
      if (!r.confirmed_on) {
        return InvalidInput(std::string(ToChinese(r.channel)) +
                            "申请须填写与申请人确认收到的日期（条例第三十一条：双方确认之日）");
      }
      app.confirmed_on = r.confirmed_on;
      break;
  }
  if (app.confirmed_on && *app.confirmed_on < app.received_on) {
    return InvalidInput("确认日期 " + app.confirmed_on->ToString() + " 早于收到日期 " +
                        app.received_on.ToString());
  }
  if (app.confirmed_on && *app.confirmed_on > today) {
    return InvalidInput("确认日期 " + app.confirmed_on->ToString() + " 晚于今天");
  }
  // The fingerprint covers what the officer typed besides the form: channel, dates, number.
  const std::string fingerprint =
      FormCanonical(r.form) + std::string(ToCode(r.channel)) + "\x1f" + r.received_on.ToString() +
      "\x1f" + (r.confirmed_on ? r.confirmed_on->ToString() : "") + "\x1f" + r.number;
  AuditRecord audit;
  audit.recorded_at = now;
  audit.actor = actor.Name();
  audit.action = "application.register";
  audit.client_ip = actor.client_ip;
  audit.detail = "登记" + std::string(ToChinese(r.channel)) + "申请";
  Result<StoredApplication> stored = StoreNewApplication(
      s, *agency, app, *parsed.form, r.idempotency_key, fingerprint, today, std::move(audit));
  if (!stored.ok()) return stored.status();
  const CreatedApplication& created = stored->created;
  out.registered = Registered{created.file.application.id, created.file.application.number,
                              created.file.tracking_code, stored->secret, !created.created};
  return out;
}

Result<CaseView> ViewCase(const Services& s, const Actor& actor, int64_t agency_id, int64_t id,
                          Date today) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, agency_id, std::nullopt));
  Result<CaseFile> file = s.repo->LoadCase(agency_id, id);
  if (!file.ok()) return file.status();
  Result<Agency> agency = s.repo->FindAgencyById(agency_id);
  if (!agency.ok()) return agency.status();
  CaseView v;
  v.file = std::move(file).value();
  v.agency_name = agency->name;
  if (v.file.pii) {
    Result<ApplicantDetails> details = s.pii->Open(*v.file.pii);
    if (!details.ok()) return details.status();
    v.applicant = std::move(details).value();
  } else {
    v.applicant.name = v.file.application.applicant_name;
  }
  const Application& app = v.file.application;
  Result<ApplicationState> state = ReplayEvents(app);
  if (!state.ok()) return state.status();
  v.state = *state;
  v.closing = ClosingOf(app);
  Result<Deadline> d = ComputeDeadline(DeadlineInputOf(app, today), *s.calendar, true);
  if (d.ok()) {
    v.deadline = std::move(d).value();
    if (!v.closing) {
      Result<int> left = WorkingDaysBetween(today, v.deadline->due, *s.calendar);
      if (left.ok()) v.working_days_left = *left;
      v.overdue = today > v.deadline->due;
    }
  } else {
    v.deadline_problem = d.status().message();
  }
  Result<Date> cnd = CorrectionNoticeDue(app.StatutoryReceiptDate(), *s.calendar);
  if (cnd.ok()) v.correction_notice_due = *cnd;

  // Offer the actions the state machine accepts today and the actor's roles allow.
  const auto probe = [&](CaseAction a, ApplicationEvent e) {
    if (!actor.Has(RoleOf(a), agency_id)) return;
    e.on = std::max(today, app.events.empty() ? app.received_on : app.events.back().on);
    if (ApplyEvent(app, v.state, e).ok()) v.actions.push_back(a);
  };
  ApplicationEvent e;
  e.kind = EventKind::kCorrectionRequested;
  probe(CaseAction::kRequestCorrection, e);
  e.kind = EventKind::kCorrectionReceived;
  probe(CaseAction::kRecordCorrection, e);
  e.kind = EventKind::kCorrectionLapsed;
  probe(CaseAction::kCorrectionLapsed, e);
  e.kind = EventKind::kConsultationStarted;
  e.party = ConsultationParty::kThirdParty;
  probe(CaseAction::kStartConsultation, e);
  e.party.reset();
  e.kind = EventKind::kConsultationEnded;
  probe(CaseAction::kEndConsultation, e);
  e.kind = EventKind::kExtensionApproved;
  e.extension_days = 1;
  if (v.deadline && today <= v.deadline->base_due) {
    probe(CaseAction::kRequestExtension, e);
    probe(CaseAction::kApproveExtension, e);
  }
  e.extension_days = 0;
  e.kind = EventKind::kFeeNotified;
  e.fee_fen = 100;
  probe(CaseAction::kNotifyFee, e);
  e.kind = EventKind::kFeePaid;
  probe(CaseAction::kRecordFeePaid, e);
  e.fee_fen = 0;
  e.kind = EventKind::kFeeLapsed;
  probe(CaseAction::kFeeLapsed, e);
  e.kind = EventKind::kAnswered;
  e.outcome = Outcome::kDisclosed;
  probe(CaseAction::kAnswer, e);
  e.outcome.reset();
  e.kind = EventKind::kWithdrawn;
  probe(CaseAction::kWithdraw, e);
  return v;
}

Result<ActionResult> RequestCorrection(const Services& s, const Actor& actor, const CaseRef& ref,
                                       const std::vector<std::string>& items, Date on,
                                       Date correct_by, const std::string& addressee,
                                       Timestamp now) {
  std::vector<std::string> clean;
  for (const std::string& item : items) {
    if (!IsWellFormedUtf8(item)) return InvalidInput("补正事项含有无效字符");
    std::string t = item;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r')) t.pop_back();
    while (!t.empty() && (t.front() == ' ' || t.front() == '\n')) t.erase(t.begin());
    if (!t.empty()) clean.push_back(t);
  }
  if (clean.empty()) return InvalidInput("请列出需要补正的事项（至少一项，一次性告知）");
  if (correct_by <= on) return InvalidInput("补正期限应晚于告知日期");
  std::string note;
  std::vector<std::string> numbered;
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五",
                                                   "六", "七", "八", "九", "十"};
  for (size_t i = 0; i < clean.size(); ++i) {
    if (!note.empty()) note += "；";
    note += clean[i];
    numbered.push_back("（" + (i < 10 ? std::string(kNumerals[i]) : std::to_string(i + 1)) + "）" +
                       clean[i]);
  }
  Step step;
  step.action = CaseAction::kRequestCorrection;
  step.event.kind = EventKind::kCorrectionRequested;
  step.event.on = on;
  step.event.note = note;
  step.detail = std::to_string(clean.size()) + " 项，补正期限 " + correct_by.ToString();
  step.check = [&](const CaseFile& f, const Deadline*) -> Result<std::vector<std::string>> {
    std::vector<std::string> w;
    Result<Date> due = CorrectionNoticeDue(f.application.StatutoryReceiptDate(), *s.calendar);
    if (due.ok() && on > *due) {
      w.push_back("补正告知晚于法定期限（收到申请之日起 7 个工作日内，即 " + due->ToString() +
                  "）");
    }
    return w;
  };
  step.notice =
      Builder(s, NoticeKind::kCorrection, Addressee(addressee), on,
              [numbered, correct_by](const CaseFile&, const Deadline*) -> Result<NoticeValues> {
                NoticeValues v;
                v.lists["items"] = numbered;
                v.text["correction_deadline"] = correct_by.ToChinese();
                return v;
              });
  return Apply(s, actor, ref, std::move(step), now);
}

Result<ActionResult> RecordCorrection(const Services& s, const Actor& actor, const CaseRef& ref,
                                      Date on, const std::string& note, Timestamp now) {
  Step step;
  step.action = CaseAction::kRecordCorrection;
  step.event.kind = EventKind::kCorrectionReceived;
  step.event.on = on;
  step.event.note = note;
  return Apply(s, actor, ref, std::move(step), now);
}

Result<ActionResult> RecordCorrectionLapsed(const Services& s, const Actor& actor,
                                            const CaseRef& ref, Date on, Timestamp now) {
  Step step;
  step.action = CaseAction::kCorrectionLapsed;
  step.event.kind = EventKind::kCorrectionLapsed;
  step.event.on = on;
  return Apply(s, actor, ref, std::move(step), now);
}

Result<ActionResult> StartConsultation(const Services& s, const Actor& actor, const CaseRef& ref,
                                       ConsultationParty party, const std::string& party_name,
                                       Date on, Timestamp now) {
  if (party_name.empty() || !IsWellFormedUtf8(party_name) || Utf8Length(party_name) > 100) {
    return InvalidInput("请填写被征求意见的第三方或机关名称（不超过 100 字）");
  }
  Step step;
  step.action = CaseAction::kStartConsultation;
  step.event.kind = EventKind::kConsultationStarted;
  step.event.on = on;
  step.event.party = party;
  step.event.note = party_name;
  step.detail = std::string(party == ConsultationParty::kThirdParty ? "第三方" : "其他机关");
  step.notice = Builder(s, NoticeKind::kConsultation, party_name, on,
                        [party](const CaseFile&, const Deadline*) -> Result<NoticeValues> {
                          NoticeValues v;
                          v.text["reply_days"] = "15";
                          v.text["party_article"] =
                              party == ConsultationParty::kThirdParty ? "第三十二条" : "第三十四条";
                          return v;
                        });
  return Apply(s, actor, ref, std::move(step), now);
}

Result<ActionResult> EndConsultation(const Services& s, const Actor& actor, const CaseRef& ref,
                                     Date on, const std::string& note, Timestamp now) {
  Step step;
  step.action = CaseAction::kEndConsultation;
  step.event.kind = EventKind::kConsultationEnded;
  step.event.on = on;
  step.event.note = note;
  return Apply(s, actor, ref, std::move(step), now);
}

Status RequestExtension(const Services& s, const Actor& actor, const CaseRef& ref, int days,
                        const std::string& reason, Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, ref.agency_id, Role::kHandler));
  if (reason.empty() || !IsWellFormedUtf8(reason)) return InvalidInput("请填写延期理由");
  Result<CaseFile> file = s.repo->LoadCase(ref.agency_id, ref.application_id);
  if (!file.ok()) return file.status();
  const Date today = now.ChinaDate();
  const Application& app = file->application;
  Result<ApplicationState> state = ReplayEvents(app);
  if (!state.ok()) return state.status();
  ApplicationEvent probe;
  probe.kind = EventKind::kExtensionApproved;
  probe.on = std::max(today, app.events.empty() ? app.received_on : app.events.back().on);
  probe.extension_days = days;
  Result<ApplicationState> next = ApplyEvent(app, *state, probe);
  if (!next.ok()) return next.status();
  Result<Deadline> d = ComputeDeadline(DeadlineInputOf(app, today), *s.calendar, false);
  if (!d.ok()) return d.status();
  if (today > d->base_due) {
    return Conflict("基本答复期限已于 " + d->base_due.ToString() + " 届满，不能再申请延期");
  }
  ExtensionRequest r;
  r.agency_id = ref.agency_id;
  r.application_id = ref.application_id;
  r.days = days;
  r.reason = reason;
  r.actor = actor.login;
  r.client_ip = actor.client_ip;
  r.requested_at = now;
  AuditRecord a;
  a.recorded_at = now;
  a.actor = actor.Name();
  a.action = "application.request_extension";
  a.agency_id = ref.agency_id;
  a.client_ip = actor.client_ip;
  a.detail = "申请 " + app.number + "：申请延期 " + std::to_string(days) + " 个工作日";
  Result<int64_t> id = s.repo->AddExtensionRequest(r, a);
  return id.ok() ? Status::Ok() : id.status();
}

Result<ActionResult> ApproveExtension(const Services& s, const Actor& actor, const CaseRef& ref,
                                      int days, const std::string& reason, Date on,
                                      const std::string& addressee, Timestamp now) {
  if (reason.empty() || !IsWellFormedUtf8(reason)) return InvalidInput("请填写延期理由");
  Step step;
  step.action = CaseAction::kApproveExtension;
  step.event.kind = EventKind::kExtensionApproved;
  step.event.on = on;
  step.event.extension_days = days;
  step.event.note = reason;
  step.detail = std::to_string(days) + " 个工作日";
  step.check = [on](const CaseFile&, const Deadline* d) -> Result<std::vector<std::string>> {
    GONGKAI_RETURN_IF_ERROR(NeedDeadline(d));
    if (on > d->base_due) {
      return Conflict("基本答复期限已于 " + d->base_due.ToString() +
                      " 届满，延期须在期限届满前批准");
    }
    return std::vector<std::string>{};
  };
  step.notice =
      Builder(s, NoticeKind::kExtension, Addressee(addressee), on,
              [&s, days, reason, on](const CaseFile& f, const Deadline* d) -> Result<NoticeValues> {
                GONGKAI_RETURN_IF_ERROR(NeedDeadline(d));
                DeadlineInput in = DeadlineInputOf(f.application, on);
                in.extension_days += days;
                Result<Deadline> extended = ComputeDeadline(in, *s.calendar, false);
                if (!extended.ok()) return extended.status();
                NoticeValues v;
                v.text["base_due"] = d->base_due.ToChinese();
                v.text["extension_days"] = std::to_string(days);
                v.text["new_due"] = extended->due.ToChinese();
                v.text["reason"] = reason;
                return v;
              });
  return Apply(s, actor, ref, std::move(step), now);
}

Result<ActionResult> NotifyFee(const Services& s, const Actor& actor, const CaseRef& ref,
                               int64_t amount_fen, const std::string& basis, Date on,
                               const std::string& addressee, Timestamp now) {
  if (amount_fen <= 0) return InvalidInput("信息处理费金额应大于 0");
  Step step;
  step.action = CaseAction::kNotifyFee;
  step.event.kind = EventKind::kFeeNotified;
  step.event.on = on;
  step.event.fee_fen = amount_fen;
  step.event.note = basis;
  step.detail = Yuan(amount_fen) + " 元";
  step.notice = Builder(
      s, NoticeKind::kFee, Addressee(addressee), on,
      [amount_fen, basis](const CaseFile&, const Deadline*) -> Result<NoticeValues> {
        NoticeValues v;
        v.text["fee_amount"] = Yuan(amount_fen);
        v.text["basis_text"] =
            basis.empty() ? "你（单位）申请公开政府信息的数量、频次明显超过合理范围。" : basis;
        return v;
      });
  return Apply(s, actor, ref, std::move(step), now);
}

Result<ActionResult> RecordFeePaid(const Services& s, const Actor& actor, const CaseRef& ref,
                                   Date on, Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, ref.agency_id, Role::kHandler));
  Result<CaseFile> file = s.repo->LoadCase(ref.agency_id, ref.application_id);
  if (!file.ok()) return file.status();
  int64_t notified = 0;
  for (const ApplicationEvent& e : file->application.events) {
    if (e.kind == EventKind::kFeeNotified) notified = e.fee_fen;
  }
  Step step;
  step.action = CaseAction::kRecordFeePaid;
  step.event.kind = EventKind::kFeePaid;
  step.event.on = on;
  step.event.fee_fen = notified;
  step.detail = Yuan(notified) + " 元";
  return Apply(s, actor, ref, std::move(step), now);
}

Result<ActionResult> RecordFeeLapsed(const Services& s, const Actor& actor, const CaseRef& ref,
                                     Date on, Timestamp now) {
  Step step;
  step.action = CaseAction::kFeeLapsed;
  step.event.kind = EventKind::kFeeLapsed;
  step.event.on = on;
  return Apply(s, actor, ref, std::move(step), now);
}

Result<ActionResult> Answer(const Services& s, const Actor& actor, const CaseRef& ref,
                            Outcome outcome, const std::string& answer_text,
                            const std::string& legal_basis, Date on, const std::string& addressee,
                            Timestamp now) {
  if (!IsAnswerOutcome(outcome)) {
    return InvalidInput("“" + std::string(ToChinese(outcome)) + "”不是可以作出的答复结果");
  }
  if (!IsWellFormedUtf8(answer_text) || !IsWellFormedUtf8(legal_basis)) {
    return InvalidInput("答复内容含有无效字符");
  }
  Step step;
  step.action = CaseAction::kAnswer;
  step.event.kind = EventKind::kAnswered;
  step.event.on = on;
  step.event.outcome = outcome;
  step.event.note = answer_text;
  step.detail = std::string(ToChinese(outcome));
  step.notice = Builder(
      s, NoticeKind::kAnswer, Addressee(addressee), on,
      [&s, outcome, answer_text, legal_basis](const CaseFile&,
                                              const Deadline*) -> Result<NoticeValues> {
        const OutcomeWording& w = s.notices->Wording(outcome);
        NoticeValues v;
        v.text["decision"] = w.decision;
        v.text["legal_basis"] = legal_basis.empty() ? w.legal_basis : legal_basis;
        v.text["answer_text"] = answer_text;
        return v;
      },
      outcome);
  return Apply(s, actor, ref, std::move(step), now);
}

Result<ActionResult> Withdraw(const Services& s, const Actor& actor, const CaseRef& ref, Date on,
                              const std::string& note, Timestamp now) {
  Step step;
  step.action = CaseAction::kWithdraw;
  step.event.kind = EventKind::kWithdrawn;
  step.event.on = on;
  step.event.note = note;
  return Apply(s, actor, ref, std::move(step), now);
}

Result<Attachment> AttachAnswerFile(const Services& s, const Actor& actor, const CaseRef& ref,
                                    const std::string& file_name, std::string_view bytes,
                                    Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, ref.agency_id, Role::kHandler));
  if (static_cast<int64_t>(bytes.size()) > s.policy.max_attachment_bytes) {
    return InvalidInput("附件 " + SanitizeFileName(file_name) + " 超过大小限制（" +
                        std::to_string(s.policy.max_attachment_bytes / (1024 * 1024)) + " MB）");
  }
  Result<SniffedType> type = SniffContentType(bytes, file_name);
  if (!type.ok()) return type.status();
  Result<CaseFile> file = s.repo->LoadCase(ref.agency_id, ref.application_id);
  if (!file.ok()) return file.status();
  Result<std::string> sha = s.files->Put(bytes);
  if (!sha.ok()) return sha.status();
  Attachment a;
  a.agency_id = ref.agency_id;
  a.owner = AttachmentOwner::kApplication;
  a.owner_id = ref.application_id;
  a.file_name = SanitizeFileName(file_name);
  a.content_type = type->content_type;
  a.size = static_cast<int64_t>(bytes.size());
  a.sha256 = *sha;
  a.actor = actor.login;
  a.created_at = now;
  AuditRecord audit;
  audit.recorded_at = now;
  audit.actor = actor.Name();
  audit.action = "application.attach";
  audit.agency_id = ref.agency_id;
  audit.client_ip = actor.client_ip;
  audit.detail = "申请 " + file->application.number + "：上传答复附件 " + a.file_name + "（" +
                 std::to_string(a.size) + " 字节）";
  Result<int64_t> id = s.repo->AddAttachment(a, audit);
  if (!id.ok()) return id.status();
  a.id = *id;
  return a;
}

Result<Dashboard> LoadDashboard(const Services& s, const Actor& actor,
                                std::optional<int64_t> agency_id, Date today) {
  if (actor.is_public()) return Forbidden("请先登录工作人员账户");
  std::vector<int64_t> agencies;
  if (agency_id) {
    if (!actor.CanRead(*agency_id)) return Forbidden("无权访问其他机关的申请");
    agencies.push_back(*agency_id);
  } else {
    agencies = actor.ReadableAgencies();
  }
  Result<std::vector<Application>> open = s.repo->ListOpenApplications(agencies);
  if (!open.ok()) return open.status();
  std::map<int64_t, std::string> names;
  for (int64_t id : agencies) {
    Result<Agency> a = s.repo->FindAgencyById(id);
    if (a.ok()) names[id] = a->name;
  }
  Dashboard out;
  for (Application& app : *open) {
    DashboardRow row;
    Result<ApplicationState> state = ReplayEvents(app);
    row.state = state.ok() ? *state : ApplicationState::kInProgress;
    if (!state.ok()) row.problem = state.status().message();
    Result<Deadline> d = ComputeDeadline(DeadlineInputOf(app, today), *s.calendar, false);
    if (d.ok()) {
      row.due = d->due;
      Result<int> left = WorkingDaysBetween(today, d->due, *s.calendar);
      if (left.ok()) {
        row.working_days_left = *left;
        row.overdue = *left < 0;
        row.due_soon = *left >= 0 && *left <= 5;
      } else {
        row.overdue = today > d->due;
      }
    } else if (row.problem.empty()) {
      row.problem = d.status().message();
    }
    const bool correction_asked = std::any_of(
        app.events.begin(), app.events.end(),
        [](const ApplicationEvent& e) { return e.kind == EventKind::kCorrectionRequested; });
    if (!correction_asked && row.state == ApplicationState::kInProgress) {
      Result<Date> cnd = CorrectionNoticeDue(app.StatutoryReceiptDate(), *s.calendar);
      if (cnd.ok() && *cnd >= today) row.correction_notice_due = *cnd;
    }
    row.agency_name = names[app.agency_id];
    ++out.by_state[row.state];
    out.due_soon += row.due_soon ? 1 : 0;
    out.overdue += row.overdue ? 1 : 0;
    out.correction_notices_due += row.correction_notice_due ? 1 : 0;
    row.application = std::move(app);
    out.rows.push_back(std::move(row));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const DashboardRow& a, const DashboardRow& b) {
                     const int ka = a.working_days_left.value_or(1 << 20),
                               kb = b.working_days_left.value_or(1 << 20);
                     return ka < kb;
                   });
  return out;
}

Result<std::vector<AuditRecord>> ListAudit(const Services& s, const Actor& actor, int64_t agency_id,
                                           int64_t before_id, int limit) {
  if (actor.is_public()) return Forbidden("请先登录工作人员账户");
  if (!actor.Has(Role::kAdmin, agency_id)) return Forbidden("只有该机关的管理员可以查看审计日志");
  return s.repo->ListAuditRecords(agency_id, before_id, limit);
}

}  // namespace gongkai::app
