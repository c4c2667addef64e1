// SociRepository::LoadYear: the records of one agency-year (selection rules on YearRecords in
// core/records.h), read in one read transaction with a fixed number of queries — never one per
// application. Rows stream through a RowReader (bulk chunks on PostgreSQL, in-place cells on
// SQLite) and are assembled here; applications and their events come from two queries in the
// same order (receipt date, then id) and are merged in one pass.
#include <string>
#include <string_view>
#include <vector>

#include "store/codec.h"
#include "store/queries.h"
#include "store/row_reader.h"
#include "store/soci_repository.h"

namespace gongkai::store {
namespace {

constexpr ColumnType kInt = ColumnType::kInt;
constexpr ColumnType kText = ColumnType::kText;

#define GONGKAI_STORE_ASSIGN_OR_RETURN(lhs, expr) \
  do {                                            \
    auto _result = (expr);                        \
    if (!_result.ok()) return _result.status();   \
    lhs = std::move(_result).value();             \
  } while (0)

// Typed access to the current row, naming the column in errors ("applications.channel").
class Row {
 public:
  Row(const RowReader& r, std::string_view table) : r_(r), table_(table) {}

  bool IsNull(int c) const { return r_.IsNull(c); }
  long long Int(int c) const { return r_.Int(c); }
  std::string Text(int c) const { return std::string(r_.Text(c)); }

  Result<Date> DateAt(int c, std::string_view column) const {
    return ParseDateColumn(r_.Text(c), Name(column));
  }
  Result<std::optional<Date>> OptionalDateAt(int c, std::string_view column) const {
    if (r_.IsNull(c)) return std::optional<Date>();
    Result<Date> d = DateAt(c, column);
    if (!d.ok()) return d.status();
    return std::optional<Date>(*d);
  }
  template <typename Enum, typename Decoder>
  Result<Enum> EnumAt(int c, std::string_view column, Decoder decode) const {
    return DecodeColumn<Enum>(r_.Text(c), Name(column), decode);
  }
  template <typename Enum, typename Decoder>
  Result<std::optional<Enum>> OptionalEnumAt(int c, std::string_view column, Decoder decode) const {
    if (r_.IsNull(c)) return std::optional<Enum>();
    Result<Enum> e = EnumAt<Enum>(c, column, decode);
    if (!e.ok()) return e.status();
    return std::optional<Enum>(*e);
  }

 private:
  std::string Name(std::string_view column) const {
    return std::string(table_) + "." + std::string(column);
  }
  const RowReader& r_;
  std::string_view table_;
};

class YearLoader {
 public:
  YearLoader(Connection& conn, QueryParams params, YearRecords& out)
      : conn_(conn), p_(std::move(params)), out_(out) {}

  Status Applications() {
    auto rows = ReadRows(conn_, kSelectApplicationsOfYear, p_,
                         {kInt, kText, kText, kText, kText, kText, kText, kText, kText});
    const Row row(*rows, "applications");
    while (rows->Next()) {
      Application& a = out_.applications.emplace_back();
      a.id = row.Int(0);
      a.agency_id = p_.agency_id;
      a.number = row.Text(1);
      GONGKAI_STORE_ASSIGN_OR_RETURN(a.channel, row.EnumAt<Channel>(2, "channel", ChannelFromCode));
      GONGKAI_STORE_ASSIGN_OR_RETURN(a.received_on, row.DateAt(3, "received_on"));
      GONGKAI_STORE_ASSIGN_OR_RETURN(a.confirmed_on, row.OptionalDateAt(4, "confirmed_on"));
      GONGKAI_STORE_ASSIGN_OR_RETURN(
          a.applicant_type, row.EnumAt<ApplicantType>(5, "applicant_type", ApplicantTypeFromCode));
      a.applicant_name = row.Text(6);
      a.content = row.Text(7);
      GONGKAI_STORE_ASSIGN_OR_RETURN(
          a.rules_override, row.OptionalEnumAt<RuleSet>(8, "rules_override", RuleSetFromCode));
    }
    return Events();
  }

