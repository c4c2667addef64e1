// SQLite schema. Keep equivalent to postgres/migrations.cc: same tables, columns, constraints
// and indexes; only the type names and the id / trigger syntax differ. Tables are STRICT so
// SQLite refuses values of the wrong type, as PostgreSQL does. Dates are ISO text; money is
// integer fen; decimals are integer micros; booleans are 0/1 integers.
//
// Two tables are clustered for LoadYear (WITHOUT ROWID), which reads one agency-year of
// applications in receipt order and each one's events: applications are stored in
// (agency_id, received_on, id) order — the id stays unique, as PostgreSQL's primary key, and
// replaces PostgreSQL's applications_received index — and application_events in
// (application_id, seq) order, PostgreSQL's primary key too. The constraints are the same on
// both backends; only the physical order differs.
//
// APPEND-ONLY: never edit a released migration; add kMigrationNNNN and list it below.
#include "store/sqlite/migrations.h"

#include <string_view>

namespace gongkai::store::sqlite {
namespace {

constexpr std::string_view kMigration0001[] = {
    R"sql(
CREATE TABLE agencies (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE CHECK (length(slug) > 0),
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL,
  org_code    TEXT NOT NULL,
  parent_id   INTEGER REFERENCES agencies (id),
  region      TEXT NOT NULL
) STRICT)sql",

    R"sql(
CREATE TABLE catalog_items (
  id                 INTEGER PRIMARY KEY,
  agency_id          INTEGER NOT NULL REFERENCES agencies (id),
  index_no           TEXT NOT NULL,
  title              TEXT NOT NULL,
  doc_no             TEXT NOT NULL,
  publisher          TEXT NOT NULL,
  created_on         TEXT NOT NULL CHECK (length(created_on) = 10),
  published_on       TEXT CHECK (length(published_on) = 10),
  withdrawn_on       TEXT CHECK (length(withdrawn_on) = 10),
  topic              TEXT NOT NULL,
  genre              TEXT NOT NULL,
  summary            TEXT NOT NULL,
  body               TEXT NOT NULL,
  article20_item     INTEGER CHECK (article20_item BETWEEN 1 AND 15),
  is_normative       INTEGER NOT NULL CHECK (is_normative IN (0, 1)),
  norm_is_rule       INTEGER CHECK (norm_is_rule IN (0, 1)),
  norm_issuing_body  TEXT,
  norm_issued_on     TEXT CHECK (length(norm_issued_on) = 10),
  norm_effective_on  TEXT CHECK (length(norm_effective_on) = 10),
  norm_expired_on    TEXT CHECK (length(norm_expired_on) = 10),
  norm_repealed_on   TEXT CHECK (length(norm_repealed_on) = 10),
  CHECK (is_normative = 0 OR (norm_is_rule IS NOT NULL AND norm_issuing_body IS NOT NULL
                              AND norm_issued_on IS NOT NULL))
) STRICT)sql",
    "CREATE UNIQUE INDEX catalog_items_index_no ON catalog_items (agency_id, index_no) "
    "WHERE index_no <> ''",
    "CREATE INDEX catalog_items_published ON catalog_items (agency_id, published_on)",
    "CREATE INDEX catalog_items_created ON catalog_items (agency_id, created_on)",
    "CREATE INDEX catalog_items_issued ON catalog_items (agency_id, norm_issued_on) "
    "WHERE is_normative = 1",

    R"sql(
CREATE TABLE catalog_publications (
  id               INTEGER PRIMARY KEY,
  agency_id        INTEGER NOT NULL REFERENCES agencies (id),
  catalog_item_id  INTEGER NOT NULL REFERENCES catalog_items (id),
  seq              INTEGER NOT NULL,
  channel          TEXT NOT NULL,
  published_on     TEXT NOT NULL CHECK (length(published_on) = 10),
  UNIQUE (catalog_item_id, seq)
) STRICT)sql",

    R"sql(
CREATE TABLE applications (
  id              INTEGER NOT NULL UNIQUE,
  agency_id       INTEGER NOT NULL REFERENCES agencies (id),
  number          TEXT NOT NULL CHECK (length(number) > 0),
  channel         TEXT NOT NULL,
  received_on     TEXT NOT NULL CHECK (length(received_on) = 10),
  confirmed_on    TEXT CHECK (length(confirmed_on) = 10),
  applicant_type  TEXT NOT NULL,
  applicant_name  TEXT NOT NULL,
  content         TEXT NOT NULL,
  rules_override  TEXT CHECK (rules_override IN ('2008', '2019')),
  UNIQUE (agency_id, number),
  PRIMARY KEY (agency_id, received_on, id)
) STRICT, WITHOUT ROWID)sql",

    R"sql(
