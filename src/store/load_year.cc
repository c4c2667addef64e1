// SociRepository::LoadYear: the records of one agency-year (selection rules on YearRecords in
// core/records.h), read in one read transaction with a fixed number of queries — never one per
// application. Large tables are fetched in chunks of kChunk rows into column vectors (SOCI bulk
// into) and assembled here; applications and their events come from two queries ordered by
// application id and are merged in one pass.
#include <string>
#include <vector>

#include "store/codec.h"
#include "store/queries.h"
#include "store/soci_repository.h"

namespace gongkai::store {
namespace {

constexpr size_t kChunk = 10'000;

#define GONGKAI_ASSIGN_OR_RETURN(lhs, expr) \
  do {                                      \
    auto _result = (expr);                  \
    if (!_result.ok()) return _result.status(); \
    lhs = std::move(_result).value();       \
  } while (0)

// A column of a chunked bulk fetch, with its null indicators.
template <typename T>
struct Column {
  std::vector<T> values = std::vector<T>(kChunk);
  std::vector<soci::indicator> nulls = std::vector<soci::indicator>(kChunk);

  void Reset() {
    values.resize(kChunk);
    nulls.resize(kChunk);
  }
  bool IsNull(size_t i) const { return nulls[i] == soci::i_null; }
  auto Into() { return soci::into(values, nulls); }
};

// Parameters of the *OfYear queries, bound by name (each may occur several times).
struct YearParams {
  long long agency_id;
  int year;
  std::string first;  // "Y-01-01"
  std::string last;   // "Y-12-31"

  void BindAll(soci::statement& st) {
    st.exchange(soci::use(agency_id, "agency_id"));
    st.exchange(soci::use(first, "first"));
    st.exchange(soci::use(last, "last"));
  }
};

// Prepares `query` with the given into-columns (already exchanged) and the year parameters,
// and executes it without fetching.
void Start(soci::statement& st, const char* query, YearParams& p, bool with_year = false) {
  if (with_year) {
    st.exchange(soci::use(p.agency_id, "agency_id"));
    st.exchange(soci::use(p.year, "year"));
  } else {
    p.BindAll(st);
  }
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(false);
}

Result<std::optional<Date>> OptionalDate(const Column<std::string>& c, size_t i,
                                         std::string_view column) {
  if (c.IsNull(i)) return std::optional<Date>();
  Result<Date> d = ParseDateColumn(c.values[i], column);
  if (!d.ok()) return d.status();
  return std::optional<Date>(*d);
}

class YearLoader {
 public:
  YearLoader(Connection& conn, YearParams params, YearRecords& out)
      : conn_(conn), p_(std::move(params)), out_(out) {}

  Status Applications() {
    Column<long long> id;
    Column<std::string> number, channel, received, confirmed, applicant_type, name, content,
        rules;
    soci::statement st(conn_.sql);
    st.exchange(id.Into());
    st.exchange(number.Into());
    st.exchange(channel.Into());
    st.exchange(received.Into());
    st.exchange(confirmed.Into());
    st.exchange(applicant_type.Into());
    st.exchange(name.Into());
    st.exchange(content.Into());
    st.exchange(rules.Into());
    Start(st, kSelectApplicationsOfYear, p_);
    std::vector<Application>& apps = out_.applications;
    while (st.fetch()) {
      for (size_t i = 0; i < id.values.size(); ++i) {
        Application& a = apps.emplace_back();
        a.id = id.values[i];
        a.agency_id = p_.agency_id;
        a.number = std::move(number.values[i]);
        GONGKAI_ASSIGN_OR_RETURN(
            a.channel, DecodeColumn<Channel>(channel.values[i], "applications.channel",
                                             ChannelFromCode));
        GONGKAI_ASSIGN_OR_RETURN(a.received_on,
                                 ParseDateColumn(received.values[i], "applications.received_on"));
        GONGKAI_ASSIGN_OR_RETURN(a.confirmed_on,
                                 OptionalDate(confirmed, i, "applications.confirmed_on"));
        GONGKAI_ASSIGN_OR_RETURN(
            a.applicant_type,
            DecodeColumn<ApplicantType>(applicant_type.values[i], "applications.applicant_type",
                                        ApplicantTypeFromCode));
        a.applicant_name = std::move(name.values[i]);
        a.content = std::move(content.values[i]);
        if (!rules.IsNull(i)) {
          RuleSet r{};
          GONGKAI_ASSIGN_OR_RETURN(r, DecodeColumn<RuleSet>(rules.values[i],
                                                            "applications.rules_override",
                                                            RuleSetFromCode));
          a.rules_override = r;
        }
      }
      for (auto* c : {&number, &channel, &received, &confirmed, &applicant_type, &name, &content,
                      &rules}) {
        c->Reset();
      }
      id.Reset();
    }
    return Events();
  }

