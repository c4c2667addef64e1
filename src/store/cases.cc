// Applications created online or registered at the counter, their events, notices and
// attachments, for SociRepository (migration 3).
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <utility>

#include "core/application/state.h"
#include "store/codec.h"
#include "store/soci_repository.h"
#include "store/web_queries.h"
#include "store/web_support.h"

namespace gongkai::store {
namespace {

std::string JoinParagraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) out += '\n';
    out += paragraphs[i];
  }
  return out;
}

std::vector<std::string> SplitParagraphs(const std::string& body) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= body.size() && !body.empty()) {
    size_t end = body.find('\n', pos);
    if (end == std::string::npos) end = body.size();
    out.push_back(body.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

// Inserts a numbered notice; returns it as stored. Throws soci::soci_error.
Notice InsertNotice(Connection& conn, long long agency_id, long long application_id, int event_seq,
                    const NoticeDraft& d, const AuditRecord& audit) {
  Notice n;
  n.agency_id = agency_id;
  n.application_id = application_id;
  n.kind = d.kind;
  n.year = d.issued_on.year();
  n.seq = static_cast<int>(
      NextCounter(conn, agency_id, "notice:" + std::string(ToCode(d.kind)), n.year));
  n.number = FormatNoticeNumber(d.prefix, d.kind, n.year, n.seq);
  n.issued_on = d.issued_on;
  n.title = d.title;
  n.addressee = d.addressee;
  n.paragraphs = d.paragraphs;
  n.signature = d.signature;
  n.to_applicant = d.to_applicant;
  n.outcome = d.outcome;
  n.event_seq = event_seq;
  n.actor = audit.actor;
  n.created_at = audit.recorded_at;

  long long id = AllocateIds(conn, "notices", 1).front();
  n.id = id;
  std::string kind(ToCode(n.kind)),
      number = n.number, issued = DateText(n.issued_on), title = n.title, addressee = n.addressee,
      body = JoinParagraphs(n.paragraphs), signature = n.signature,
      outcome = n.outcome ? std::string(ToCode(*n.outcome)) : "", actor = n.actor,
      created = n.created_at.ToIso8601();
  soci::indicator outcome_ind = n.outcome ? soci::i_ok : soci::i_null;
  int year = n.year, seq = n.seq, to_applicant = n.to_applicant ? 1 : 0, ev = event_seq;
  conn.sql << kInsertNotice, soci::use(id, "id"), soci::use(agency_id, "agency_id"),
      soci::use(application_id, "application_id"), soci::use(kind, "kind"), soci::use(year, "year"),
      soci::use(seq, "seq"), soci::use(number, "number"), soci::use(issued, "issued_on"),
      soci::use(title, "title"), soci::use(addressee, "addressee"), soci::use(body, "body"),
      soci::use(signature, "signature"), soci::use(to_applicant, "to_applicant"),
      soci::use(outcome, outcome_ind, "outcome"), soci::use(ev, "event_seq"),
      soci::use(actor, "actor"), soci::use(created, "created_at");
  return n;
}

// The columns of an application_events row as SOCI binds them, and the event they make.
struct EventRow {
  std::string kind, on, outcome, party, note, actor;
  int ext = 0;
  long long fee = 0;
  soci::indicator outcome_ind = soci::i_null, party_ind = soci::i_null;

  ApplicationEvent Decode() const {
    ApplicationEvent e;
    e.kind = Must(DecodeColumn<EventKind>(kind, "application_events.kind",
                                          [](std::string_view c) { return EventKindFromCode(c); }));
    e.on = DateColumn(on, "application_events.on_date");
    if (outcome_ind == soci::i_ok) {
      e.outcome =
          Must(DecodeColumn<Outcome>(outcome, "application_events.outcome",
                                     [](std::string_view c) { return OutcomeFromCode(c); }));
    }
    e.extension_days = ext;
    if (party_ind == soci::i_ok) {
      e.party = Must(DecodeColumn<ConsultationParty>(
          party, "application_events.party",
          [](std::string_view c) { return ConsultationPartyFromCode(c); }));
    }
    e.fee_fen = fee;
    e.note = note;
    e.actor = actor;
    return e;
  }
};

Result<Application> ReadEventsInto(Connection& conn, Application app,
                                   std::vector<std::string>* ips) {
  long long app_id = app.id;
  EventRow r;
  std::string ip;
  soci::statement st =
      (conn.sql.prepare << kSelectEventsOfApplication, soci::use(app_id, "application_id"),
       soci::into(r.kind), soci::into(r.on), soci::into(r.outcome, r.outcome_ind),
       soci::into(r.ext), soci::into(r.party, r.party_ind), soci::into(r.fee), soci::into(r.note),
       soci::into(r.actor), soci::into(ip));
  st.execute();
  while (st.fetch()) {
    ApplicationEvent e = r.Decode();
    app.events.push_back(std::move(e));
    if (ips) ips->push_back(ip);
    r.outcome_ind = r.party_ind = soci::i_null;
  }
  return app;
}

std::vector<Notice> ReadNotices(Connection& conn, long long agency_id, long long app_id) {
  std::vector<Notice> out;
  long long id = 0;
  int year = 0, seq = 0, to_applicant = 0, event_seq = 0;
  std::string kind, number, issued, title, addressee, body, signature, outcome, actor, created;
  soci::indicator outcome_ind = soci::i_null;
  soci::statement st =
      (conn.sql.prepare << kSelectNoticesOfApplication, soci::use(app_id, "application_id"),
       soci::into(id), soci::into(kind), soci::into(year), soci::into(seq), soci::into(number),
       soci::into(issued), soci::into(title), soci::into(addressee), soci::into(body),
       soci::into(signature), soci::into(to_applicant), soci::into(outcome, outcome_ind),
       soci::into(event_seq), soci::into(actor), soci::into(created));
  st.execute();
  while (st.fetch()) {
    Notice n;
    n.id = id;
    n.agency_id = agency_id;
    n.application_id = app_id;
    n.kind = Must(DecodeColumn<NoticeKind>(
        kind, "notices.kind", [](std::string_view c) { return NoticeKindFromCode(c); }));
    n.year = year;
    n.seq = seq;
    n.number = number;
    n.issued_on = DateColumn(issued, "notices.issued_on");
    n.title = title;
    n.addressee = addressee;
    n.paragraphs = SplitParagraphs(body);
    n.signature = signature;
    n.to_applicant = to_applicant != 0;
    if (outcome_ind == soci::i_ok) {
      n.outcome = Must(DecodeColumn<Outcome>(
          outcome, "notices.outcome", [](std::string_view c) { return OutcomeFromCode(c); }));
    }
    n.event_seq = event_seq;
    n.actor = actor;
    n.created_at = TimestampColumn(created, "notices.created_at");
    out.push_back(std::move(n));
    outcome_ind = soci::i_null;
  }
  return out;
}

struct AttachmentRow {
  long long id = 0, agency_id = 0, owner_id = 0, size = 0;
  std::string owner, file_name, content_type, sha256, actor, created;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(owner));
    st.exchange(soci::into(owner_id));
    st.exchange(soci::into(file_name));
    st.exchange(soci::into(content_type));
    st.exchange(soci::into(size));
    st.exchange(soci::into(sha256));
    st.exchange(soci::into(actor));
    st.exchange(soci::into(created));
  }
  Attachment ToAttachment() const {
    Attachment a;
    a.id = id;
    a.agency_id = agency_id;
    a.owner = Must(DecodeColumn<AttachmentOwner>(
        owner, "attachments.owner", [](std::string_view c) { return AttachmentOwnerFromCode(c); }));
    a.owner_id = owner_id;
    a.file_name = file_name;
    a.content_type = content_type;
    a.size = size;
    a.sha256 = sha256;
    a.actor = actor;
    a.created_at = TimestampColumn(created, "attachments.created_at");
    return a;
  }
};