CREATE TABLE application_events (
  agency_id       INTEGER NOT NULL REFERENCES agencies (id),
  application_id  INTEGER NOT NULL REFERENCES applications (id),
  seq             INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  on_date         TEXT NOT NULL CHECK (length(on_date) = 10),
  outcome         TEXT,
  extension_days  INTEGER NOT NULL,
  party           TEXT,
  fee_fen         INTEGER NOT NULL,
  note            TEXT NOT NULL,
  actor           TEXT NOT NULL,
  PRIMARY KEY (application_id, seq)
) STRICT, WITHOUT ROWID)sql",

    R"sql(
CREATE TABLE reviews (
  id              INTEGER PRIMARY KEY,
  agency_id       INTEGER NOT NULL REFERENCES agencies (id),
  number          TEXT NOT NULL CHECK (length(number) > 0),
  application_id  INTEGER REFERENCES applications (id),
  filed_on        TEXT NOT NULL CHECK (length(filed_on) = 10),
  decided_on      TEXT CHECK (length(decided_on) = 10),
  result          TEXT NOT NULL,
  UNIQUE (agency_id, number)
) STRICT)sql",
    "CREATE INDEX reviews_filed ON reviews (agency_id, filed_on)",

    R"sql(
CREATE TABLE lawsuits (
  id              INTEGER PRIMARY KEY,
  agency_id       INTEGER NOT NULL REFERENCES agencies (id),
  number          TEXT NOT NULL CHECK (length(number) > 0),
  application_id  INTEGER REFERENCES applications (id),
  after_review    INTEGER NOT NULL CHECK (after_review IN (0, 1)),
  review_id       INTEGER REFERENCES reviews (id),
  filed_on        TEXT NOT NULL CHECK (length(filed_on) = 10),
  decided_on      TEXT CHECK (length(decided_on) = 10),
  result          TEXT NOT NULL,
  UNIQUE (agency_id, number)
) STRICT)sql",
    "CREATE INDEX lawsuits_filed ON lawsuits (agency_id, filed_on)",

    R"sql(
CREATE TABLE complaints (
  id           INTEGER PRIMARY KEY,
  agency_id    INTEGER NOT NULL REFERENCES agencies (id),
  received_on  TEXT NOT NULL CHECK (length(received_on) = 10),
  subject      TEXT NOT NULL
) STRICT)sql",
    "CREATE INDEX complaints_received ON complaints (agency_id, received_on)",

    R"sql(
CREATE TABLE hot_topics (
  id             INTEGER PRIMARY KEY,
  agency_id      INTEGER NOT NULL REFERENCES agencies (id),
  topic_key      TEXT NOT NULL CHECK (length(topic_key) > 0),
  title          TEXT NOT NULL,
  first_seen_on  TEXT NOT NULL CHECK (length(first_seen_on) = 10),
  UNIQUE (agency_id, topic_key)
) STRICT)sql",
    "CREATE INDEX hot_topics_seen ON hot_topics (agency_id, first_seen_on)",

    R"sql(
CREATE TABLE responses (
  id                INTEGER PRIMARY KEY,
  agency_id         INTEGER NOT NULL REFERENCES agencies (id),
  kind              TEXT NOT NULL,
  on_date           TEXT NOT NULL CHECK (length(on_date) = 10),
  title             TEXT NOT NULL,
  principal_leader  INTEGER NOT NULL CHECK (principal_leader IN (0, 1)),
  hot_topic_id      INTEGER REFERENCES hot_topics (id)
) STRICT)sql",
    "CREATE INDEX responses_on ON responses (agency_id, on_date)",

    R"sql(
CREATE TABLE meetings (
  id         INTEGER PRIMARY KEY,
  agency_id  INTEGER NOT NULL REFERENCES agencies (id),
  on_date    TEXT NOT NULL CHECK (length(on_date) = 10),
  title      TEXT NOT NULL
) STRICT)sql",
    "CREATE INDEX meetings_on ON meetings (agency_id, on_date)",

    R"sql(