  Status CatalogItems() {
    Column<long long> id;
    Column<std::string> index_no, title, doc_no, publisher, created, published, withdrawn, topic,
        genre, summary, body, issuing_body, issued, effective, expired, repealed;
    Column<int> article20, is_normative, is_rule;
    soci::statement st(conn_.sql);
    st.exchange(id.Into());
    for (auto* c : {&index_no, &title, &doc_no, &publisher, &created, &published, &withdrawn,
                    &topic, &genre, &summary, &body}) {
      st.exchange(c->Into());
    }
    st.exchange(article20.Into());
    st.exchange(is_normative.Into());
    st.exchange(is_rule.Into());
    for (auto* c : {&issuing_body, &issued, &effective, &expired, &repealed}) {
      st.exchange(c->Into());
    }
    Start(st, kSelectCatalogOfYear, p_);
    std::vector<CatalogItem>& items = out_.catalog_items;
    while (st.fetch()) {
      for (size_t i = 0; i < id.values.size(); ++i) {
        CatalogItem& c = items.emplace_back();
        c.id = id.values[i];
        c.agency_id = p_.agency_id;
        c.index_no = std::move(index_no.values[i]);
        c.title = std::move(title.values[i]);
        c.doc_no = std::move(doc_no.values[i]);
        c.publisher = std::move(publisher.values[i]);
        GONGKAI_ASSIGN_OR_RETURN(c.created_on,
                                 ParseDateColumn(created.values[i], "catalog_items.created_on"));
        GONGKAI_ASSIGN_OR_RETURN(c.published_on,
                                 OptionalDate(published, i, "catalog_items.published_on"));
        GONGKAI_ASSIGN_OR_RETURN(c.withdrawn_on,
                                 OptionalDate(withdrawn, i, "catalog_items.withdrawn_on"));
        c.topic = std::move(topic.values[i]);
        c.genre = std::move(genre.values[i]);
        c.summary = std::move(summary.values[i]);
        c.body = std::move(body.values[i]);
        if (!article20.IsNull(i)) c.article20_item = article20.values[i];
        if (is_normative.values[i] != 0) {
          NormativeDocument d;
          d.is_rule = !is_rule.IsNull(i) && is_rule.values[i] != 0;
          d.issuing_body = std::move(issuing_body.values[i]);
          GONGKAI_ASSIGN_OR_RETURN(
              d.issued_on, ParseDateColumn(issued.values[i], "catalog_items.norm_issued_on"));
          GONGKAI_ASSIGN_OR_RETURN(d.effective_on,
                                   OptionalDate(effective, i, "catalog_items.norm_effective_on"));
          GONGKAI_ASSIGN_OR_RETURN(d.expired_on,
                                   OptionalDate(expired, i, "catalog_items.norm_expired_on"));
          GONGKAI_ASSIGN_OR_RETURN(d.repealed_on,
                                   OptionalDate(repealed, i, "catalog_items.norm_repealed_on"));
          c.normative = std::move(d);
        }
      }
      id.Reset();
      for (auto* c : {&index_no, &title, &doc_no, &publisher, &created, &published, &withdrawn,
                      &topic, &genre, &summary, &body, &issuing_body, &issued, &effective,
                      &expired, &repealed}) {
        c->Reset();
      }
      article20.Reset();
      is_normative.Reset();
      is_rule.Reset();
    }
    return Publications();
  }