  Status CatalogItems() {
    auto rows = ReadRows(conn_, kSelectCatalogOfYear, p_,
                         {kInt,  kText, kText, kText, kText, kText, kText, kText, kText, kText,
                          kText, kText, kInt,  kInt,  kInt,  kText, kText, kText, kText, kText});
    const Row row(*rows, "catalog_items");
    while (rows->Next()) {
      CatalogItem& c = out_.catalog_items.emplace_back();
      c.id = row.Int(0);
      c.agency_id = p_.agency_id;
      c.index_no = row.Text(1);
      c.title = row.Text(2);
      c.doc_no = row.Text(3);
      c.publisher = row.Text(4);
      GONGKAI_STORE_ASSIGN_OR_RETURN(c.created_on, row.DateAt(5, "created_on"));
      GONGKAI_STORE_ASSIGN_OR_RETURN(c.published_on, row.OptionalDateAt(6, "published_on"));
      GONGKAI_STORE_ASSIGN_OR_RETURN(c.withdrawn_on, row.OptionalDateAt(7, "withdrawn_on"));
      c.topic = row.Text(8);
      c.genre = row.Text(9);
      c.summary = row.Text(10);
      c.body = row.Text(11);
      if (!row.IsNull(12)) c.article20_item = static_cast<int>(row.Int(12));
      if (row.Int(13) != 0) {
        NormativeDocument d;
        d.is_rule = row.Int(14) != 0;
        d.issuing_body = row.Text(15);
        GONGKAI_STORE_ASSIGN_OR_RETURN(d.issued_on, row.DateAt(16, "norm_issued_on"));
        GONGKAI_STORE_ASSIGN_OR_RETURN(d.effective_on, row.OptionalDateAt(17, "norm_effective_on"));
        GONGKAI_STORE_ASSIGN_OR_RETURN(d.expired_on, row.OptionalDateAt(18, "norm_expired_on"));
        GONGKAI_STORE_ASSIGN_OR_RETURN(d.repealed_on, row.OptionalDateAt(19, "norm_repealed_on"));
        c.normative = std::move(d);
      }
    }
    return Publications();
  }

  Status Reviews() {
    auto rows =
        ReadRows(conn_, kSelectReviewsOfYear, p_, {kInt, kText, kInt, kText, kText, kText, kText});
    const Row row(*rows, "reviews");
    while (rows->Next()) {
      Review& r = out_.reviews.emplace_back();
      r.id = row.Int(0);
      r.agency_id = p_.agency_id;
      r.number = row.Text(1);
      if (!row.IsNull(2)) {
        r.application_id = row.Int(2);
        r.application_number = row.Text(3);
      }
      GONGKAI_STORE_ASSIGN_OR_RETURN(r.filed_on, row.DateAt(4, "filed_on"));
      GONGKAI_STORE_ASSIGN_OR_RETURN(r.decided_on, row.OptionalDateAt(5, "decided_on"));
      GONGKAI_STORE_ASSIGN_OR_RETURN(r.result,
                                     row.EnumAt<CaseResult>(6, "result", CaseResultFromCode));
    }
    return Status::Ok();
  }

  Status Lawsuits() {
    auto rows = ReadRows(conn_, kSelectLawsuitsOfYear, p_,
                         {kInt, kText, kInt, kText, kInt, kInt, kText, kText, kText, kText});
    const Row row(*rows, "lawsuits");
    while (rows->Next()) {
      Lawsuit& l = out_.lawsuits.emplace_back();
      l.id = row.Int(0);
      l.agency_id = p_.agency_id;
      l.number = row.Text(1);
      if (!row.IsNull(2)) {
        l.application_id = row.Int(2);
        l.application_number = row.Text(3);
      }
      l.after_review = row.Int(4) != 0;
      if (!row.IsNull(5)) {
        l.review_id = row.Int(5);
        l.review_number = row.Text(6);
      }
      GONGKAI_STORE_ASSIGN_OR_RETURN(l.filed_on, row.DateAt(7, "filed_on"));
      GONGKAI_STORE_ASSIGN_OR_RETURN(l.decided_on, row.OptionalDateAt(8, "decided_on"));
      GONGKAI_STORE_ASSIGN_OR_RETURN(l.result,
                                     row.EnumAt<CaseResult>(9, "result", CaseResultFromCode));
    }
    return Status::Ok();
  }

  Status Complaints() {
    auto rows = ReadRows(conn_, kSelectComplaintsOfYear, p_, {kInt, kText, kText});
    const Row row(*rows, "complaints");
    while (rows->Next()) {
      Complaint& c = out_.complaints.emplace_back();
      c.id = row.Int(0);
      c.agency_id = p_.agency_id;
      GONGKAI_STORE_ASSIGN_OR_RETURN(c.received_on, row.DateAt(1, "received_on"));
      c.subject = row.Text(2);
    }
    return Status::Ok();
  }