std::vector<Attachment> ReadAttachments(Connection& conn, long long agency_id, std::string owner,
                                        long long owner_id) {
  std::vector<Attachment> out;
  AttachmentRow row;
  soci::statement st(conn.sql);
  row.Bind(st);
  st.exchange(soci::use(agency_id, "agency_id"));
  st.exchange(soci::use(owner, "owner"));
  st.exchange(soci::use(owner_id, "owner_id"));
  st.alloc();
  st.prepare(kSelectAttachmentsOf);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) out.push_back(row.ToAttachment());
  return out;
}

// Reads one application row selected by `query` (bound by the caller through `bind`), with
// events, notices and attachments; kNotFound `missing` if absent.
template <typename Bind>
Result<CaseFile> ReadCase(Connection& conn, const char* query, Bind bind, const Status& missing) {
  long long id = 0, agency_id = 0;
  std::string number, channel, received, confirmed, type, name, content, rules, code, secret, nonce,
      cipher, form, delivery;
  soci::indicator confirmed_ind = soci::i_null, rules_ind = soci::i_null, code_ind = soci::i_null,
                  secret_ind = soci::i_null, nonce_ind = soci::i_null, cipher_ind = soci::i_null,
                  form_ind = soci::i_null, delivery_ind = soci::i_null;
  soci::statement st(conn.sql);
  st.exchange(soci::into(id));
  st.exchange(soci::into(agency_id));
  st.exchange(soci::into(number));
  st.exchange(soci::into(channel));
  st.exchange(soci::into(received));
  st.exchange(soci::into(confirmed, confirmed_ind));
  st.exchange(soci::into(type));
  st.exchange(soci::into(name));
  st.exchange(soci::into(content));
  st.exchange(soci::into(rules, rules_ind));
  st.exchange(soci::into(code, code_ind));
  st.exchange(soci::into(secret, secret_ind));
  st.exchange(soci::into(nonce, nonce_ind));
  st.exchange(soci::into(cipher, cipher_ind));
  st.exchange(soci::into(form, form_ind));
  st.exchange(soci::into(delivery, delivery_ind));
  bind(st);
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  if (!st.execute(true)) return missing;

  CaseFile f;
  Application& a = f.application;
  a.id = id;
  a.agency_id = agency_id;
  a.number = number;
  a.channel = Must(DecodeColumn<Channel>(channel, "applications.channel",
                                         [](std::string_view c) { return ChannelFromCode(c); }));
  a.received_on = DateColumn(received, "applications.received_on");
  if (confirmed_ind == soci::i_ok)
    a.confirmed_on = DateColumn(confirmed, "applications.confirmed_on");
  a.applicant_type =
      Must(DecodeColumn<ApplicantType>(type, "applications.applicant_type", [](std::string_view c) {
        return ApplicantTypeFromCode(c);
      }));
  a.applicant_name = name;
  a.content = content;
  if (rules_ind == soci::i_ok) {
    a.rules_override =
        Must(DecodeColumn<RuleSet>(rules, "applications.rules_override",
                                   [](std::string_view c) { return RuleSetFromCode(c); }));
  }
  if (code_ind == soci::i_ok) f.tracking_code = code;
  if (secret_ind == soci::i_ok) f.secret_hash = secret;
  if (nonce_ind == soci::i_ok && cipher_ind == soci::i_ok) f.pii = SealedPii{nonce, cipher};
  if (form_ind == soci::i_ok) {
    f.info_form =
        Must(DecodeColumn<InformationForm>(form, "applications.info_form", [](std::string_view c) {
          return InformationFormFromCode(c);
        }));
  }
  if (delivery_ind == soci::i_ok) {
    f.delivery = Must(
        DecodeColumn<DeliveryMethod>(delivery, "applications.delivery",
                                     [](std::string_view c) { return DeliveryMethodFromCode(c); }));
  }
  Result<Application> with_events =
      ReadEventsInto(conn, std::move(f.application), &f.event_client_ips);
  if (!with_events.ok()) return with_events.status();
  f.application = std::move(with_events).value();
  f.notices = ReadNotices(conn, agency_id, id);
  f.attachments = ReadAttachments(conn, agency_id, "application", id);
  {
    long long req_id = 0;
    int days = 0;
    std::string reason, actor, ip, at;
    soci::statement rs = (conn.sql.prepare << kSelectExtensionRequests,
                          soci::use(id, "application_id"), soci::into(req_id), soci::into(days),
                          soci::into(reason), soci::into(actor), soci::into(ip), soci::into(at));
    rs.execute();
    while (rs.fetch()) {
      ExtensionRequest r;
      r.id = req_id;
      r.agency_id = agency_id;
      r.application_id = id;
      r.days = days;
      r.reason = reason;
      r.actor = actor;
      r.client_ip = ip;
      r.requested_at = TimestampColumn(at, "extension_requests.requested_at");
      f.extension_requests.push_back(std::move(r));
    }
  }
  return f;
}