  Status Reviews() {
    Column<long long> id, app_id;
    Column<std::string> number, app_number, filed, decided, result;
    soci::statement st(conn_.sql);
    st.exchange(id.Into());
    st.exchange(number.Into());
    st.exchange(app_id.Into());
    st.exchange(app_number.Into());
    st.exchange(filed.Into());
    st.exchange(decided.Into());
    st.exchange(result.Into());
    Start(st, kSelectReviewsOfYear, p_);
    while (st.fetch()) {
      for (size_t i = 0; i < id.values.size(); ++i) {
        Review& r = out_.reviews.emplace_back();
        r.id = id.values[i];
        r.agency_id = p_.agency_id;
        r.number = std::move(number.values[i]);
        if (!app_id.IsNull(i)) {
          r.application_id = app_id.values[i];
          r.application_number = std::move(app_number.values[i]);
        }
        GONGKAI_ASSIGN_OR_RETURN(r.filed_on, ParseDateColumn(filed.values[i], "reviews.filed_on"));
        GONGKAI_ASSIGN_OR_RETURN(r.decided_on, OptionalDate(decided, i, "reviews.decided_on"));
        GONGKAI_ASSIGN_OR_RETURN(r.result, DecodeColumn<CaseResult>(result.values[i],
                                                                    "reviews.result",
                                                                    CaseResultFromCode));
      }
      id.Reset();
      app_id.Reset();
      for (auto* c : {&number, &app_number, &filed, &decided, &result}) c->Reset();
    }
    return Status::Ok();
  }

  Status Lawsuits() {
    Column<long long> id, app_id, review_id;
    Column<std::string> number, app_number, review_number, filed, decided, result;
    Column<int> after_review;
    soci::statement st(conn_.sql);
    st.exchange(id.Into());
    st.exchange(number.Into());
    st.exchange(app_id.Into());
    st.exchange(app_number.Into());
    st.exchange(after_review.Into());
    st.exchange(review_id.Into());
    st.exchange(review_number.Into());
    st.exchange(filed.Into());
    st.exchange(decided.Into());
    st.exchange(result.Into());
    Start(st, kSelectLawsuitsOfYear, p_);
    while (st.fetch()) {
      for (size_t i = 0; i < id.values.size(); ++i) {
        Lawsuit& l = out_.lawsuits.emplace_back();
        l.id = id.values[i];
        l.agency_id = p_.agency_id;
        l.number = std::move(number.values[i]);
        if (!app_id.IsNull(i)) {
          l.application_id = app_id.values[i];
          l.application_number = std::move(app_number.values[i]);
        }
        l.after_review = after_review.values[i] != 0;
        if (!review_id.IsNull(i)) {
          l.review_id = review_id.values[i];
          l.review_number = std::move(review_number.values[i]);
        }
        GONGKAI_ASSIGN_OR_RETURN(l.filed_on,
                                 ParseDateColumn(filed.values[i], "lawsuits.filed_on"));
        GONGKAI_ASSIGN_OR_RETURN(l.decided_on, OptionalDate(decided, i, "lawsuits.decided_on"));
        GONGKAI_ASSIGN_OR_RETURN(l.result, DecodeColumn<CaseResult>(result.values[i],
                                                                    "lawsuits.result",
                                                                    CaseResultFromCode));
      }
      id.Reset();
      app_id.Reset();
      review_id.Reset();
      after_review.Reset();
      for (auto* c : {&number, &app_number, &review_number, &filed, &decided, &result}) {
        c->Reset();
      }
    }
    return Status::Ok();
  }

  Status Complaints() {
    Column<long long> id;
    Column<std::string> received, subject;
    soci::statement st(conn_.sql);
    st.exchange(id.Into());
    st.exchange(received.Into());
    st.exchange(subject.Into());
    Start(st, kSelectComplaintsOfYear, p_);
    while (st.fetch()) {
      for (size_t i = 0; i < id.values.size(); ++i) {
        Complaint& c = out_.complaints.emplace_back();
        c.id = id.values[i];
        c.agency_id = p_.agency_id;
        GONGKAI_ASSIGN_OR_RETURN(c.received_on,
                                 ParseDateColumn(received.values[i], "complaints.received_on"));
        c.subject = std::move(subject.values[i]);
      }
      id.Reset();
      received.Reset();
      subject.Reset();
    }
    return Status::Ok();
  }

  Status HotTopics() {
    Column<long long> id;
    Column<std::string> key, title, seen;
    soci::statement st(conn_.sql);
    st.exchange(id.Into());
    st.exchange(key.Into());
    st.exchange(title.Into());
    st.exchange(seen.Into());
    Start(st, kSelectHotTopicsOfYear, p_);
    while (st.fetch()) {
      for (size_t i = 0; i < id.values.size(); ++i) {
        HotTopic& h = out_.hot_topics.emplace_back();
        h.id = id.values[i];
        h.agency_id = p_.agency_id;
        h.key = std::move(key.values[i]);
        h.title = std::move(title.values[i]);
        GONGKAI_ASSIGN_OR_RETURN(h.first_seen_on,
                                 ParseDateColumn(seen.values[i], "hot_topics.first_seen_on"));
      }
      id.Reset();
      key.Reset();
      title.Reset();
      seen.Reset();
    }
    return Status::Ok();
  }

