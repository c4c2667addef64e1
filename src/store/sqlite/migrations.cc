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

// Migration 3 (issue 3, the platform on the web): staff accounts and sessions, per-agency
// counters (register numbers, 索引号, notice numbers — never reused), the online application's
// columns (tracking code, secret hash, encrypted applicant data), the client address of events
// and audit rows, notices, attachments, versioned guides and the search outbox.
constexpr std::string_view kMigration0003[] = {
    R"sql(
CREATE TABLE users (
  id               INTEGER PRIMARY KEY,
  login            TEXT NOT NULL UNIQUE CHECK (length(login) >= 2),
  display_name     TEXT NOT NULL,
  password_hash    TEXT NOT NULL CHECK (length(password_hash) > 0),
  disabled         INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  failed_count     INTEGER NOT NULL,
  first_failed_at  TEXT,
  locked_until     TEXT,
  created_at       TEXT NOT NULL
) STRICT)sql",
    R"sql(
CREATE TABLE user_roles (
  user_id    INTEGER NOT NULL REFERENCES users (id),
  agency_id  INTEGER NOT NULL REFERENCES agencies (id),
  role       TEXT NOT NULL,
  PRIMARY KEY (user_id, agency_id, role)
) STRICT)sql",
    R"sql(
CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  token_hash    TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  user_id       INTEGER NOT NULL REFERENCES users (id),
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  revoked_at    TEXT,
  client_ip     TEXT NOT NULL
) STRICT)sql",
    "CREATE INDEX sessions_user ON sessions (user_id)",
    R"sql(
CREATE TABLE counters (
  agency_id  INTEGER NOT NULL REFERENCES agencies (id),
  scope      TEXT NOT NULL,
  year       INTEGER NOT NULL,
  value      INTEGER NOT NULL CHECK (value >= 0),
  PRIMARY KEY (agency_id, scope, year)
) STRICT)sql",
    "ALTER TABLE applications ADD COLUMN tracking_code TEXT",
    "ALTER TABLE applications ADD COLUMN secret_hash TEXT",
    "ALTER TABLE applications ADD COLUMN pii_nonce TEXT",
    "ALTER TABLE applications ADD COLUMN pii_ciphertext TEXT",
    "ALTER TABLE applications ADD COLUMN info_form TEXT",
    "ALTER TABLE applications ADD COLUMN delivery TEXT",
    "ALTER TABLE applications ADD COLUMN idempotency_key TEXT",
    "ALTER TABLE applications ADD COLUMN form_fingerprint TEXT",
    "CREATE UNIQUE INDEX applications_tracking_code ON applications (tracking_code) "
    "WHERE tracking_code IS NOT NULL",
    "CREATE UNIQUE INDEX applications_idempotency ON applications (agency_id, idempotency_key) "
    "WHERE idempotency_key IS NOT NULL",
    "ALTER TABLE application_events ADD COLUMN client_ip TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE audit_log ADD COLUMN client_ip TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX audit_log_agency ON audit_log (agency_id, id)",
    R"sql(
CREATE TABLE notices (
  id              INTEGER PRIMARY KEY,
  agency_id       INTEGER NOT NULL REFERENCES agencies (id),
  application_id  INTEGER NOT NULL REFERENCES applications (id),
  kind            TEXT NOT NULL,
  year            INTEGER NOT NULL,
  seq             INTEGER NOT NULL CHECK (seq >= 1),
  number          TEXT NOT NULL CHECK (length(number) > 0),
  issued_on       TEXT NOT NULL CHECK (length(issued_on) = 10),
  title           TEXT NOT NULL,
  addressee       TEXT NOT NULL,
  body            TEXT NOT NULL,
  signature       TEXT NOT NULL,
  to_applicant    INTEGER NOT NULL CHECK (to_applicant IN (0, 1)),
  outcome         TEXT,
  event_seq       INTEGER NOT NULL,
  actor           TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  UNIQUE (agency_id, kind, year, seq)
) STRICT)sql",
    "CREATE INDEX notices_application ON notices (application_id, id)",
    R"sql(
CREATE TABLE attachments (
  id            INTEGER PRIMARY KEY,
  agency_id     INTEGER NOT NULL REFERENCES agencies (id),
  owner         TEXT NOT NULL CHECK (owner IN ('catalog_item', 'application')),
  owner_id      INTEGER NOT NULL,
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size          INTEGER NOT NULL CHECK (size >= 0),
  sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
  actor         TEXT NOT NULL,
  created_at    TEXT NOT NULL
) STRICT)sql",
    "CREATE INDEX attachments_owner ON attachments (agency_id, owner, owner_id)",
    R"sql(
CREATE TABLE guides (
  id             INTEGER PRIMARY KEY,
  agency_id      INTEGER NOT NULL REFERENCES agencies (id),
  version        INTEGER NOT NULL CHECK (version >= 1),
  published_on   TEXT NOT NULL CHECK (length(published_on) = 10),
  office_name    TEXT NOT NULL,
  address        TEXT NOT NULL,
  postal_code    TEXT NOT NULL,
  hours          TEXT NOT NULL,
  phone          TEXT NOT NULL,
  fax            TEXT NOT NULL,
  email          TEXT NOT NULL,
  website        TEXT NOT NULL,
  intro          TEXT NOT NULL,
  fees           TEXT NOT NULL,
  notice_prefix  TEXT NOT NULL,
  actor          TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  UNIQUE (agency_id, version)
) STRICT)sql",
    R"sql(
CREATE TABLE guide_channels (
  guide_id   INTEGER NOT NULL REFERENCES guides (id),
  agency_id  INTEGER NOT NULL REFERENCES agencies (id),
  seq        INTEGER NOT NULL,
  channel    TEXT NOT NULL,
  accepted   INTEGER NOT NULL CHECK (accepted IN (0, 1)),
  rules      TEXT NOT NULL,
  PRIMARY KEY (guide_id, seq)
) STRICT)sql",
    R"sql(
CREATE TABLE extension_requests (
  id              INTEGER PRIMARY KEY,
  agency_id       INTEGER NOT NULL REFERENCES agencies (id),
  application_id  INTEGER NOT NULL REFERENCES applications (id),
  days            INTEGER NOT NULL CHECK (days >= 1),
  reason          TEXT NOT NULL,
  actor           TEXT NOT NULL,
  client_ip       TEXT NOT NULL,
  requested_at    TEXT NOT NULL
) STRICT)sql",
    "CREATE INDEX extension_requests_application ON extension_requests (application_id, id)",
    R"sql(
CREATE TABLE search_outbox (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  agency_id   INTEGER NOT NULL REFERENCES agencies (id),
  entity      TEXT NOT NULL,
  entity_id   INTEGER NOT NULL,
  op          TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  created_at  TEXT NOT NULL
) STRICT)sql",
};

// 4: indexes for listings that a large deployment reads on every page view.
constexpr std::string_view kMigration0004[] = {
    // The home page's latest items across all agencies (ORDER BY published_on DESC, id DESC):
    // a backward range scan instead of sorting the whole table (the rowid is in every index).
    "CREATE INDEX catalog_items_latest ON catalog_items (published_on)",
};

constexpr Migration kMigrations[] = {
    {1, "init", kMigration0001},
    {2, "external_reports", kMigration0002},
    {3, "console", kMigration0003},
    {4, "listing_indexes", kMigration0004},
};

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

}  // namespace gongkai::store::sqlite