Status CaseNotFound(int64_t id) {
  return NotFound("未找到申请（编号 " + std::to_string(id) + "）");
}

Result<CaseFile> ReadCaseById(Connection& conn, long long agency_id, long long id) {
  return ReadCase(
      conn, kSelectCase,
      [&](soci::statement& st) {
        st.exchange(soci::use(id, "id"));
        st.exchange(soci::use(agency_id, "agency_id"));
      },
      CaseNotFound(id));
}

std::string AgencyList(const std::vector<int64_t>& ids) {
  std::string out = "(";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(ids[i]);
  }
  return out + ")";
}

}  // namespace

Result<CreatedApplication> SociRepository::CreateApplication(const NewApplication& req) {
  return Guarded(*conn_, [&]() -> Result<CreatedApplication> {
    const Application& in = req.application;
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    long long agency_id = in.agency_id;
    Result<Agency> agency = LoadAgencyById(*conn_, agency_id);
    if (!agency.ok()) return agency.status();

    if (!req.idempotency_key.empty()) {
      long long existing = 0;
      std::string key = req.idempotency_key, fingerprint;
      soci::indicator fp_ind = soci::i_null;
      soci::statement st = (conn_->sql.prepare << kSelectApplicationByIdempotency,
                            soci::use(agency_id, "agency_id"), soci::use(key, "idempotency_key"),
                            soci::into(existing), soci::into(fingerprint, fp_ind));
      if (st.execute(true)) {
        if (fp_ind != soci::i_ok || fingerprint != req.form_fingerprint) {
          return Conflict("重复提交的内容与首次提交不一致，请重新打开申请表填写");
        }
        Result<CaseFile> file = ReadCaseById(*conn_, agency_id, existing);
        if (!file.ok()) return file.status();
        tx.Commit();
        return CreatedApplication{std::move(file).value(), false};
      }
    }
    if (!req.tracking_code.empty()) {
      long long taken = 0;
      std::string code = req.tracking_code;
      conn_->sql << kCountTrackingCode, soci::use(code, "tracking_code"), soci::into(taken);
      if (taken > 0) return Conflict("查询码 " + code + " 已被占用");
    }

    Application app = in;
    app.events.clear();
    if (app.number.empty()) {
      // "2026-0001": per agency and year of receipt; numbers taken by imported records are
      // skipped, so the counter never hands out a number twice.
      for (;;) {
        const long long n = NextCounter(*conn_, agency_id, "application", app.received_on.year());
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%04lld", app.received_on.year(), n);
        long long taken = 0;
        std::string number = buf;
        conn_->sql << kCountApplicationNumber, soci::use(agency_id, "agency_id"),
            soci::use(number, "number"), soci::into(taken);
        if (taken == 0) {
          app.number = number;
          break;
        }
      }
    } else {
      long long taken = 0;
      std::string number = app.number;
      conn_->sql << kCountApplicationNumber, soci::use(agency_id, "agency_id"),
          soci::use(number, "number"), soci::into(taken);
      if (taken > 0) return Conflict("登记编号 " + number + " 已存在");
    }

    long long id = AllocateIds(*conn_, "applications", 1).front();
    app.id = id;
    std::string number = app.number, channel(ToCode(app.channel)),
                received = DateText(app.received_on),
                confirmed = app.confirmed_on ? DateText(*app.confirmed_on) : "",
                type(ToCode(app.applicant_type)), name = app.applicant_name, content = app.content,
                rules = app.rules_override ? std::string(ToCode(*app.rules_override)) : "",
                code = req.tracking_code, secret = req.secret_hash,
                nonce = req.pii ? req.pii->nonce : "", cipher = req.pii ? req.pii->ciphertext : "",
                form = req.info_form ? std::string(ToCode(*req.info_form)) : "",
                delivery = req.delivery ? std::string(ToCode(*req.delivery)) : "",
                key = req.idempotency_key, fingerprint = req.form_fingerprint;
    const auto ind = [](bool present) { return present ? soci::i_ok : soci::i_null; };
    soci::indicator confirmed_ind = ind(app.confirmed_on.has_value()),
                    rules_ind = ind(app.rules_override.has_value()), code_ind = ind(!code.empty()),
                    secret_ind = ind(!secret.empty()), pii_ind = ind(req.pii.has_value()),
                    pii_ind2 = pii_ind, form_ind = ind(req.info_form.has_value()),
                    delivery_ind = ind(req.delivery.has_value()), key_ind = ind(!key.empty()),
                    fp_ind = ind(!fingerprint.empty());
    conn_->sql << kInsertWebApplication, soci::use(id, "id"), soci::use(agency_id, "agency_id"),
        soci::use(number, "number"), soci::use(channel, "channel"),
        soci::use(received, "received_on"), soci::use(confirmed, confirmed_ind, "confirmed_on"),
        soci::use(type, "applicant_type"), soci::use(name, "applicant_name"),
        soci::use(content, "content"), soci::use(rules, rules_ind, "rules_override"),
        soci::use(code, code_ind, "tracking_code"), soci::use(secret, secret_ind, "secret_hash"),
        soci::use(nonce, pii_ind, "pii_nonce"), soci::use(cipher, pii_ind2, "pii_ciphertext"),
        soci::use(form, form_ind, "info_form"), soci::use(delivery, delivery_ind, "delivery"),
        soci::use(key, key_ind, "idempotency_key"),
        soci::use(fingerprint, fp_ind, "form_fingerprint");

    if (req.notice) {
      Result<std::optional<NoticeDraft>> draft = req.notice(app);
      if (!draft.ok()) return draft.status();
      if (*draft) InsertNotice(*conn_, agency_id, id, 0, **draft, req.audit);
    }
    AuditRecord audit = req.audit;
    audit.agency_id = agency_id;
    audit.detail += (audit.detail.empty() ? "" : "，") + std::string("登记编号 ") + app.number;
    AppendAuditRow(*conn_, audit);

    Result<CaseFile> file = ReadCaseById(*conn_, agency_id, id);
    if (!file.ok()) return file.status();
    tx.Commit();
    return CreatedApplication{std::move(file).value(), true};
  });
}