  Status Responses() {
    Column<long long> id, topic_id;
    Column<std::string> kind, on, title, topic_key;
    Column<int> leader;
    soci::statement st(conn_.sql);
    st.exchange(id.Into());
    st.exchange(kind.Into());
    st.exchange(on.Into());
    st.exchange(title.Into());
    st.exchange(leader.Into());
    st.exchange(topic_id.Into());
    st.exchange(topic_key.Into());
    Start(st, kSelectResponsesOfYear, p_);
    while (st.fetch()) {
      for (size_t i = 0; i < id.values.size(); ++i) {
        Response& r = out_.responses.emplace_back();
        r.id = id.values[i];
        r.agency_id = p_.agency_id;
        GONGKAI_ASSIGN_OR_RETURN(r.kind, DecodeColumn<ResponseKind>(kind.values[i],
                                                                    "responses.kind",
                                                                    ResponseKindFromCode));
        GONGKAI_ASSIGN_OR_RETURN(r.on, ParseDateColumn(on.values[i], "responses.on_date"));
        r.title = std::move(title.values[i]);
        r.principal_leader = leader.values[i] != 0;
        if (!topic_id.IsNull(i)) {
          r.hot_topic_id = topic_id.values[i];
          r.hot_topic_key = std::move(topic_key.values[i]);
        }
      }
      id.Reset();
      topic_id.Reset();
      leader.Reset();
      for (auto* c : {&kind, &on, &title, &topic_key}) c->Reset();
    }
    return Status::Ok();
  }

  Status Meetings() {
    Column<long long> id;
    Column<std::string> on, title;
    soci::statement st(conn_.sql);
    st.exchange(id.Into());
    st.exchange(on.Into());
    st.exchange(title.Into());
    Start(st, kSelectMeetingsOfYear, p_);
    while (st.fetch()) {
      for (size_t i = 0; i < id.values.size(); ++i) {
        Meeting& m = out_.meetings.emplace_back();
        m.id = id.values[i];
        m.agency_id = p_.agency_id;
        GONGKAI_ASSIGN_OR_RETURN(m.on, ParseDateColumn(on.values[i], "meetings.on_date"));
        m.title = std::move(title.values[i]);
      }
      id.Reset();
      on.Reset();
      title.Reset();
    }
    return Status::Ok();
  }

  Status Trainings() {
    Column<long long> id;
    Column<std::string> on, title;
    Column<int> trainees;
    soci::statement st(conn_.sql);
    st.exchange(id.Into());
    st.exchange(on.Into());
    st.exchange(title.Into());
    st.exchange(trainees.Into());
    Start(st, kSelectTrainingsOfYear, p_);
    while (st.fetch()) {
      for (size_t i = 0; i < id.values.size(); ++i) {
        Training& t = out_.trainings.emplace_back();
        t.id = id.values[i];
        t.agency_id = p_.agency_id;
        GONGKAI_ASSIGN_OR_RETURN(t.on, ParseDateColumn(on.values[i], "trainings.on_date"));
        t.title = std::move(title.values[i]);
        t.trainees = trainees.values[i];
      }
      id.Reset();
      on.Reset();
      title.Reset();
      trainees.Reset();
    }
    return Status::Ok();
  }

  Status StaffingOfYear() {
    Staffing s;
    s.agency_id = p_.agency_id;
    s.year = p_.year;
    long long budget = 0;
    soci::statement st(conn_.sql);
    st.exchange(soci::into(s.full_time));
    st.exchange(soci::into(s.part_time));
    st.exchange(soci::into(s.dedicated_offices));
    st.exchange(soci::into(s.reading_points));
    st.exchange(soci::into(budget));
    Start(st, kSelectStaffingOfYear, p_, /*with_year=*/true);
    if (st.fetch()) {
      s.budget_fen = budget;
      out_.staffing = s;
    }
    return Status::Ok();
  }

