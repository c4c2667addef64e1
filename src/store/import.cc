// SociRepository::Import: one write transaction, agencies upserted by slug, every other record
// inserted with bulk statements (one prepared statement per table, all rows bound as vectors),
// cross references resolved by key. Checks that produce a useful message (duplicates, unknown
// references) run in C++ before the inserts; the schema's constraints remain the safety net.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/codec.h"
#include "store/queries.h"
#include "store/soci_repository.h"

namespace gongkai::store {
namespace {

// A nullable column of a bulk insert.
template <typename T>
struct NullableColumn {
  std::vector<T> values;
  std::vector<soci::indicator> indicators;

  void Add(const std::optional<T>& v) {
    values.push_back(v ? *v : T{});
    indicators.push_back(v ? soci::i_ok : soci::i_null);
  }
};

std::optional<std::string> OptionalDate(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return DateText(*d);
}

bool IsValidSlug(const std::string& slug) {
  if (slug.empty()) return false;
  return std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// The tables whose rows other rows (or duplicate checks) refer to by a key.
enum class Keyed { kCatalog, kApplication, kReview, kLawsuit, kHotTopic };

const char* KeysQuery(Keyed k) {
  switch (k) {
    case Keyed::kCatalog: return kSelectCatalogKeys;
    case Keyed::kApplication: return kSelectApplicationKeys;
    case Keyed::kReview: return kSelectReviewKeys;
    case Keyed::kLawsuit: return kSelectLawsuitKeys;
    case Keyed::kHotTopic: return kSelectHotTopicKeys;
  }
  return "";
}

class Importer {
 public:
  Importer(Connection& conn, const Dataset& ds) : conn_(conn), ds_(ds) {}

  Result<ImportSummary> Run() {
    GONGKAI_RETURN_IF_ERROR(UpsertAgencies());
    GONGKAI_RETURN_IF_ERROR(ImportCatalog());
    GONGKAI_RETURN_IF_ERROR(ImportApplications());
    GONGKAI_RETURN_IF_ERROR(ImportReviews());
    GONGKAI_RETURN_IF_ERROR(ImportLawsuits());
    GONGKAI_RETURN_IF_ERROR(ImportHotTopics());
    GONGKAI_RETURN_IF_ERROR(ImportResponses());
    GONGKAI_RETURN_IF_ERROR(ImportComplaints());
    GONGKAI_RETURN_IF_ERROR(ImportMeetings());
    GONGKAI_RETURN_IF_ERROR(ImportTrainings());
    GONGKAI_RETURN_IF_ERROR(ImportStaffing());
    GONGKAI_RETURN_IF_ERROR(ImportFees());
    GONGKAI_RETURN_IF_ERROR(ImportManualFigures());
    GONGKAI_RETURN_IF_ERROR(ImportNarratives());
    WriteAudit();
    return summary_;
  }

 private:
  // --- Agencies -----------------------------------------------------------------------------

  std::optional<long long> StoredAgencyId(const std::string& slug) {
    long long id = 0;
    std::string key = slug;
    conn_.sql << kSelectAgencyIdBySlug, soci::use(key), soci::into(id);
    if (!conn_.sql.got_data()) return std::nullopt;
    return id;
  }

  // The id of the agency named `slug`: one of the dataset's or one already stored.
  // kNotFound "未找到机关 "slug"（<what>）".
  Result<long long> AgencyIdOf(const std::string& slug, const std::string& what) {
    auto it = agency_ids_.find(slug);
    if (it != agency_ids_.end()) return it->second;
    std::optional<long long> id = StoredAgencyId(slug);
    if (!id) return NotFound("未找到机关 \"" + slug + "\"（" + what + "）");
    agency_ids_.emplace(slug, *id);
    slugs_.emplace(*id, slug);
    return *id;
  }

  const std::string& SlugOf(long long agency_id) { return slugs_[agency_id]; }

  Status UpsertAgencies() {
    for (const Agency& a : ds_.agencies) {
      if (!IsValidSlug(a.slug)) {
        return InvalidInput("机关标识 \"" + a.slug + "\" 无效：只能由小写字母、数字和连字符组成");
      }
      if (agency_ids_.count(a.slug) != 0) {
        return Conflict("数据集中机关 " + a.slug + " 出现了不止一次");
      }
      std::string name = a.name, short_name = a.short_name, org_code = a.org_code;
      std::string region = a.region, slug = a.slug;
      long long id = 0;
      if (std::optional<long long> stored = StoredAgencyId(a.slug)) {
        id = *stored;
        conn_.sql << kUpdateAgency, soci::use(name, "name"), soci::use(short_name, "short_name"),
            soci::use(org_code, "org_code"), soci::use(region, "region"), soci::use(id, "id");
      } else {
        id = AllocateIds(conn_, "agencies", 1).front();
        conn_.sql << kInsertAgency, soci::use(id, "id"), soci::use(slug, "slug"),
            soci::use(name, "name"), soci::use(short_name, "short_name"),
            soci::use(org_code, "org_code"), soci::use(region, "region");
        new_agencies_.insert(id);
      }
      agency_ids_[a.slug] = id;
      slugs_[id] = a.slug;
      ++summary_.agencies;
    }

    // Parents second: a parent may come later in the dataset.
    for (const Agency& a : ds_.agencies) {
      long long id = agency_ids_[a.slug];
      std::optional<long long> parent;
      if (!a.parent_slug.empty()) {
        Result<long long> p = AgencyIdOf(a.parent_slug, "机关 " + a.slug + " 的上级机关");
        if (!p.ok()) return p.status();
        parent = *p;
      } else if (a.parent_id) {
        Result<Agency> p = LoadAgencyById(conn_, *a.parent_id);
        if (!p.ok()) return p.status().WithContext("机关 " + a.slug + " 的上级机关");
        parent = *a.parent_id;
      }
      if (parent && *parent == id) {
        return InvalidInput("机关 " + a.slug + " 不能是自己的上级机关");
      }
      long long parent_id = parent.value_or(0);
      soci::indicator parent_ind = parent ? soci::i_ok : soci::i_null;
      conn_.sql << kUpdateAgencyParent, soci::use(parent_id, parent_ind, "parent_id"),
          soci::use(id, "id");
    }

    // A chain of parents must end: walk up from every agency the dataset touched.
    for (const Agency& a : ds_.agencies) {
      const long long start = agency_ids_[a.slug];
      long long current = start;
      for (int steps = 0; steps < 100'000; ++steps) {
        long long parent_id = 0;
        soci::indicator ind = soci::i_null;
        conn_.sql << kSelectAgencyParent, soci::use(current), soci::into(parent_id, ind);
        if (ind != soci::i_ok) break;
        if (parent_id == start) {
          return InvalidInput("机关 " + a.slug + " 的上级机关关系形成了循环");
        }
        current = parent_id;
      }
    }
    return Status::Ok();
  }

  // --- Keys of stored and imported records --------------------------------------------------

  // key → id of the rows of table `k` of one agency: the stored ones (loaded on first use, and
  // only for agencies that existed before this import) plus those inserted by this import.
  std::unordered_map<std::string, long long>& Keys(Keyed k, long long agency_id) {
    auto [it, inserted] = keys_.try_emplace({k, agency_id});
    if (inserted && new_agencies_.count(agency_id) == 0) {
      std::vector<long long> ids(10'000);
      std::vector<std::string> keys(10'000);
      soci::statement st = (conn_.sql.prepare << KeysQuery(k), soci::use(agency_id),
                            soci::into(ids), soci::into(keys));
      st.execute();
      while (st.fetch()) {
        for (size_t i = 0; i < ids.size(); ++i) it->second.emplace(keys[i], ids[i]);
        ids.resize(10'000);
        keys.resize(10'000);
      }
    }
    return it->second;
  }

  // Resolves an optional reference by key (preferred) or by id to the id of a row of table `k`
  // of the same agency, and fills in the key when only the id was given.
  // kNotFound "<missing>（<referrer>）" if there is no such row.
  Result<std::optional<long long>> Resolve(Keyed k, long long agency_id, const std::string& key,
                                           const std::optional<int64_t>& id,
                                           const std::string& missing) {
    if (!key.empty()) {
      auto& keys = Keys(k, agency_id);
      auto it = keys.find(key);
      if (it == keys.end()) return NotFound(missing);
      return std::optional<long long>(it->second);
    }
    if (!id) return std::optional<long long>();
    for (const auto& [stored_key, stored_id] : Keys(k, agency_id)) {
      if (stored_id == *id) return std::optional<long long>(stored_id);
    }
    return NotFound(missing);
  }

  // --- Records ------------------------------------------------------------------------------

  Status ImportCatalog() {
    const size_t n = ds_.catalog_items.size();
    if (n == 0) return Status::Ok();
    std::vector<long long> ids = AllocateIds(conn_, "catalog_items", n);
    std::vector<long long> agency;
    std::vector<std::string> index_no, title, doc_no, publisher, created, topic, genre, summary,
        body;
    NullableColumn<std::string> published, withdrawn, issuing_body, issued, effective, expired,
        repealed;
    NullableColumn<int> article20, is_rule;
    std::vector<int> is_normative;
    std::vector<long long> pub_agency, pub_item;
    std::vector<int> pub_seq;
    std::vector<std::string> pub_channel, pub_date;

    for (size_t i = 0; i < n; ++i) {
      const auto& [slug, c] = ds_.catalog_items[i];
      Result<long long> a = AgencyIdOf(slug, "目录条目 " + c.index_no);
      if (!a.ok()) return a.status();
      if (!c.index_no.empty()) {
        auto [it, fresh] = Keys(Keyed::kCatalog, *a).emplace(c.index_no, ids[i]);
        if (!fresh) {
          return Conflict("机关 " + SlugOf(*a) + " 已有索引号为 " + c.index_no + " 的目录条目");
        }
      }
      agency.push_back(*a);
      index_no.push_back(c.index_no);
      title.push_back(c.title);
      doc_no.push_back(c.doc_no);
      publisher.push_back(c.publisher);
      created.push_back(DateText(c.created_on));
      published.Add(OptionalDate(c.published_on));
      withdrawn.Add(OptionalDate(c.withdrawn_on));
      topic.push_back(c.topic);
      genre.push_back(c.genre);
      summary.push_back(c.summary);
      body.push_back(c.body);
      article20.Add(c.article20_item);
      is_normative.push_back(c.normative ? 1 : 0);
      if (c.normative) {
        const NormativeDocument& d = *c.normative;
        is_rule.Add(d.is_rule ? 1 : 0);
        issuing_body.Add(d.issuing_body);
        issued.Add(DateText(d.issued_on));
        effective.Add(OptionalDate(d.effective_on));
        expired.Add(OptionalDate(d.expired_on));
        repealed.Add(OptionalDate(d.repealed_on));
      } else {
        is_rule.Add(std::nullopt);
        issuing_body.Add(std::nullopt);
        issued.Add(std::nullopt);
        effective.Add(std::nullopt);
        expired.Add(std::nullopt);
        repealed.Add(std::nullopt);
      }
      for (size_t j = 0; j < c.channels.size(); ++j) {
        pub_agency.push_back(*a);
        pub_item.push_back(ids[i]);
        pub_seq.push_back(static_cast<int>(j + 1));
        pub_channel.emplace_back(ToCode(c.channels[j].channel));
        pub_date.push_back(DateText(c.channels[j].published_on));
      }
    }
    conn_.sql << kInsertCatalogItem, soci::use(ids), soci::use(agency), soci::use(index_no),
        soci::use(title), soci::use(doc_no), soci::use(publisher), soci::use(created),
        soci::use(published.values, published.indicators),
        soci::use(withdrawn.values, withdrawn.indicators), soci::use(topic), soci::use(genre),
        soci::use(summary), soci::use(body),
        soci::use(article20.values, article20.indicators), soci::use(is_normative),
        soci::use(is_rule.values, is_rule.indicators),
        soci::use(issuing_body.values, issuing_body.indicators),
        soci::use(issued.values, issued.indicators),
        soci::use(effective.values, effective.indicators),
        soci::use(expired.values, expired.indicators),
        soci::use(repealed.values, repealed.indicators);
    if (!pub_item.empty()) {
      conn_.sql << kInsertCatalogPublication, soci::use(pub_agency), soci::use(pub_item),
          soci::use(pub_seq), soci::use(pub_channel), soci::use(pub_date);
    }
    summary_.catalog_items += static_cast<int>(n);
    return Status::Ok();
  }

  Status ImportApplications() {
    const size_t n = ds_.applications.size();
    if (n == 0) return Status::Ok();
    std::vector<long long> ids = AllocateIds(conn_, "applications", n);
    std::vector<long long> agency;
    std::vector<std::string> number, channel, received, applicant_type, applicant_name, content;
    NullableColumn<std::string> confirmed, rules;
    agency.reserve(n);
    number.reserve(n);
    channel.reserve(n);
    received.reserve(n);
    applicant_type.reserve(n);
    applicant_name.reserve(n);
    content.reserve(n);

    std::vector<long long> ev_agency, ev_app;
    std::vector<int> ev_seq, ev_extension;
    std::vector<std::string> ev_kind, ev_date, ev_note, ev_actor;
    NullableColumn<std::string> ev_outcome, ev_party;
    std::vector<long long> ev_fee;

    for (size_t i = 0; i < n; ++i) {
      const auto& [slug, app] = ds_.applications[i];
      Result<long long> a = AgencyIdOf(slug, "申请 " + app.number);
      if (!a.ok()) return a.status();
      if (app.number.empty()) {
        return InvalidInput("机关 " + SlugOf(*a) + " 的一件申请（" +
                            DateText(app.received_on) + " 收到）缺少编号");
      }
      auto [it, fresh] = Keys(Keyed::kApplication, *a).emplace(app.number, ids[i]);
      if (!fresh) {
        return Conflict("机关 " + SlugOf(*a) + " 已有编号为 " + app.number + " 的申请");
      }
      agency.push_back(*a);
      number.push_back(app.number);
      channel.emplace_back(ToCode(app.channel));
      received.push_back(DateText(app.received_on));
      confirmed.Add(OptionalDate(app.confirmed_on));
      applicant_type.emplace_back(ToCode(app.applicant_type));
      applicant_name.push_back(app.applicant_name);
      content.push_back(app.content);
      rules.Add(app.rules_override ? std::optional<std::string>(ToCode(*app.rules_override))
                                   : std::nullopt);
      for (size_t j = 0; j < app.events.size(); ++j) {
        const ApplicationEvent& e = app.events[j];
        ev_agency.push_back(*a);
        ev_app.push_back(ids[i]);
        ev_seq.push_back(static_cast<int>(j + 1));
        ev_kind.emplace_back(ToCode(e.kind));
        ev_date.push_back(DateText(e.on));
        ev_outcome.Add(e.outcome ? std::optional<std::string>(ToCode(*e.outcome)) : std::nullopt);
        ev_extension.push_back(e.extension_days);
        ev_party.Add(e.party ? std::optional<std::string>(ToCode(*e.party)) : std::nullopt);
        ev_fee.push_back(e.fee_fen);
        ev_note.push_back(e.note);
        ev_actor.push_back(e.actor.empty() ? "import" : e.actor);
      }
    }
    conn_.sql << kInsertApplication, soci::use(ids), soci::use(agency), soci::use(number),
        soci::use(channel), soci::use(received),
        soci::use(confirmed.values, confirmed.indicators), soci::use(applicant_type),
        soci::use(applicant_name), soci::use(content),
        soci::use(rules.values, rules.indicators);
    if (!ev_app.empty()) {
      conn_.sql << kInsertEvent, soci::use(ev_agency), soci::use(ev_app), soci::use(ev_seq),
          soci::use(ev_kind), soci::use(ev_date),
          soci::use(ev_outcome.values, ev_outcome.indicators), soci::use(ev_extension),
          soci::use(ev_party.values, ev_party.indicators), soci::use(ev_fee),
          soci::use(ev_note), soci::use(ev_actor);
    }
    summary_.applications += static_cast<int>(n);
    summary_.events += static_cast<int>(ev_app.size());
    return Status::Ok();
  }

  Status ImportReviews() {
    const size_t n = ds_.reviews.size();
    if (n == 0) return Status::Ok();
    std::vector<long long> ids = AllocateIds(conn_, "reviews", n);
    std::vector<long long> agency;
    std::vector<std::string> number, filed, result;
    NullableColumn<long long> application;
    NullableColumn<std::string> decided;
    for (size_t i = 0; i < n; ++i) {
      const auto& [slug, r] = ds_.reviews[i];
      Result<long long> a = AgencyIdOf(slug, "行政复议 " + r.number);
      if (!a.ok()) return a.status();
      if (r.number.empty()) return InvalidInput("机关 " + SlugOf(*a) + " 的一件行政复议缺少案号");
      auto [it, fresh] = Keys(Keyed::kReview, *a).emplace(r.number, ids[i]);
      if (!fresh) {
        return Conflict("机关 " + SlugOf(*a) + " 已有案号为 " + r.number + " 的行政复议");
      }
      Result<std::optional<long long>> app =
          Resolve(Keyed::kApplication, *a, r.application_number, r.application_id,
                  "机关 " + SlugOf(*a) + " 没有编号为 " + r.application_number +
                      " 的申请（行政复议 " + r.number + " 引用）");
      if (!app.ok()) return app.status();
      agency.push_back(*a);
      number.push_back(r.number);
      application.Add(*app);
      filed.push_back(DateText(r.filed_on));
      decided.Add(OptionalDate(r.decided_on));
      result.emplace_back(ToCode(r.result));
    }
    conn_.sql << kInsertReview, soci::use(ids), soci::use(agency), soci::use(number),
        soci::use(application.values, application.indicators), soci::use(filed),
        soci::use(decided.values, decided.indicators), soci::use(result);
    summary_.reviews += static_cast<int>(n);
    return Status::Ok();
  }

  Status ImportLawsuits() {
    const size_t n = ds_.lawsuits.size();
    if (n == 0) return Status::Ok();
    std::vector<long long> ids = AllocateIds(conn_, "lawsuits", n);
    std::vector<long long> agency;
    std::vector<std::string> number, filed, result;
    std::vector<int> after_review;
    NullableColumn<long long> application, review;
    NullableColumn<std::string> decided;
    for (size_t i = 0; i < n; ++i) {
      const auto& [slug, l] = ds_.lawsuits[i];
      Result<long long> a = AgencyIdOf(slug, "行政诉讼 " + l.number);
      if (!a.ok()) return a.status();
      if (l.number.empty()) return InvalidInput("机关 " + SlugOf(*a) + " 的一件行政诉讼缺少案号");
      auto [it, fresh] = Keys(Keyed::kLawsuit, *a).emplace(l.number, ids[i]);
      if (!fresh) {
        return Conflict("机关 " + SlugOf(*a) + " 已有案号为 " + l.number + " 的行政诉讼");
      }
      Result<std::optional<long long>> app =
          Resolve(Keyed::kApplication, *a, l.application_number, l.application_id,
                  "机关 " + SlugOf(*a) + " 没有编号为 " + l.application_number +
                      " 的申请（行政诉讼 " + l.number + " 引用）");
      if (!app.ok()) return app.status();
      Result<std::optional<long long>> rev =
          Resolve(Keyed::kReview, *a, l.review_number, l.review_id,
                  "机关 " + SlugOf(*a) + " 没有案号为 " + l.review_number +
                      " 的行政复议（行政诉讼 " + l.number + " 引用）");
      if (!rev.ok()) return rev.status();
      agency.push_back(*a);
      number.push_back(l.number);
      application.Add(*app);
      after_review.push_back(l.after_review ? 1 : 0);
      review.Add(*rev);
      filed.push_back(DateText(l.filed_on));
      decided.Add(OptionalDate(l.decided_on));
      result.emplace_back(ToCode(l.result));
    }
    conn_.sql << kInsertLawsuit, soci::use(ids), soci::use(agency), soci::use(number),
        soci::use(application.values, application.indicators), soci::use(after_review),
        soci::use(review.values, review.indicators), soci::use(filed),
        soci::use(decided.values, decided.indicators), soci::use(result);
    summary_.lawsuits += static_cast<int>(n);
    return Status::Ok();
  }

  Status ImportHotTopics() {
    const size_t n = ds_.hot_topics.size();
    if (n == 0) return Status::Ok();
    std::vector<long long> ids = AllocateIds(conn_, "hot_topics", n);
    std::vector<long long> agency;
    std::vector<std::string> key, title, seen;
    for (size_t i = 0; i < n; ++i) {
      const auto& [slug, h] = ds_.hot_topics[i];
      Result<long long> a = AgencyIdOf(slug, "热点 " + h.key);
      if (!a.ok()) return a.status();
      if (h.key.empty()) {
        return InvalidInput("机关 " + SlugOf(*a) + " 的热点 \"" + h.title + "\" 缺少标识");
      }
      auto [it, fresh] = Keys(Keyed::kHotTopic, *a).emplace(h.key, ids[i]);
      if (!fresh) return Conflict("机关 " + SlugOf(*a) + " 已有标识为 " + h.key + " 的热点");
      agency.push_back(*a);
      key.push_back(h.key);
      title.push_back(h.title);
      seen.push_back(DateText(h.first_seen_on));
    }
    conn_.sql << kInsertHotTopic, soci::use(ids), soci::use(agency), soci::use(key),
        soci::use(title), soci::use(seen);
    summary_.other_records += static_cast<int>(n);
    return Status::Ok();
  }

  Status ImportResponses() {
    const size_t n = ds_.responses.size();
    if (n == 0) return Status::Ok();
    std::vector<long long> agency;
    std::vector<std::string> kind, on, title;
    std::vector<int> leader;
    NullableColumn<long long> topic;
    for (const auto& [slug, r] : ds_.responses) {
      Result<long long> a = AgencyIdOf(slug, "回应 \"" + r.title + "\"");
      if (!a.ok()) return a.status();
      Result<std::optional<long long>> t =
          Resolve(Keyed::kHotTopic, *a, r.hot_topic_key, r.hot_topic_id,
                  "机关 " + SlugOf(*a) + " 没有标识为 " + r.hot_topic_key + " 的热点（回应 \"" +
                      r.title + "\" 引用）");
      if (!t.ok()) return t.status();
      agency.push_back(*a);
      kind.emplace_back(ToCode(r.kind));
      on.push_back(DateText(r.on));
      title.push_back(r.title);
      leader.push_back(r.principal_leader ? 1 : 0);
      topic.Add(*t);
    }
    conn_.sql << kInsertResponse, soci::use(agency), soci::use(kind), soci::use(on),
        soci::use(title), soci::use(leader), soci::use(topic.values, topic.indicators);
    summary_.other_records += static_cast<int>(n);
    return Status::Ok();
  }

  Status ImportComplaints() {
    if (ds_.complaints.empty()) return Status::Ok();
    std::vector<long long> agency;
    std::vector<std::string> received, subject;
    for (const auto& [slug, c] : ds_.complaints) {
      Result<long long> a = AgencyIdOf(slug, "举报投诉 \"" + c.subject + "\"");
      if (!a.ok()) return a.status();
      agency.push_back(*a);
      received.push_back(DateText(c.received_on));
      subject.push_back(c.subject);
    }
    conn_.sql << kInsertComplaint, soci::use(agency), soci::use(received), soci::use(subject);
    summary_.other_records += static_cast<int>(agency.size());
    return Status::Ok();
  }

  Status ImportMeetings() {
    if (ds_.meetings.empty()) return Status::Ok();
    std::vector<long long> agency;
    std::vector<std::string> on, title;
    for (const auto& [slug, m] : ds_.meetings) {
      Result<long long> a = AgencyIdOf(slug, "会议 \"" + m.title + "\"");
      if (!a.ok()) return a.status();
      agency.push_back(*a);
      on.push_back(DateText(m.on));
      title.push_back(m.title);
    }
    conn_.sql << kInsertMeeting, soci::use(agency), soci::use(on), soci::use(title);
    summary_.other_records += static_cast<int>(agency.size());
    return Status::Ok();
  }

  Status ImportTrainings() {
    if (ds_.trainings.empty()) return Status::Ok();
    std::vector<long long> agency;
    std::vector<std::string> on, title;
    std::vector<int> trainees;
    for (const auto& [slug, t] : ds_.trainings) {
      Result<long long> a = AgencyIdOf(slug, "培训 \"" + t.title + "\"");
      if (!a.ok()) return a.status();
      agency.push_back(*a);
      on.push_back(DateText(t.on));
      title.push_back(t.title);
      trainees.push_back(t.trainees);
    }
    conn_.sql << kInsertTraining, soci::use(agency), soci::use(on), soci::use(title),
        soci::use(trainees);
    summary_.other_records += static_cast<int>(agency.size());
    return Status::Ok();
  }

  Status ImportStaffing() {
    std::set<std::pair<long long, int>> seen;
    for (const auto& [slug, s] : ds_.staffing) {
      Result<long long> a = AgencyIdOf(slug, std::to_string(s.year) + " 年人员和经费");
      if (!a.ok()) return a.status();
      long long agency_id = *a;
      int year = s.year;
      long long stored = 0;
      conn_.sql << kCountStaffing, soci::use(agency_id, "agency_id"), soci::use(year, "year"),
          soci::into(stored);
      if (stored > 0 || !seen.emplace(agency_id, year).second) {
        return Conflict("机关 " + SlugOf(agency_id) + " 已有 " + std::to_string(year) +
                        " 年的人员和经费数据");
      }
      int full_time = s.full_time, part_time = s.part_time, offices = s.dedicated_offices;
      int reading_points = s.reading_points;
      long long budget = s.budget_fen;
      conn_.sql << kInsertStaffing, soci::use(agency_id), soci::use(year), soci::use(full_time),
          soci::use(part_time), soci::use(offices), soci::use(reading_points),
          soci::use(budget);
      ++summary_.other_records;
    }
    return Status::Ok();
  }

  Status ImportFees() {
    if (ds_.fees.empty()) return Status::Ok();
    std::vector<long long> agency, amount;
    std::vector<std::string> on;
    NullableColumn<long long> application;
    for (const auto& [slug, f] : ds_.fees) {
      Result<long long> a = AgencyIdOf(slug, DateText(f.on) + " 收费");
      if (!a.ok()) return a.status();
      Result<std::optional<long long>> app =
          Resolve(Keyed::kApplication, *a, f.application_number, f.application_id,
                  "机关 " + SlugOf(*a) + " 没有编号为 " + f.application_number + " 的申请（" +
                      DateText(f.on) + " 的收费记录引用）");
      if (!app.ok()) return app.status();
      agency.push_back(*a);
      on.push_back(DateText(f.on));
      amount.push_back(f.amount_fen);
      application.Add(*app);
    }
    conn_.sql << kInsertFee, soci::use(agency), soci::use(on), soci::use(amount),
        soci::use(application.values, application.indicators);
    summary_.other_records += static_cast<int>(agency.size());
    return Status::Ok();
  }

  Status ImportManualFigures() {
    if (ds_.manual_figures.empty()) return Status::Ok();
    std::set<std::tuple<long long, int, std::string, std::string>> seen;
    const std::string now = NowIso8601();
    std::vector<long long> agency, micros;
    std::vector<int> year;
    std::vector<std::string> format_id, cell_id, entered_by, entered_at, source;
    for (const auto& [slug, m] : ds_.manual_figures) {
      Result<long long> a = AgencyIdOf(slug, "手工填报数 " + m.cell_id);
      if (!a.ok()) return a.status();
      if (m.format_id.empty() || m.cell_id.empty()) {
        return InvalidInput("机关 " + SlugOf(*a) + " 的手工填报数缺少年报格式或单元格（\"" +
                            m.format_id + "\" / \"" + m.cell_id + "\"）");
      }
      long long agency_id = *a;
      int y = m.year;
      std::string f = m.format_id, c = m.cell_id;
      long long stored = 0;
      conn_.sql << kCountManualFigure, soci::use(agency_id, "agency_id"), soci::use(y, "year"),
          soci::use(f, "format_id"), soci::use(c, "cell_id"), soci::into(stored);
      if (stored > 0 || !seen.emplace(agency_id, y, f, c).second) {
        return Conflict("机关 " + SlugOf(agency_id) + " 已有 " + std::to_string(y) + " 年 " + f +
                        " 格式单元格 " + c + " 的手工填报数");
      }
      agency.push_back(agency_id);
      year.push_back(y);
      format_id.push_back(f);
      cell_id.push_back(c);
      micros.push_back(m.value.micros());
      entered_by.push_back(m.entered_by);
      entered_at.push_back(m.entered_at.empty() ? now : m.entered_at);
      source.push_back(m.source);
    }
    conn_.sql << kInsertManualFigure, soci::use(agency), soci::use(year), soci::use(format_id),
        soci::use(cell_id), soci::use(micros), soci::use(entered_by), soci::use(entered_at),
        soci::use(source);
    summary_.other_records += static_cast<int>(agency.size());
    return Status::Ok();
  }

  Status ImportNarratives() {
    if (ds_.narratives.empty()) return Status::Ok();
    std::set<std::tuple<long long, int, std::string, std::string>> seen;
    const std::string now = NowIso8601();
    std::vector<long long> agency;
    std::vector<int> year;
    std::vector<std::string> format_id, section_id, body, edited_by, edited_at;
    for (const auto& [slug, s] : ds_.narratives) {
      Result<long long> a = AgencyIdOf(slug, "年报正文 " + s.section_id);
      if (!a.ok()) return a.status();
      if (s.format_id.empty() || s.section_id.empty()) {
        return InvalidInput("机关 " + SlugOf(*a) + " 的年报正文缺少格式或章节（\"" +
                            s.format_id + "\" / \"" + s.section_id + "\"）");
      }
      long long agency_id = *a;
      int y = s.year;
      std::string f = s.format_id, sec = s.section_id;
      long long stored = 0;
      conn_.sql << kCountNarrative, soci::use(agency_id, "agency_id"), soci::use(y, "year"),
          soci::use(f, "format_id"), soci::use(sec, "section_id"), soci::into(stored);
      if (stored > 0 || !seen.emplace(agency_id, y, f, sec).second) {
        return Conflict("机关 " + SlugOf(agency_id) + " 已有 " + std::to_string(y) + " 年 " + f +
                        " 格式第 " + sec + " 节的正文");
      }
      agency.push_back(agency_id);
      year.push_back(y);
      format_id.push_back(f);
      section_id.push_back(sec);
      body.push_back(s.body);
      edited_by.push_back(s.edited_by.empty() ? Actor() : s.edited_by);
      edited_at.push_back(s.edited_at.empty() ? now : s.edited_at);
    }
    conn_.sql << kInsertNarrative, soci::use(agency), soci::use(year), soci::use(format_id),
        soci::use(section_id), soci::use(body), soci::use(edited_by), soci::use(edited_at);
    summary_.other_records += static_cast<int>(agency.size());
    return Status::Ok();
  }

  // --- Audit --------------------------------------------------------------------------------

  std::string Actor() const { return ds_.actor.empty() ? "import" : ds_.actor; }

  // One summary row; agency_id is set when the import concerned a single agency.
  void WriteAudit() {
    std::set<long long> touched;
    for (const auto& [slug, id] : agency_ids_) touched.insert(id);
    std::string detail = "导入：机关 " + std::to_string(summary_.agencies) + "，目录条目 " +
                         std::to_string(summary_.catalog_items) + "，申请 " +
                         std::to_string(summary_.applications) + "（事件 " +
                         std::to_string(summary_.events) + "），行政复议 " +
                         std::to_string(summary_.reviews) + "，行政诉讼 " +
                         std::to_string(summary_.lawsuits) + "，其他记录 " +
                         std::to_string(summary_.other_records);
    if (!touched.empty()) {
      detail += "；涉及机关";
      for (long long id : touched) detail += " " + SlugOf(id);
    }
    std::string recorded_at = NowIso8601(), actor = Actor(), action = "import";
    std::string source = ds_.source;
    long long agency_id = touched.size() == 1 ? *touched.begin() : 0;
    soci::indicator agency_ind = touched.size() == 1 ? soci::i_ok : soci::i_null;
    conn_.sql << kInsertAudit, soci::use(recorded_at, "recorded_at"), soci::use(actor, "actor"),
        soci::use(action, "action"), soci::use(agency_id, agency_ind, "agency_id"),
        soci::use(source, "source"), soci::use(detail, "detail");
  }

  Connection& conn_;
  const Dataset& ds_;
  ImportSummary summary_;
  std::map<std::string, long long> agency_ids_;  // slug → id, of every agency seen
  std::map<long long, std::string> slugs_;       // id → slug
  std::set<long long> new_agencies_;             // inserted by this import: no stored records
  std::map<std::pair<Keyed, long long>, std::unordered_map<std::string, long long>> keys_;
};

}  // namespace

Result<ImportSummary> SociRepository::DoImport(const Dataset& dataset) {
  Transaction tx(*conn_, Transaction::Mode::kWrite);
  Importer importer(*conn_, dataset);
  Result<ImportSummary> summary = importer.Run();
  if (!summary.ok()) return summary.status();  // ~Transaction rolls back
  tx.Commit();
  return summary;
}

}  // namespace gongkai::store