Result<CaseFile> SociRepository::LoadCase(int64_t agency_id, int64_t id) {
  return Guarded(*conn_, [&]() -> Result<CaseFile> {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    Result<CaseFile> f = ReadCaseById(*conn_, agency_id, id);
    tx.Commit();
    return f;
  });
}

Result<CaseFile> SociRepository::FindCaseByTrackingCode(std::string_view tracking_code) {
  return Guarded(*conn_, [&]() -> Result<CaseFile> {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    std::string code(tracking_code);
    Result<CaseFile> f = ReadCase(
        *conn_, kSelectCaseByTrackingCode,
        [&](soci::statement& st) { st.exchange(soci::use(code, "tracking_code")); },
        NotFound("未找到查询码对应的申请"));
    tx.Commit();
    return f;
  });
}

Result<AppendedEvent> SociRepository::AppendApplicationEvent(const EventAppend& req) {
  Result<AppendedEvent> out = DoAppendApplicationEvent(req);
  // On PostgreSQL two sessions may both have counted the same events; the second insert of
  // that sequence number violates the primary key: the same situation as a stale count.
  if (!out.ok() && out.status().code() == ErrorCode::kConflict &&
      out.status().message().find("申请已被他人更新") == std::string::npos) {
    return Conflict("申请已被他人更新，请刷新后重试");
  }
  return out;
}