  Status Fees() {
    Column<long long> id, amount, app_id;
    Column<std::string> on, app_number;
    soci::statement st(conn_.sql);
    st.exchange(id.Into());
    st.exchange(on.Into());
    st.exchange(amount.Into());
    st.exchange(app_id.Into());
    st.exchange(app_number.Into());
    Start(st, kSelectFeesOfYear, p_);
    while (st.fetch()) {
      for (size_t i = 0; i < id.values.size(); ++i) {
        FeeCollected& f = out_.fees.emplace_back();
        f.id = id.values[i];
        f.agency_id = p_.agency_id;
        GONGKAI_ASSIGN_OR_RETURN(f.on, ParseDateColumn(on.values[i], "fees.on_date"));
        f.amount_fen = amount.values[i];
        if (!app_id.IsNull(i)) {
          f.application_id = app_id.values[i];
          f.application_number = std::move(app_number.values[i]);
        }
      }
      id.Reset();
      amount.Reset();
      app_id.Reset();
      on.Reset();
      app_number.Reset();
    }
    return Status::Ok();
  }

  Status ManualFigures() {
    Column<long long> id, micros;
    Column<std::string> format_id, cell_id, entered_by, entered_at, source;
    soci::statement st(conn_.sql);
    st.exchange(id.Into());
    st.exchange(format_id.Into());
    st.exchange(cell_id.Into());
    st.exchange(micros.Into());
    st.exchange(entered_by.Into());
    st.exchange(entered_at.Into());
    st.exchange(source.Into());
    Start(st, kSelectManualFiguresOfYear, p_, /*with_year=*/true);
    while (st.fetch()) {
      for (size_t i = 0; i < id.values.size(); ++i) {
        ManualFigure& m = out_.manual_figures.emplace_back();
        m.id = id.values[i];
        m.agency_id = p_.agency_id;
        m.year = p_.year;
        m.format_id = std::move(format_id.values[i]);
        m.cell_id = std::move(cell_id.values[i]);
        m.value = Decimal::FromMicros(micros.values[i]);
        m.entered_by = std::move(entered_by.values[i]);
        m.entered_at = std::move(entered_at.values[i]);
        m.source = std::move(source.values[i]);
      }
      id.Reset();
      micros.Reset();
      for (auto* c : {&format_id, &cell_id, &entered_by, &entered_at, &source}) c->Reset();
    }
    return Status::Ok();
  }

  Status Narrative() {
    Column<std::string> format_id, section_id, body, edited_by, edited_at;
    soci::statement st(conn_.sql);
    for (auto* c : {&format_id, &section_id, &body, &edited_by, &edited_at}) {
      st.exchange(c->Into());
    }
    Start(st, kSelectNarrativeOfYear, p_, /*with_year=*/true);
    while (st.fetch()) {
      for (size_t i = 0; i < format_id.values.size(); ++i) {
        NarrativeSection& n = out_.narrative.emplace_back();
        n.agency_id = p_.agency_id;
        n.year = p_.year;
        n.format_id = std::move(format_id.values[i]);
        n.section_id = std::move(section_id.values[i]);
        n.body = std::move(body.values[i]);
        n.edited_by = std::move(edited_by.values[i]);
        n.edited_at = std::move(edited_at.values[i]);
      }
      for (auto* c : {&format_id, &section_id, &body, &edited_by, &edited_at}) c->Reset();
    }
    return Status::Ok();
  }

 private:
  // Events of the applications just loaded, merged by application id (both ordered by it).
  Status Events() {
    Column<long long> app_id, fee;
    Column<int> extension;
    Column<std::string> kind, on, outcome, party, note, actor;
    soci::statement st(conn_.sql);
    st.exchange(app_id.Into());
    st.exchange(kind.Into());
    st.exchange(on.Into());
    st.exchange(outcome.Into());
    st.exchange(extension.Into());
    st.exchange(party.Into());
    st.exchange(fee.Into());
    st.exchange(note.Into());
    st.exchange(actor.Into());
    Start(st, kSelectEventsOfYear, p_);
    std::vector<Application>& apps = out_.applications;
    size_t cursor = 0;
    while (st.fetch()) {
      for (size_t i = 0; i < app_id.values.size(); ++i) {
        while (cursor < apps.size() && apps[cursor].id < app_id.values[i]) ++cursor;
        if (cursor == apps.size() || apps[cursor].id != app_id.values[i]) {
          return Internal("申请与事件的查询结果不一致（申请编号 " +
                          std::to_string(app_id.values[i]) + "）");
        }
        ApplicationEvent& e = apps[cursor].events.emplace_back();
        GONGKAI_ASSIGN_OR_RETURN(e.kind, DecodeColumn<EventKind>(kind.values[i],
                                                                 "application_events.kind",
                                                                 EventKindFromCode));
        GONGKAI_ASSIGN_OR_RETURN(e.on,
                                 ParseDateColumn(on.values[i], "application_events.on_date"));
        if (!outcome.IsNull(i)) {
          Outcome o{};
          GONGKAI_ASSIGN_OR_RETURN(o, DecodeColumn<Outcome>(outcome.values[i],
                                                            "application_events.outcome",
                                                            OutcomeFromCode));
          e.outcome = o;
        }
        e.extension_days = extension.values[i];
        if (!party.IsNull(i)) {
          ConsultationParty cp{};
          GONGKAI_ASSIGN_OR_RETURN(cp, DecodeColumn<ConsultationParty>(
                                           party.values[i], "application_events.party",
                                           ConsultationPartyFromCode));
          e.party = cp;
        }
        e.fee_fen = fee.values[i];
        e.note = std::move(note.values[i]);
        e.actor = std::move(actor.values[i]);
      }
      app_id.Reset();
      fee.Reset();
      extension.Reset();
      for (auto* c : {&kind, &on, &outcome, &party, &note, &actor}) c->Reset();
    }
    return Status::Ok();
  }