  Status HotTopics() {
    auto rows = ReadRows(conn_, kSelectHotTopicsOfYear, p_, {kInt, kText, kText, kText});
    const Row row(*rows, "hot_topics");
    while (rows->Next()) {
      HotTopic& h = out_.hot_topics.emplace_back();
      h.id = row.Int(0);
      h.agency_id = p_.agency_id;
      h.key = row.Text(1);
      h.title = row.Text(2);
      GONGKAI_STORE_ASSIGN_OR_RETURN(h.first_seen_on, row.DateAt(3, "first_seen_on"));
    }
    return Status::Ok();
  }

  Status Responses() {
    auto rows =
        ReadRows(conn_, kSelectResponsesOfYear, p_, {kInt, kText, kText, kText, kInt, kInt, kText});
    const Row row(*rows, "responses");
    while (rows->Next()) {
      Response& r = out_.responses.emplace_back();
      r.id = row.Int(0);
      r.agency_id = p_.agency_id;
      GONGKAI_STORE_ASSIGN_OR_RETURN(r.kind,
                                     row.EnumAt<ResponseKind>(1, "kind", ResponseKindFromCode));
      GONGKAI_STORE_ASSIGN_OR_RETURN(r.on, row.DateAt(2, "on_date"));
      r.title = row.Text(3);
      r.principal_leader = row.Int(4) != 0;
      if (!row.IsNull(5)) {
        r.hot_topic_id = row.Int(5);
        r.hot_topic_key = row.Text(6);
      }
    }
    return Status::Ok();
  }

  Status Meetings() {
    auto rows = ReadRows(conn_, kSelectMeetingsOfYear, p_, {kInt, kText, kText});
    const Row row(*rows, "meetings");
    while (rows->Next()) {
      Meeting& m = out_.meetings.emplace_back();
      m.id = row.Int(0);
      m.agency_id = p_.agency_id;
      GONGKAI_STORE_ASSIGN_OR_RETURN(m.on, row.DateAt(1, "on_date"));
      m.title = row.Text(2);
    }
    return Status::Ok();
  }

  Status Trainings() {
    auto rows = ReadRows(conn_, kSelectTrainingsOfYear, p_, {kInt, kText, kText, kInt});
    const Row row(*rows, "trainings");
    while (rows->Next()) {
      Training& t = out_.trainings.emplace_back();
      t.id = row.Int(0);
      t.agency_id = p_.agency_id;
      GONGKAI_STORE_ASSIGN_OR_RETURN(t.on, row.DateAt(1, "on_date"));
      t.title = row.Text(2);
      t.trainees = static_cast<int>(row.Int(3));
    }
    return Status::Ok();
  }

  Status StaffingOfYear() {
    auto rows = ReadRows(conn_, kSelectStaffingOfYear, p_, {kInt, kInt, kInt, kInt, kInt});
    if (rows->Next()) {
      Staffing s;
      s.agency_id = p_.agency_id;
      s.year = static_cast<int>(p_.year);
      s.full_time = static_cast<int>(rows->Int(0));
      s.part_time = static_cast<int>(rows->Int(1));
      s.dedicated_offices = static_cast<int>(rows->Int(2));
      s.reading_points = static_cast<int>(rows->Int(3));
      s.budget_fen = rows->Int(4);
      out_.staffing = s;
    }
    return Status::Ok();
  }

  Status Fees() {
    auto rows = ReadRows(conn_, kSelectFeesOfYear, p_, {kInt, kText, kInt, kInt, kText});
    const Row row(*rows, "fees");
    while (rows->Next()) {
      FeeCollected& f = out_.fees.emplace_back();
      f.id = row.Int(0);
      f.agency_id = p_.agency_id;
      GONGKAI_STORE_ASSIGN_OR_RETURN(f.on, row.DateAt(1, "on_date"));
      f.amount_fen = row.Int(2);
      if (!row.IsNull(3)) {
        f.application_id = row.Int(3);
        f.application_number = row.Text(4);
      }
    }
    return Status::Ok();
  }

  Status ManualFigures() {
    auto rows = ReadRows(conn_, kSelectManualFiguresOfYear, p_,
                         {kInt, kText, kText, kInt, kText, kText, kText});
    const Row row(*rows, "manual_figures");
    while (rows->Next()) {
      ManualFigure& m = out_.manual_figures.emplace_back();
      m.id = row.Int(0);
      m.agency_id = p_.agency_id;
      m.year = static_cast<int>(p_.year);
      m.format_id = row.Text(1);
      m.cell_id = row.Text(2);
      m.value = Decimal::FromMicros(row.Int(3));
      m.entered_by = row.Text(4);
      m.entered_at = row.Text(5);
      m.source = row.Text(6);
    }
    return Status::Ok();
  }