Result<AppendedEvent> SociRepository::DoAppendApplicationEvent(const EventAppend& req) {
  return Guarded(*conn_, [&]() -> Result<AppendedEvent> {
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    long long agency_id = req.agency_id, app_id = req.application_id;
    long long exists = 0;
    conn_->sql << kCountApplicationOfAgency, soci::use(app_id, "id"),
        soci::use(agency_id, "agency_id"), soci::into(exists);
    if (exists == 0) return CaseNotFound(req.application_id);
    long long count = 0;
    conn_->sql << kCountEventsOfApplication, soci::use(app_id, "application_id"), soci::into(count);
    if (count != req.expected_events) {
      return Conflict("申请已被他人更新（现有 " + std::to_string(count) +
                      " 个事件），请刷新后重试");
    }
    const ApplicationEvent& e = req.event;
    int seq = static_cast<int>(count) + 1, ext = e.extension_days;
    std::string kind(ToCode(e.kind)),
        on = DateText(e.on), outcome = e.outcome ? std::string(ToCode(*e.outcome)) : "",
        party = e.party ? std::string(ToCode(*e.party)) : "", note = e.note, actor = e.actor,
        ip = req.client_ip;
    long long fee = e.fee_fen;
    soci::indicator outcome_ind = e.outcome ? soci::i_ok : soci::i_null,
                    party_ind = e.party ? soci::i_ok : soci::i_null;
    conn_->sql << kInsertEventWithIp, soci::use(agency_id, "agency_id"),
        soci::use(app_id, "application_id"), soci::use(seq, "seq"), soci::use(kind, "kind"),
        soci::use(on, "on_date"), soci::use(outcome, outcome_ind, "outcome"),
        soci::use(ext, "extension_days"), soci::use(party, party_ind, "party"),
        soci::use(fee, "fee_fen"), soci::use(note, "note"), soci::use(actor, "actor"),
        soci::use(ip, "client_ip");
    if (e.kind == EventKind::kFeePaid && e.fee_fen > 0) {
      conn_->sql << kInsertFeeOfApplication, soci::use(agency_id, "agency_id"),
          soci::use(on, "on_date"), soci::use(fee, "amount_fen"),
          soci::use(app_id, "application_id");
    }
    AppendedEvent out;
    out.seq = seq;
    if (req.notice)
      out.notice = InsertNotice(*conn_, agency_id, app_id, seq, *req.notice, req.audit);
    AuditRecord audit = req.audit;
    audit.agency_id = agency_id;
    if (out.notice) audit.detail += "，文书 " + out.notice->number;
    AppendAuditRow(*conn_, audit);
    tx.Commit();
    return out;
  });
}