CREATE TABLE trainings (
  id         INTEGER PRIMARY KEY,
  agency_id  INTEGER NOT NULL REFERENCES agencies (id),
  on_date    TEXT NOT NULL CHECK (length(on_date) = 10),
  title      TEXT NOT NULL,
  trainees   INTEGER NOT NULL
) STRICT)sql",
    "CREATE INDEX trainings_on ON trainings (agency_id, on_date)",

    R"sql(
CREATE TABLE staffing (
  agency_id          INTEGER NOT NULL REFERENCES agencies (id),
  year               INTEGER NOT NULL,
  full_time          INTEGER NOT NULL,
  part_time          INTEGER NOT NULL,
  dedicated_offices  INTEGER NOT NULL,
  reading_points     INTEGER NOT NULL,
  budget_fen         INTEGER NOT NULL,
  PRIMARY KEY (agency_id, year)
) STRICT)sql",

    R"sql(
CREATE TABLE fees (
  id              INTEGER PRIMARY KEY,
  agency_id       INTEGER NOT NULL REFERENCES agencies (id),
  on_date         TEXT NOT NULL CHECK (length(on_date) = 10),
  amount_fen      INTEGER NOT NULL,
  application_id  INTEGER REFERENCES applications (id)
) STRICT)sql",
    "CREATE INDEX fees_on ON fees (agency_id, on_date)",

    R"sql(
CREATE TABLE manual_figures (
  id            INTEGER PRIMARY KEY,
  agency_id     INTEGER NOT NULL REFERENCES agencies (id),
  year          INTEGER NOT NULL,
  format_id     TEXT NOT NULL CHECK (length(format_id) > 0),
  cell_id       TEXT NOT NULL CHECK (length(cell_id) > 0),
  value_micros  INTEGER NOT NULL,
  entered_by    TEXT NOT NULL,
  entered_at    TEXT NOT NULL,
  source        TEXT NOT NULL,
  UNIQUE (agency_id, year, format_id, cell_id)
) STRICT)sql",

    R"sql(
CREATE TABLE narrative_sections (
  id          INTEGER PRIMARY KEY,
  agency_id   INTEGER NOT NULL REFERENCES agencies (id),
  year        INTEGER NOT NULL,
  format_id   TEXT NOT NULL CHECK (length(format_id) > 0),
  section_id  TEXT NOT NULL CHECK (length(section_id) > 0),
  body        TEXT NOT NULL,
  edited_by   TEXT NOT NULL,
  edited_at   TEXT NOT NULL,
  UNIQUE (agency_id, year, format_id, section_id)
) STRICT)sql",

    R"sql(
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  recorded_at  TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  agency_id    INTEGER REFERENCES agencies (id),
  source       TEXT NOT NULL,
  detail       TEXT NOT NULL
) STRICT)sql",
    R"sql(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END)sql",
    R"sql(
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END)sql",
};

// Migration 2 (issue 4, the report checker): annual reports published outside gongkai and
// imported with `gongkai import` (the cells and findings as JSON text, the source file's
// SHA-256), and the reports gongkai itself published (a snapshot). One of each per agency-year.
constexpr std::string_view kMigration0002[] = {
    R"sql(
CREATE TABLE external_reports (
  id             INTEGER PRIMARY KEY,
  agency_id      INTEGER NOT NULL REFERENCES agencies (id),
  year           INTEGER NOT NULL,
  format_id      TEXT NOT NULL CHECK (length(format_id) > 0),
  source_name    TEXT NOT NULL,
  source_sha256  TEXT NOT NULL CHECK (length(source_sha256) = 64),
  cells_json     TEXT NOT NULL,
  findings_json  TEXT NOT NULL,
  imported_by    TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  UNIQUE (agency_id, year)
) STRICT)sql",
    R"sql(
CREATE TABLE published_reports (
  id             INTEGER PRIMARY KEY,
  agency_id      INTEGER NOT NULL REFERENCES agencies (id),
  year           INTEGER NOT NULL,
  format_id      TEXT NOT NULL CHECK (length(format_id) > 0),
  published_at   TEXT NOT NULL,
  snapshot_json  TEXT NOT NULL,
  UNIQUE (agency_id, year)
) STRICT)sql",
};

constexpr Migration kMigrations[] = {
    {1, "init", kMigration0001},
    {2, "external_reports", kMigration0002},
};

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

}  // namespace gongkai::store::sqlite