  Status Narrative() {
    auto rows = ReadRows(conn_, kSelectNarrativeOfYear, p_, {kText, kText, kText, kText, kText});
    const Row row(*rows, "narrative_sections");
    while (rows->Next()) {
      NarrativeSection& n = out_.narrative.emplace_back();
      n.agency_id = p_.agency_id;
      n.year = static_cast<int>(p_.year);
      n.format_id = row.Text(0);
      n.section_id = row.Text(1);
      n.body = row.Text(2);
      n.edited_by = row.Text(3);
      n.edited_at = row.Text(4);
    }
    return Status::Ok();
  }

 private:
  // Events of the applications just loaded, merged in one pass: both queries list the
  // applications in the same order, so an event's application is at or after the cursor.
  Status Events() {
    auto rows = ReadRows(conn_, kSelectEventsOfYear, p_,
                         {kInt, kText, kText, kText, kInt, kText, kInt, kText, kText});
    const Row row(*rows, "application_events");
    std::vector<Application>& apps = out_.applications;
    size_t cursor = 0;
    while (rows->Next()) {
      const long long app_id = row.Int(0);
      while (cursor < apps.size() && apps[cursor].id != app_id) ++cursor;
      if (cursor == apps.size()) {
        return Internal("申请与事件的查询结果不一致（申请 id " + std::to_string(app_id) + "）");
      }
      std::vector<ApplicationEvent>& events = apps[cursor].events;
      if (events.empty()) events.reserve(4);  // typical: received → … → answered in ≤ 4 steps
      ApplicationEvent& e = events.emplace_back();
      GONGKAI_STORE_ASSIGN_OR_RETURN(e.kind, row.EnumAt<EventKind>(1, "kind", EventKindFromCode));
      GONGKAI_STORE_ASSIGN_OR_RETURN(e.on, row.DateAt(2, "on_date"));
      GONGKAI_STORE_ASSIGN_OR_RETURN(e.outcome,
                                     row.OptionalEnumAt<Outcome>(3, "outcome", OutcomeFromCode));
      e.extension_days = static_cast<int>(row.Int(4));
      GONGKAI_STORE_ASSIGN_OR_RETURN(
          e.party, row.OptionalEnumAt<ConsultationParty>(5, "party", ConsultationPartyFromCode));
      e.fee_fen = row.Int(6);
      e.note = row.Text(7);
      e.actor = row.Text(8);
    }
    return Status::Ok();
  }

  // Channel publications of the catalog items just loaded (both ordered by item id).
  Status Publications() {
    auto rows = ReadRows(conn_, kSelectPublicationsOfYear, p_, {kInt, kText, kText});
    const Row row(*rows, "catalog_publications");
    std::vector<CatalogItem>& items = out_.catalog_items;
    size_t cursor = 0;
    while (rows->Next()) {
      const long long item_id = row.Int(0);
      while (cursor < items.size() && items[cursor].id != item_id) ++cursor;
      if (cursor == items.size()) {
        return Internal("目录条目与发布渠道的查询结果不一致（条目 id " + std::to_string(item_id) +
                        "）");
      }
      ChannelPublication& p = items[cursor].channels.emplace_back();
      GONGKAI_STORE_ASSIGN_OR_RETURN(
          p.channel, row.EnumAt<PublicationChannel>(1, "channel", PublicationChannelFromCode));
      GONGKAI_STORE_ASSIGN_OR_RETURN(p.published_on, row.DateAt(2, "published_on"));
    }
    return Status::Ok();
  }

  Connection& conn_;
  QueryParams p_;
  YearRecords& out_;
};

}  // namespace

Result<YearRecords> SociRepository::DoLoadYear(int64_t agency_id, int year) {
  if (year < 1000 || year > 9999) {
    return InvalidInput("年份 " + std::to_string(year) + " 无效");
  }
  Transaction tx(*conn_, Transaction::Mode::kRead);
  YearRecords out;
  GONGKAI_STORE_ASSIGN_OR_RETURN(out.agency, LoadAgencyById(*conn_, agency_id));
  out.year = year;
  const std::string y = std::to_string(year);
  YearLoader loader(*conn_, QueryParams{agency_id, year, y + "-01-01", y + "-12-31"}, out);
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