Result<int64_t> SociRepository::AddExtensionRequest(const ExtensionRequest& r,
                                                    const AuditRecord& audit) {
  return Guarded(*conn_, [&]() -> Result<int64_t> {
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    long long agency_id = r.agency_id, app_id = r.application_id;
    long long exists = 0;
    conn_->sql << kCountApplicationOfAgency, soci::use(app_id, "id"),
        soci::use(agency_id, "agency_id"), soci::into(exists);
    if (exists == 0) return CaseNotFound(r.application_id);
    long long id = AllocateIds(*conn_, "extension_requests", 1).front();
    int days = r.days;
    std::string reason = r.reason, actor = r.actor, ip = r.client_ip,
                at = r.requested_at.ToIso8601();
    conn_->sql << kInsertExtensionRequest, soci::use(id, "id"), soci::use(agency_id, "agency_id"),
        soci::use(app_id, "application_id"), soci::use(days, "days"), soci::use(reason, "reason"),
        soci::use(actor, "actor"), soci::use(ip, "client_ip"), soci::use(at, "requested_at");
    AuditRecord a = audit;
    a.agency_id = agency_id;
    AppendAuditRow(*conn_, a);
    tx.Commit();
    return static_cast<int64_t>(id);
  });
}

Result<std::vector<Application>> SociRepository::ListOpenApplications(
    const std::vector<int64_t>& agency_ids) {
  if (agency_ids.empty()) return std::vector<Application>{};
  return Guarded(*conn_, [&]() -> Result<std::vector<Application>> {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    const std::string in = AgencyList(agency_ids);
    std::vector<Application> apps;
    std::map<long long, size_t> index;
    {
      long long id = 0, agency_id = 0;
      std::string number, channel, received, confirmed, type, content, rules;
      soci::indicator confirmed_ind = soci::i_null, rules_ind = soci::i_null;
      soci::statement st =
          (conn_->sql.prepare << std::string(kSelectOpenApplicationsPrefix) + in +
                                     " ORDER BY a.received_on, a.id",
           soci::into(id), soci::into(agency_id), soci::into(number), soci::into(channel),
           soci::into(received), soci::into(confirmed, confirmed_ind), soci::into(type),
           soci::into(content), soci::into(rules, rules_ind));
      st.execute();
      while (st.fetch()) {
        Application a;
        a.id = id;
        a.agency_id = agency_id;
        a.number = number;
        a.channel =
            Must(DecodeColumn<Channel>(channel, "applications.channel",
                                       [](std::string_view c) { return ChannelFromCode(c); }));
        a.received_on = DateColumn(received, "applications.received_on");
        if (confirmed_ind == soci::i_ok) {
          a.confirmed_on = DateColumn(confirmed, "applications.confirmed_on");
        }
        a.applicant_type = Must(DecodeColumn<ApplicantType>(
            type, "applications.applicant_type",
            [](std::string_view c) { return ApplicantTypeFromCode(c); }));
        a.content = content;
        if (rules_ind == soci::i_ok) {
          a.rules_override =
              Must(DecodeColumn<RuleSet>(rules, "applications.rules_override",
                                         [](std::string_view c) { return RuleSetFromCode(c); }));
        }
        index[id] = apps.size();
        apps.push_back(std::move(a));
        confirmed_ind = rules_ind = soci::i_null;
      }
    }
    long long app_id = 0;
    EventRow r;
    soci::statement st =
        (conn_->sql.prepare << std::string(kSelectOpenEventsPrefix) + in +
                                   " ORDER BY e.application_id, e.seq",
         soci::into(app_id), soci::into(r.kind), soci::into(r.on),
         soci::into(r.outcome, r.outcome_ind), soci::into(r.ext), soci::into(r.party, r.party_ind),
         soci::into(r.fee), soci::into(r.note), soci::into(r.actor));
    st.execute();
    while (st.fetch()) {
      auto it = index.find(app_id);
      if (it == index.end()) continue;
      apps[it->second].events.push_back(r.Decode());
      r.outcome_ind = r.party_ind = soci::i_null;
    }
    tx.Commit();
    return apps;
  });
}

