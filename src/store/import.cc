// SociRepository::Import: one write transaction, agencies upserted by slug, every other record
// inserted in bulk per table (store/bulk_insert.h), cross references resolved by key. Checks that
// produce a useful message (duplicates, unknown references) run in C++ before the inserts; the
// schema's constraints remain the safety net.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/audit.h"
#include "store/bulk_insert.h"
#include "store/codec.h"
#include "store/queries.h"
#include "store/soci_repository.h"

namespace gongkai::store {
namespace {

constexpr ColumnType kInt = ColumnType::kInt;
constexpr ColumnType kText = ColumnType::kText;

std::optional<std::string> OptionalDate(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return DateText(*d);
}

std::optional<long long> OptionalInt(const std::optional<int>& v) {
  if (!v) return std::nullopt;
  return *v;
}

// The stable code of an optional enum (ToCode), or nullopt.
template <typename Enum>
std::optional<std::string> OptionalCode(const std::optional<Enum>& v) {
  if (!v) return std::nullopt;
  return std::string(ToCode(*v));
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
    case Keyed::kCatalog:
      return kSelectCatalogKeys;
    case Keyed::kApplication:
      return kSelectApplicationKeys;
    case Keyed::kReview:
      return kSelectReviewKeys;
    case Keyed::kLawsuit:
      return kSelectLawsuitKeys;
    case Keyed::kHotTopic:
      return kSelectHotTopicKeys;
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
    const std::vector<long long> ids = AllocateIds(conn_, "catalog_items", n);
    BulkRows items({kInt,  kInt,  kText, kText, kText, kText, kText, kText, kText, kText, kText,
                    kText, kText, kInt,  kInt,  kInt,  kText, kText, kText, kText, kText});
    BulkRows channels({kInt, kInt, kInt, kText, kText});
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
      items.Int(ids[i]).Int(*a).Text(c.index_no).Text(c.title).Text(c.doc_no).Text(c.publisher);
      items.Text(DateText(c.created_on)).OptionalText(OptionalDate(c.published_on));
      items.OptionalText(OptionalDate(c.withdrawn_on)).Text(c.topic).Text(c.genre);
      items.Text(c.summary).Text(c.body).OptionalInt(OptionalInt(c.article20_item));
      if (c.normative) {
        const NormativeDocument& d = *c.normative;
        items.Int(1).Int(d.is_rule ? 1 : 0).Text(d.issuing_body).Text(DateText(d.issued_on));
        items.OptionalText(OptionalDate(d.effective_on)).OptionalText(OptionalDate(d.expired_on));
        items.OptionalText(OptionalDate(d.repealed_on));
      } else {
        items.Int(0).OptionalInt(std::nullopt).OptionalText(std::nullopt);
        items.OptionalText(std::nullopt).OptionalText(std::nullopt).OptionalText(std::nullopt);
        items.OptionalText(std::nullopt);
      }
      for (size_t j = 0; j < c.channels.size(); ++j) {
        channels.Int(*a).Int(ids[i]).Int(static_cast<long long>(j + 1));
        channels.Text(std::string(ToCode(c.channels[j].channel)));
        channels.Text(DateText(c.channels[j].published_on));
      }
    }
    InsertRows(conn_, {kInsertCatalogItem, kCopyCatalogItem}, items);
    InsertRows(conn_, {kInsertCatalogPublication, kCopyCatalogPublication}, channels);
    summary_.catalog_items += static_cast<int>(n);
    return Status::Ok();
  }