  Status Publications() {
    Column<long long> item_id;
    Column<std::string> channel, published;
    soci::statement st(conn_.sql);
    st.exchange(item_id.Into());
    st.exchange(channel.Into());
    st.exchange(published.Into());
    Start(st, kSelectPublicationsOfYear, p_);
    std::vector<CatalogItem>& items = out_.catalog_items;
    size_t cursor = 0;
    while (st.fetch()) {
      for (size_t i = 0; i < item_id.values.size(); ++i) {
        while (cursor < items.size() && items[cursor].id < item_id.values[i]) ++cursor;
        if (cursor == items.size() || items[cursor].id != item_id.values[i]) {
          return Internal("目录条目与发布渠道的查询结果不一致（条目编号 " +
                          std::to_string(item_id.values[i]) + "）");
        }
        ChannelPublication& p = items[cursor].channels.emplace_back();
        GONGKAI_ASSIGN_OR_RETURN(
            p.channel, DecodeColumn<PublicationChannel>(channel.values[i],
                                                        "catalog_publications.channel",
                                                        PublicationChannelFromCode));
        GONGKAI_ASSIGN_OR_RETURN(p.published_on,
                                 ParseDateColumn(published.values[i],
                                                 "catalog_publications.published_on"));
      }
      item_id.Reset();
      channel.Reset();
      published.Reset();
    }
    return Status::Ok();
  }

  Connection& conn_;
  YearParams p_;
  YearRecords& out_;
};

}  // namespace

Result<YearRecords> SociRepository::DoLoadYear(int64_t agency_id, int year) {
  if (year < 1000 || year > 9999) {
    return InvalidInput("年份 " + std::to_string(year) + " 无效");
  }
  Transaction tx(*conn_, Transaction::Mode::kRead);
  YearRecords out;
  GONGKAI_ASSIGN_OR_RETURN(out.agency, LoadAgencyById(*conn_, agency_id));
  out.year = year;
  const std::string y = std::to_string(year);
  YearLoader loader(*conn_, YearParams{agency_id, year, y + "-01-01", y + "-12-31"}, out);
  GONGKAI_RETURN_IF_ERROR(loader.Applications());
  GONGKAI_RETURN_IF_ERROR(loader.CatalogItems());
  GONGKAI_RETURN_IF_ERROR(loader.Reviews());
  GONGKAI_RETURN_IF_ERROR(loader.Lawsuits());
  GONGKAI_RETURN_IF_ERROR(loader.Complaints());
  GONGKAI_RETURN_IF_ERROR(loader.HotTopics());
  GONGKAI_RETURN_IF_ERROR(loader.Responses());
  GONGKAI_RETURN_IF_ERROR(loader.Meetings());
  GONGKAI_RETURN_IF_ERROR(loader.Trainings());
  GONGKAI_RETURN_IF_ERROR(loader.StaffingOfYear());
  GONGKAI_RETURN_IF_ERROR(loader.Fees());
  GONGKAI_RETURN_IF_ERROR(loader.ManualFigures());
  GONGKAI_RETURN_IF_ERROR(loader.Narrative());
  tx.Commit();
  return out;
}

}  // namespace gongkai::store