Result<int64_t> SociRepository::AddAttachment(const Attachment& a, const AuditRecord& audit) {
  return Guarded(*conn_, [&]() -> Result<int64_t> {
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    long long agency_id = a.agency_id, owner_id = a.owner_id;
    bool item_public = false;
    if (a.owner == AttachmentOwner::kApplication) {
      long long exists = 0;
      conn_->sql << kCountApplicationOfAgency, soci::use(owner_id, "id"),
          soci::use(agency_id, "agency_id"), soci::into(exists);
      if (exists == 0) return CaseNotFound(a.owner_id);
    } else {
      std::string index_no, created, published, withdrawn;
      soci::indicator pub_ind = soci::i_null, wd_ind = soci::i_null;
      soci::statement st =
          (conn_->sql.prepare << kSelectCatalogState, soci::use(owner_id, "id"),
           soci::use(agency_id, "agency_id"), soci::into(index_no), soci::into(created),
           soci::into(published, pub_ind), soci::into(withdrawn, wd_ind));
      if (!st.execute(true)) {
        return NotFound("未找到目录条目（编号 " + std::to_string(a.owner_id) + "）");
      }
      if (wd_ind == soci::i_ok) return Conflict("目录条目已撤回，不能再添加附件");
      item_public = pub_ind == soci::i_ok;
    }
    long long id = AllocateIds(*conn_, "attachments", 1).front();
    std::string owner(ToCode(a.owner)), name = a.file_name, type = a.content_type, sha = a.sha256,
                                        actor = a.actor, created = a.created_at.ToIso8601();
    long long size = a.size;
    conn_->sql << kInsertAttachment, soci::use(id, "id"), soci::use(agency_id, "agency_id"),
        soci::use(owner, "owner"), soci::use(owner_id, "owner_id"), soci::use(name, "file_name"),
        soci::use(type, "content_type"), soci::use(size, "size"), soci::use(sha, "sha256"),
        soci::use(actor, "actor"), soci::use(created, "created_at");
    if (item_public) AppendCatalogOutbox(*conn_, agency_id, owner_id, "upsert", audit.recorded_at);
    AuditRecord r = audit;
    r.agency_id = a.agency_id;
    AppendAuditRow(*conn_, r);
    tx.Commit();
    return static_cast<int64_t>(id);
  });
}

Result<std::vector<Attachment>> SociRepository::ListAttachments(int64_t agency_id,
                                                                AttachmentOwner owner,
                                                                int64_t owner_id) {
  return Guarded(*conn_, [&]() -> Result<std::vector<Attachment>> {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    std::vector<Attachment> out =
        ReadAttachments(*conn_, agency_id, std::string(ToCode(owner)), owner_id);
    tx.Commit();
    return out;
  });
}

Result<Attachment> SociRepository::FindAttachment(int64_t agency_id, int64_t id) {
  return Guarded(*conn_, [&]() -> Result<Attachment> {
    long long key = id, agency = agency_id;
    AttachmentRow row;
    soci::statement st(conn_->sql);
    row.Bind(st);
    st.exchange(soci::use(key, "id"));
    st.exchange(soci::use(agency, "agency_id"));
    st.alloc();
    st.prepare(kSelectAttachment);
    st.define_and_bind();
    if (!st.execute(true)) return NotFound("未找到附件（编号 " + std::to_string(id) + "）");
    return row.ToAttachment();
  });
}

}  // namespace gongkai::store