  Status ImportApplications() {
    const size_t n = ds_.applications.size();
    if (n == 0) return Status::Ok();
    const std::vector<long long> ids = AllocateIds(conn_, "applications", n);
    BulkRows apps({kInt, kInt, kText, kText, kText, kText, kText, kText, kText, kText});
    BulkRows events({kInt, kInt, kInt, kText, kText, kText, kInt, kText, kInt, kText, kText});
    for (size_t i = 0; i < n; ++i) {
      const auto& [slug, app] = ds_.applications[i];
      Result<long long> a = AgencyIdOf(slug, "申请 " + app.number);
      if (!a.ok()) return a.status();
      if (app.number.empty()) {
        return InvalidInput("机关 " + SlugOf(*a) + " 的一件申请（" + DateText(app.received_on) +
                            " 收到）缺少编号");
      }
      auto [it, fresh] = Keys(Keyed::kApplication, *a).emplace(app.number, ids[i]);
      if (!fresh) {
        return Conflict("机关 " + SlugOf(*a) + " 已有编号为 " + app.number + " 的申请");
      }
      apps.Int(ids[i]).Int(*a).Text(app.number).Text(std::string(ToCode(app.channel)));
      apps.Text(DateText(app.received_on)).OptionalText(OptionalDate(app.confirmed_on));
      apps.Text(std::string(ToCode(app.applicant_type))).Text(app.applicant_name);
      apps.Text(app.content).OptionalText(OptionalCode(app.rules_override));
      for (size_t j = 0; j < app.events.size(); ++j) {
        const ApplicationEvent& e = app.events[j];
        events.Int(*a).Int(ids[i]).Int(static_cast<long long>(j + 1));
        events.Text(std::string(ToCode(e.kind))).Text(DateText(e.on));
        events.OptionalText(OptionalCode(e.outcome)).Int(e.extension_days);
        events.OptionalText(OptionalCode(e.party)).Int(e.fee_fen).Text(e.note);
        events.Text(e.actor.empty() ? Actor() : e.actor);
      }
    }
    InsertRows(conn_, {kInsertApplication, kCopyApplication}, apps);
    InsertRows(conn_, {kInsertEvent, kCopyEvent}, events);
    summary_.applications += static_cast<int>(n);
    summary_.events += static_cast<int>(events.size());
    return Status::Ok();
  }

