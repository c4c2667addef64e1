// Every SQL statement of the storage adapter, as named constants (STYLE.md §8). The same text
// runs on SQLite and PostgreSQL unless the name says otherwise (kSqlite… / kPostgres…):
// placeholders are SOCI's ":name", no "::" casts, only functions both engines have
// (COALESCE, substr, CAST … AS INTEGER). Dates are ISO text, so comparisons are string ones.
#pragma once

namespace gongkai::store {

// --- Session and transactions -------------------------------------------------------------

inline constexpr char kSqliteJournalWal[] = "PRAGMA journal_mode = WAL";
inline constexpr char kSqliteForeignKeys[] = "PRAGMA foreign_keys = ON";
inline constexpr char kSqliteBusyTimeout[] = "PRAGMA busy_timeout = 3000";
inline constexpr char kSqliteBeginWrite[] = "BEGIN IMMEDIATE";
inline constexpr char kSqliteBeginRead[] = "BEGIN";
inline constexpr char kPostgresQuiet[] = "SET client_min_messages = warning";
// JIT compilation pays off for long analytic queries, not ours: it added ~140 ms of compiling
// to LoadYear's event query (100,000 applications) for nothing.
inline constexpr char kPostgresNoJit[] = "SET jit = off";
inline constexpr char kPostgresBeginWrite[] = "BEGIN";
inline constexpr char kPostgresBeginRead[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
inline constexpr char kCommit[] = "COMMIT";
inline constexpr char kRollback[] = "ROLLBACK";

inline constexpr char kPostgresAnalyzeApplications[] = "ANALYZE applications, application_events";

// AllocateIds: SQLite appends the table name (one of the adapter's own, never user input).
inline constexpr char kSqliteMaxIdPrefix[] = "SELECT COALESCE(MAX(id), 0) FROM ";
inline constexpr char kPostgresNextIds[] =
    "SELECT nextval(pg_get_serial_sequence(:table_name, 'id')) FROM generate_series(1, :n)";

// --- Migrations ----------------------------------------------------------------------------

inline constexpr char kSqliteHasSchemaMigrations[] =
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
inline constexpr char kPostgresHasSchemaMigrations[] =
    "SELECT COUNT(*) FROM information_schema.tables "
    "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'";
// Serializes concurrent migrators on one PostgreSQL database (released at COMMIT/ROLLBACK).
inline constexpr char kPostgresMigrationLock[] = "SELECT pg_advisory_xact_lock(4242017001)";
inline constexpr char kCreateSchemaMigrations[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
inline constexpr char kSelectSchemaVersion[] =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
inline constexpr char kInsertSchemaMigration[] =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, :at)";

// --- Agencies ------------------------------------------------------------------------------

#define GONGKAI_AGENCY_COLUMNS \
  "a.id, a.slug, a.name, a.short_name, a.org_code, a.parent_id, p.slug, a.region "
inline constexpr char kSelectAgencies[] =
    "SELECT " GONGKAI_AGENCY_COLUMNS
    "FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id ORDER BY a.slug";
inline constexpr char kSelectAgencyBySlug[] =
    "SELECT " GONGKAI_AGENCY_COLUMNS
    "FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.slug = :slug";
inline constexpr char kSelectAgencyById[] =
    "SELECT " GONGKAI_AGENCY_COLUMNS
    "FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.id = :id";
#undef GONGKAI_AGENCY_COLUMNS
inline constexpr char kSelectAgencyIdBySlug[] = "SELECT id FROM agencies WHERE slug = :slug";
inline constexpr char kSelectAgencyParent[] = "SELECT parent_id FROM agencies WHERE id = :id";
inline constexpr char kInsertAgency[] =
    "INSERT INTO agencies (id, slug, name, short_name, org_code, parent_id, region) "
    "VALUES (:id, :slug, :name, :short_name, :org_code, NULL, :region)";
inline constexpr char kUpdateAgency[] =
    "UPDATE agencies SET name = :name, short_name = :short_name, org_code = :org_code, "
    "region = :region WHERE id = :id";
inline constexpr char kUpdateAgencyParent[] =
    "UPDATE agencies SET parent_id = :parent_id WHERE id = :id";

// --- Keys of stored records (duplicate checks, cross references) --------------------------

inline constexpr char kSelectCatalogKeys[] =
    "SELECT id, index_no FROM catalog_items WHERE agency_id = :agency_id AND index_no <> ''";
inline constexpr char kSelectApplicationKeys[] =
    "SELECT id, number FROM applications WHERE agency_id = :agency_id";
inline constexpr char kSelectReviewKeys[] =
    "SELECT id, number FROM reviews WHERE agency_id = :agency_id";
inline constexpr char kSelectLawsuitKeys[] =
    "SELECT id, number FROM lawsuits WHERE agency_id = :agency_id";
inline constexpr char kSelectHotTopicKeys[] =
    "SELECT id, topic_key FROM hot_topics WHERE agency_id = :agency_id";
inline constexpr char kCountStaffing[] =
    "SELECT COUNT(*) FROM staffing WHERE agency_id = :agency_id AND year = :year";
inline constexpr char kCountManualFigure[] =
    "SELECT COUNT(*) FROM manual_figures WHERE agency_id = :agency_id AND year = :year "
    "AND format_id = :format_id AND cell_id = :cell_id";
inline constexpr char kCountNarrative[] =
    "SELECT COUNT(*) FROM narrative_sections WHERE agency_id = :agency_id AND year = :year "
    "AND format_id = :format_id AND section_id = :section_id";

// --- Inserts. Bulk ones come in two forms with the same columns (store/bulk_insert.h): an
// INSERT whose placeholders are bound to vectors (SQLite) and a COPY (PostgreSQL). -----------

inline constexpr char kInsertCatalogItem[] =
    "INSERT INTO catalog_items (id, agency_id, index_no, title, doc_no, publisher, created_on, "
    "published_on, withdrawn_on, topic, genre, summary, body, article20_item, is_normative, "
    "norm_is_rule, norm_issuing_body, norm_issued_on, norm_effective_on, norm_expired_on, "
    "norm_repealed_on) VALUES (:id, :agency_id, :index_no, :title, :doc_no, :publisher, "
    ":created_on, :published_on, :withdrawn_on, :topic, :genre, :summary, :body, "
    ":article20_item, :is_normative, :norm_is_rule, :norm_issuing_body, :norm_issued_on, "
    ":norm_effective_on, :norm_expired_on, :norm_repealed_on)";
inline constexpr char kCopyCatalogItem[] =
    "COPY catalog_items (id, agency_id, index_no, title, doc_no, publisher, created_on, "
    "published_on, withdrawn_on, topic, genre, summary, body, article20_item, is_normative, "
    "norm_is_rule, norm_issuing_body, norm_issued_on, norm_effective_on, norm_expired_on, "
    "norm_repealed_on) FROM STDIN";
inline constexpr char kInsertCatalogPublication[] =
    "INSERT INTO catalog_publications (agency_id, catalog_item_id, seq, channel, published_on) "
    "VALUES (:agency_id, :catalog_item_id, :seq, :channel, :published_on)";
inline constexpr char kCopyCatalogPublication[] =
    "COPY catalog_publications (agency_id, catalog_item_id, seq, channel, published_on) FROM "
    "STDIN";
inline constexpr char kInsertApplication[] =
    "INSERT INTO applications (id, agency_id, number, channel, received_on, confirmed_on, "
    "applicant_type, applicant_name, content, rules_override) VALUES (:id, :agency_id, "
    ":number, :channel, :received_on, :confirmed_on, :applicant_type, :applicant_name, "
    ":content, :rules_override)";
inline constexpr char kCopyApplication[] =
    "COPY applications (id, agency_id, number, channel, received_on, confirmed_on, "
    "applicant_type, applicant_name, content, rules_override) FROM STDIN";
inline constexpr char kInsertEvent[] =
    "INSERT INTO application_events (agency_id, application_id, seq, kind, on_date, outcome, "
    "extension_days, party, fee_fen, note, actor) VALUES (:agency_id, :application_id, :seq, "
    ":kind, :on_date, :outcome, :extension_days, :party, :fee_fen, :note, :actor)";
inline constexpr char kCopyEvent[] =
    "COPY application_events (agency_id, application_id, seq, kind, on_date, outcome, "
    "extension_days, party, fee_fen, note, actor) FROM STDIN";
inline constexpr char kInsertReview[] =
    "INSERT INTO reviews (id, agency_id, number, application_id, filed_on, decided_on, result) "
    "VALUES (:id, :agency_id, :number, :application_id, :filed_on, :decided_on, :result)";
inline constexpr char kCopyReview[] =
    "COPY reviews (id, agency_id, number, application_id, filed_on, decided_on, result) FROM "
    "STDIN";
inline constexpr char kInsertLawsuit[] =
    "INSERT INTO lawsuits (id, agency_id, number, application_id, after_review, review_id, "
    "filed_on, decided_on, result) VALUES (:id, :agency_id, :number, :application_id, "
    ":after_review, :review_id, :filed_on, :decided_on, :result)";
inline constexpr char kCopyLawsuit[] =
    "COPY lawsuits (id, agency_id, number, application_id, after_review, review_id, filed_on, "
    "decided_on, result) FROM STDIN";
inline constexpr char kInsertComplaint[] =
    "INSERT INTO complaints (agency_id, received_on, subject) "
    "VALUES (:agency_id, :received_on, :subject)";
inline constexpr char kCopyComplaint[] =
    "COPY complaints (agency_id, received_on, subject) FROM STDIN";
inline constexpr char kInsertHotTopic[] =
    "INSERT INTO hot_topics (id, agency_id, topic_key, title, first_seen_on) "
    "VALUES (:id, :agency_id, :topic_key, :title, :first_seen_on)";
inline constexpr char kCopyHotTopic[] =
    "COPY hot_topics (id, agency_id, topic_key, title, first_seen_on) FROM STDIN";
inline constexpr char kInsertResponse[] =
    "INSERT INTO responses (agency_id, kind, on_date, title, principal_leader, hot_topic_id) "
    "VALUES (:agency_id, :kind, :on_date, :title, :principal_leader, :hot_topic_id)";
inline constexpr char kCopyResponse[] =
    "COPY responses (agency_id, kind, on_date, title, principal_leader, hot_topic_id) FROM "
    "STDIN";
inline constexpr char kInsertMeeting[] =
    "INSERT INTO meetings (agency_id, on_date, title) VALUES (:agency_id, :on_date, :title)";
inline constexpr char kCopyMeeting[] = "COPY meetings (agency_id, on_date, title) FROM STDIN";
inline constexpr char kInsertTraining[] =
    "INSERT INTO trainings (agency_id, on_date, title, trainees) "
    "VALUES (:agency_id, :on_date, :title, :trainees)";
inline constexpr char kCopyTraining[] =
    "COPY trainings (agency_id, on_date, title, trainees) FROM STDIN";
inline constexpr char kInsertStaffing[] =
    "INSERT INTO staffing (agency_id, year, full_time, part_time, dedicated_offices, "
    "reading_points, budget_fen) VALUES (:agency_id, :year, :full_time, :part_time, "
    ":dedicated_offices, :reading_points, :budget_fen)";
inline constexpr char kInsertFee[] =
    "INSERT INTO fees (agency_id, on_date, amount_fen, application_id) "
    "VALUES (:agency_id, :on_date, :amount_fen, :application_id)";
inline constexpr char kCopyFee[] =
    "COPY fees (agency_id, on_date, amount_fen, application_id) FROM STDIN";
inline constexpr char kInsertManualFigure[] =
    "INSERT INTO manual_figures (agency_id, year, format_id, cell_id, value_micros, "
    "entered_by, entered_at, source) VALUES (:agency_id, :year, :format_id, :cell_id, "
    ":value_micros, :entered_by, :entered_at, :source)";
inline constexpr char kCopyManualFigure[] =
    "COPY manual_figures (agency_id, year, format_id, cell_id, value_micros, entered_by, "
    "entered_at, source) FROM STDIN";
inline constexpr char kInsertNarrative[] =
    "INSERT INTO narrative_sections (agency_id, year, format_id, section_id, body, edited_by, "
    "edited_at) VALUES (:agency_id, :year, :format_id, :section_id, :body, :edited_by, "
    ":edited_at)";
inline constexpr char kCopyNarrative[] =
    "COPY narrative_sections (agency_id, year, format_id, section_id, body, edited_by, "
    "edited_at) FROM STDIN";
inline constexpr char kInsertAudit[] =
    "INSERT INTO audit_log (recorded_at, actor, action, agency_id, source, detail) "
    "VALUES (:recorded_at, :actor, :action, :agency_id, :source, :detail)";

// --- Upserts -------------------------------------------------------------------------------

inline constexpr char kUpsertManualFigure[] =
    "INSERT INTO manual_figures (agency_id, year, format_id, cell_id, value_micros, "
    "entered_by, entered_at, source) VALUES (:agency_id, :year, :format_id, :cell_id, "
    ":value_micros, :entered_by, :entered_at, :source) "
    "ON CONFLICT (agency_id, year, format_id, cell_id) DO UPDATE SET "
    "value_micros = excluded.value_micros, entered_by = excluded.entered_by, "
    "entered_at = excluded.entered_at, source = excluded.source";
inline constexpr char kUpsertNarrative[] =
    "INSERT INTO narrative_sections (agency_id, year, format_id, section_id, body, edited_by, "
    "edited_at) VALUES (:agency_id, :year, :format_id, :section_id, :body, :edited_by, "
    ":edited_at) ON CONFLICT (agency_id, year, format_id, section_id) DO UPDATE SET "
    "body = excluded.body, edited_by = excluded.edited_by, edited_at = excluded.edited_at";

// --- LoadYear (:agency_id, :first = "Y-01-01", :last = "Y-12-31", :year) ------------------

// Applications received on or before 31 Dec Y and not closed before 1 Jan Y. "Closed" is
// derived from the events, as the core does (application/state.h ClosingOf): an answered,
// correction_lapsed, fee_lapsed or withdrawn event. Applications received in Y cannot have
// closed before it, so the NOT EXISTS probe only runs for older ones.
#define GONGKAI_APPLICATIONS_OF_YEAR                                                     \
  "a.agency_id = :agency_id AND a.received_on <= :last AND (a.received_on >= :first OR " \
  "NOT EXISTS (SELECT 1 FROM application_events c WHERE c.application_id = a.id AND "    \
  "c.kind IN ('answered', 'correction_lapsed', 'fee_lapsed', 'withdrawn') AND "          \
  "c.on_date < :first))"
inline constexpr char kSelectApplicationsOfYear[] =
    "SELECT a.id, a.number, a.channel, a.received_on, a.confirmed_on, a.applicant_type, "
    "a.applicant_name, a.content, a.rules_override FROM applications a "
    "WHERE " GONGKAI_APPLICATIONS_OF_YEAR " ORDER BY a.received_on, a.id";
// Events of those applications, grouped by application in the same order as above, each
// application's in sequence. (On SQLite both tables are stored in exactly this order — see
// sqlite/migrations.cc — so neither query sorts.)
inline constexpr char kSelectEventsOfYear[] =
    "SELECT e.application_id, e.kind, e.on_date, e.outcome, e.extension_days, e.party, "
    "e.fee_fen, e.note, e.actor FROM applications a JOIN application_events e "
    "ON e.application_id = a.id WHERE " GONGKAI_APPLICATIONS_OF_YEAR
    " ORDER BY a.received_on, a.id, e.seq";
#undef GONGKAI_APPLICATIONS_OF_YEAR

#define GONGKAI_CATALOG_OF_YEAR                                                              \
  "c.agency_id = :agency_id AND ((c.published_on >= :first AND c.published_on <= :last) OR " \
  "(c.created_on >= :first AND c.created_on <= :last) OR "                                   \
  "(c.is_normative = 1 AND c.norm_issued_on <= :last))"
inline constexpr char kSelectCatalogOfYear[] =
    "SELECT c.id, c.index_no, c.title, c.doc_no, c.publisher, c.created_on, c.published_on, "
    "c.withdrawn_on, c.topic, c.genre, c.summary, c.body, c.article20_item, c.is_normative, "
    "c.norm_is_rule, c.norm_issuing_body, c.norm_issued_on, c.norm_effective_on, "
    "c.norm_expired_on, c.norm_repealed_on FROM catalog_items c WHERE " GONGKAI_CATALOG_OF_YEAR
    " ORDER BY c.id";
inline constexpr char kSelectPublicationsOfYear[] =
    "SELECT p.catalog_item_id, p.channel, p.published_on FROM catalog_items c "
    "JOIN catalog_publications p ON p.catalog_item_id = c.id WHERE " GONGKAI_CATALOG_OF_YEAR
    " ORDER BY p.catalog_item_id, p.seq";
#undef GONGKAI_CATALOG_OF_YEAR

inline constexpr char kSelectReviewsOfYear[] =
    "SELECT r.id, r.number, r.application_id, a.number, r.filed_on, r.decided_on, r.result "
    "FROM reviews r LEFT JOIN applications a ON a.id = r.application_id "
    "WHERE r.agency_id = :agency_id AND r.filed_on <= :last "
    "AND (r.decided_on IS NULL OR r.decided_on >= :first) ORDER BY r.id";
inline constexpr char kSelectLawsuitsOfYear[] =
    "SELECT l.id, l.number, l.application_id, a.number, l.after_review, l.review_id, r.number, "
    "l.filed_on, l.decided_on, l.result FROM lawsuits l "
    "LEFT JOIN applications a ON a.id = l.application_id "
    "LEFT JOIN reviews r ON r.id = l.review_id "
    "WHERE l.agency_id = :agency_id AND l.filed_on <= :last "
    "AND (l.decided_on IS NULL OR l.decided_on >= :first) ORDER BY l.id";
inline constexpr char kSelectComplaintsOfYear[] =
    "SELECT id, received_on, subject FROM complaints WHERE agency_id = :agency_id "
    "AND received_on >= :first AND received_on <= :last ORDER BY id";
inline constexpr char kSelectHotTopicsOfYear[] =
    "SELECT id, topic_key, title, first_seen_on FROM hot_topics WHERE agency_id = :agency_id "
    "AND first_seen_on >= :first AND first_seen_on <= :last ORDER BY id";
inline constexpr char kSelectResponsesOfYear[] =
    "SELECT r.id, r.kind, r.on_date, r.title, r.principal_leader, r.hot_topic_id, h.topic_key "
    "FROM responses r LEFT JOIN hot_topics h ON h.id = r.hot_topic_id "
    "WHERE r.agency_id = :agency_id AND r.on_date >= :first AND r.on_date <= :last "
    "ORDER BY r.id";
inline constexpr char kSelectMeetingsOfYear[] =
    "SELECT id, on_date, title FROM meetings WHERE agency_id = :agency_id "
    "AND on_date >= :first AND on_date <= :last ORDER BY id";
inline constexpr char kSelectTrainingsOfYear[] =
    "SELECT id, on_date, title, trainees FROM trainings WHERE agency_id = :agency_id "
    "AND on_date >= :first AND on_date <= :last ORDER BY id";
inline constexpr char kSelectStaffingOfYear[] =
    "SELECT full_time, part_time, dedicated_offices, reading_points, budget_fen FROM staffing "
    "WHERE agency_id = :agency_id AND year = :year";
inline constexpr char kSelectFeesOfYear[] =
    "SELECT f.id, f.on_date, f.amount_fen, f.application_id, a.number FROM fees f "
    "LEFT JOIN applications a ON a.id = f.application_id WHERE f.agency_id = :agency_id "
    "AND f.on_date >= :first AND f.on_date <= :last ORDER BY f.id";
inline constexpr char kSelectManualFiguresOfYear[] =
    "SELECT id, format_id, cell_id, value_micros, entered_by, entered_at, source "
    "FROM manual_figures WHERE agency_id = :agency_id AND year = :year ORDER BY id";
inline constexpr char kSelectNarrativeOfYear[] =
    "SELECT format_id, section_id, body, edited_by, edited_at FROM narrative_sections "
    "WHERE agency_id = :agency_id AND year = :year ORDER BY id";

// Years with any dated record of the agency, ascending.
inline constexpr char kSelectYearsWithRecords[] =
    "SELECT DISTINCT y FROM ("
    " SELECT CAST(substr(received_on, 1, 4) AS INTEGER) AS y FROM applications"
    "  WHERE agency_id = :agency_id"
    " UNION SELECT CAST(substr(published_on, 1, 4) AS INTEGER) FROM catalog_items"
    "  WHERE agency_id = :agency_id AND published_on IS NOT NULL"
    " UNION SELECT CAST(substr(filed_on, 1, 4) AS INTEGER) FROM reviews"
    "  WHERE agency_id = :agency_id"
    " UNION SELECT CAST(substr(filed_on, 1, 4) AS INTEGER) FROM lawsuits"
    "  WHERE agency_id = :agency_id"
    " UNION SELECT CAST(substr(received_on, 1, 4) AS INTEGER) FROM complaints"
    "  WHERE agency_id = :agency_id"
    " UNION SELECT CAST(substr(first_seen_on, 1, 4) AS INTEGER) FROM hot_topics"
    "  WHERE agency_id = :agency_id"
    " UNION SELECT CAST(substr(on_date, 1, 4) AS INTEGER) FROM responses"
    "  WHERE agency_id = :agency_id"
    " UNION SELECT CAST(substr(on_date, 1, 4) AS INTEGER) FROM meetings"
    "  WHERE agency_id = :agency_id"
    " UNION SELECT CAST(substr(on_date, 1, 4) AS INTEGER) FROM trainings"
    "  WHERE agency_id = :agency_id"
    " UNION SELECT year FROM staffing WHERE agency_id = :agency_id"
    " UNION SELECT CAST(substr(on_date, 1, 4) AS INTEGER) FROM fees"
    "  WHERE agency_id = :agency_id"
    " UNION SELECT year FROM manual_figures WHERE agency_id = :agency_id"
    " UNION SELECT year FROM narrative_sections WHERE agency_id = :agency_id"
    ") years ORDER BY y";

// --- Annual reports: external (imported) and published ------------------------------------

// Serializes imports and publications of one agency on PostgreSQL (SQLite's write transaction
// already holds the database lock), so "is it published?" and the write see the same state.
inline constexpr char kPostgresLockAgency[] = "SELECT id FROM agencies WHERE id = :id FOR UPDATE";
inline constexpr char kCountPublishedReport[] =
    "SELECT COUNT(*) FROM published_reports WHERE agency_id = :agency_id AND year = :year";
inline constexpr char kUpsertExternalReport[] =
    "INSERT INTO external_reports (agency_id, year, format_id, source_name, source_sha256, "
    "cells_json, findings_json, imported_by, imported_at) VALUES (:agency_id, :year, :format_id, "
    ":source_name, :source_sha256, :cells_json, :findings_json, :imported_by, :imported_at) "
    "ON CONFLICT (agency_id, year) DO UPDATE SET format_id = excluded.format_id, "
    "source_name = excluded.source_name, source_sha256 = excluded.source_sha256, "
    "cells_json = excluded.cells_json, findings_json = excluded.findings_json, "
    "imported_by = excluded.imported_by, imported_at = excluded.imported_at";
inline constexpr char kSelectExternalReport[] =
    "SELECT id, agency_id, year, format_id, source_name, source_sha256, cells_json, "
    "findings_json, imported_by, imported_at FROM external_reports "
    "WHERE agency_id = :agency_id AND year = :year";
inline constexpr char kInsertPublishedReport[] =
    "INSERT INTO published_reports (agency_id, year, format_id, published_at, snapshot_json) "
    "VALUES (:agency_id, :year, :format_id, :published_at, :snapshot_json)";
inline constexpr char kSelectPublishedReport[] =
    "SELECT id, agency_id, year, format_id, published_at, snapshot_json FROM published_reports "
    "WHERE agency_id = :agency_id AND year = :year";

}  // namespace gongkai::store