  Status ImportReviews() {
    const size_t n = ds_.reviews.size();
    if (n == 0) return Status::Ok();
    const std::vector<long long> ids = AllocateIds(conn_, "reviews", n);
    BulkRows rows({kInt, kInt, kText, kInt, kText, kText, kText});
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
      rows.Int(ids[i]).Int(*a).Text(r.number).OptionalInt(*app).Text(DateText(r.filed_on));
      rows.OptionalText(OptionalDate(r.decided_on)).Text(std::string(ToCode(r.result)));
    }
    InsertRows(conn_, {kInsertReview, kCopyReview}, rows);
    summary_.reviews += static_cast<int>(n);
    return Status::Ok();
  }

  Status ImportLawsuits() {
    const size_t n = ds_.lawsuits.size();
    if (n == 0) return Status::Ok();
    const std::vector<long long> ids = AllocateIds(conn_, "lawsuits", n);
    BulkRows rows({kInt, kInt, kText, kInt, kInt, kInt, kText, kText, kText});
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
      rows.Int(ids[i]).Int(*a).Text(l.number).OptionalInt(*app).Int(l.after_review ? 1 : 0);
      rows.OptionalInt(*rev).Text(DateText(l.filed_on)).OptionalText(OptionalDate(l.decided_on));
      rows.Text(std::string(ToCode(l.result)));
    }
    InsertRows(conn_, {kInsertLawsuit, kCopyLawsuit}, rows);
    summary_.lawsuits += static_cast<int>(n);
    return Status::Ok();
  }

  Status ImportHotTopics() {
    const size_t n = ds_.hot_topics.size();
    if (n == 0) return Status::Ok();
    const std::vector<long long> ids = AllocateIds(conn_, "hot_topics", n);
    BulkRows rows({kInt, kInt, kText, kText, kText});
    for (size_t i = 0; i < n; ++i) {
      const auto& [slug, h] = ds_.hot_topics[i];
      Result<long long> a = AgencyIdOf(slug, "热点 " + h.key);
      if (!a.ok()) return a.status();
      if (h.key.empty()) {
        return InvalidInput("机关 " + SlugOf(*a) + " 的热点 \"" + h.title + "\" 缺少标识");
      }
      auto [it, fresh] = Keys(Keyed::kHotTopic, *a).emplace(h.key, ids[i]);
      if (!fresh) return Conflict("机关 " + SlugOf(*a) + " 已有标识为 " + h.key + " 的热点");
      rows.Int(ids[i]).Int(*a).Text(h.key).Text(h.title).Text(DateText(h.first_seen_on));
    }
    InsertRows(conn_, {kInsertHotTopic, kCopyHotTopic}, rows);
    summary_.other_records += static_cast<int>(n);
    return Status::Ok();
  }

  Status ImportResponses() {
    BulkRows rows({kInt, kText, kText, kText, kInt, kInt});
    for (const auto& [slug, r] : ds_.responses) {
      Result<long long> a = AgencyIdOf(slug, "回应 \"" + r.title + "\"");
      if (!a.ok()) return a.status();
      Result<std::optional<long long>> topic =
          Resolve(Keyed::kHotTopic, *a, r.hot_topic_key, r.hot_topic_id,
                  "机关 " + SlugOf(*a) + " 没有标识为 " + r.hot_topic_key + " 的热点（回应 \"" +
                      r.title + "\" 引用）");
      if (!topic.ok()) return topic.status();
      rows.Int(*a).Text(std::string(ToCode(r.kind))).Text(DateText(r.on)).Text(r.title);
      rows.Int(r.principal_leader ? 1 : 0).OptionalInt(*topic);
    }
    InsertRows(conn_, {kInsertResponse, kCopyResponse}, rows);
    summary_.other_records += static_cast<int>(rows.size());
    return Status::Ok();
  }

  Status ImportComplaints() {
    BulkRows rows({kInt, kText, kText});
    for (const auto& [slug, c] : ds_.complaints) {
      Result<long long> a = AgencyIdOf(slug, "举报投诉 \"" + c.subject + "\"");
      if (!a.ok()) return a.status();
      rows.Int(*a).Text(DateText(c.received_on)).Text(c.subject);
    }
    InsertRows(conn_, {kInsertComplaint, kCopyComplaint}, rows);
    summary_.other_records += static_cast<int>(rows.size());
    return Status::Ok();
  }

  Status ImportMeetings() {
    BulkRows rows({kInt, kText, kText});
    for (const auto& [slug, m] : ds_.meetings) {
      Result<long long> a = AgencyIdOf(slug, "会议 \"" + m.title + "\"");
      if (!a.ok()) return a.status();
      rows.Int(*a).Text(DateText(m.on)).Text(m.title);
    }
    InsertRows(conn_, {kInsertMeeting, kCopyMeeting}, rows);
    summary_.other_records += static_cast<int>(rows.size());
    return Status::Ok();
  }

  Status ImportTrainings() {
    BulkRows rows({kInt, kText, kText, kInt});
    for (const auto& [slug, t] : ds_.trainings) {
      Result<long long> a = AgencyIdOf(slug, "培训 \"" + t.title + "\"");
      if (!a.ok()) return a.status();
      rows.Int(*a).Text(DateText(t.on)).Text(t.title).Int(t.trainees);
    }
    InsertRows(conn_, {kInsertTraining, kCopyTraining}, rows);
    summary_.other_records += static_cast<int>(rows.size());
    return Status::Ok();
  }

  // One row per agency-year: plain inserts after a check each.
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
          soci::use(part_time), soci::use(offices), soci::use(reading_points), soci::use(budget);
      ++summary_.other_records;
    }
    return Status::Ok();
  }

  Status ImportFees() {
    BulkRows rows({kInt, kText, kInt, kInt});
    for (const auto& [slug, f] : ds_.fees) {
      Result<long long> a = AgencyIdOf(slug, DateText(f.on) + " 收费");
      if (!a.ok()) return a.status();
      Result<std::optional<long long>> app =
          Resolve(Keyed::kApplication, *a, f.application_number, f.application_id,
                  "机关 " + SlugOf(*a) + " 没有编号为 " + f.application_number + " 的申请（" +
                      DateText(f.on) + " 的收费记录引用）");
      if (!app.ok()) return app.status();
      rows.Int(*a).Text(DateText(f.on)).Int(f.amount_fen).OptionalInt(*app);
    }
    InsertRows(conn_, {kInsertFee, kCopyFee}, rows);
    summary_.other_records += static_cast<int>(rows.size());
    return Status::Ok();
  }

  Status ImportManualFigures() {
    std::set<std::tuple<long long, int, std::string, std::string>> seen;
    const std::string now = NowIso8601();
    BulkRows rows({kInt, kInt, kText, kText, kInt, kText, kText, kText});
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
      rows.Int(agency_id).Int(y).Text(f).Text(c).Int(m.value.micros()).Text(m.entered_by);
      rows.Text(m.entered_at.empty() ? now : m.entered_at).Text(m.source);
    }
    InsertRows(conn_, {kInsertManualFigure, kCopyManualFigure}, rows);
    summary_.other_records += static_cast<int>(rows.size());
    return Status::Ok();
  }

  Status ImportNarratives() {
    std::set<std::tuple<long long, int, std::string, std::string>> seen;
    const std::string now = NowIso8601();
    BulkRows rows({kInt, kInt, kText, kText, kText, kText, kText});
    for (const auto& [slug, s] : ds_.narratives) {
      Result<long long> a = AgencyIdOf(slug, "年报正文 " + s.section_id);
      if (!a.ok()) return a.status();
      if (s.format_id.empty() || s.section_id.empty()) {
        return InvalidInput("机关 " + SlugOf(*a) + " 的年报正文缺少格式或章节（\"" + s.format_id +
                            "\" / \"" + s.section_id + "\"）");
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
      rows.Int(agency_id).Int(y).Text(f).Text(sec).Text(s.body);
      rows.Text(s.edited_by.empty() ? Actor() : s.edited_by);
      rows.Text(s.edited_at.empty() ? now : s.edited_at);
    }
    InsertRows(conn_, {kInsertNarrative, kCopyNarrative}, rows);
    summary_.other_records += static_cast<int>(rows.size());
    return Status::Ok();
  }

  // --- Audit --------------------------------------------------------------------------------

  std::string Actor() const { return ds_.actor.empty() ? "import" : ds_.actor; }

  // One summary row; agency_id is set when the import concerned a single agency.
  void WriteAudit() {
    std::set<long long> touched;
    for (const auto& [slug, id] : agency_ids_) touched.insert(id);
    std::string detail =
        "导入：机关 " + std::to_string(summary_.agencies) + "，目录条目 " +
        std::to_string(summary_.catalog_items) + "，申请 " + std::to_string(summary_.applications) +
        "（事件 " + std::to_string(summary_.events) + "），行政复议 " +
        std::to_string(summary_.reviews) + "，行政诉讼 " + std::to_string(summary_.lawsuits) +
        "，其他记录 " + std::to_string(summary_.other_records);
    if (!touched.empty()) {
      detail += "；涉及机关";
      for (long long id : touched) detail += " " + SlugOf(id);
    }
    std::optional<long long> agency_id;
    if (touched.size() == 1) agency_id = *touched.begin();
    AppendAudit(conn_, {Actor(), "import", agency_id, ds_.source, detail});
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
  // Fresh statistics for the planner after a bulk load, rather than waiting for autovacuum:
  // the first LoadYear after an import otherwise plans against empty tables.
  if (conn_->backend == Backend::kPostgres && summary->applications + summary->events >= 10'000) {
    conn_->sql << kPostgresAnalyzeApplications;
  }
  return summary;
}

}  // namespace gongkai::store
