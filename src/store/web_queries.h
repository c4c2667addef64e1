// The SQL of the web platform's records (issue 3, migration 3): accounts, sessions, counters,
// applications created online or at the counter, events, notices, attachments, catalog
// publishing, guides, the audit log and the search outbox. Same rules as store/queries.h: one
// text for both backends, SOCI ":name" placeholders, ISO text for dates and timestamps.
#pragma once

namespace gongkai::store {

// --- Accounts and sessions -----------------------------------------------------------------

inline constexpr char kInsertUser[] =
    "INSERT INTO users (id, login, display_name, password_hash, disabled, failed_count, "
    "first_failed_at, locked_until, created_at) VALUES (:id, :login, :display_name, "
    ":password_hash, :disabled, 0, NULL, NULL, :created_at)";
inline constexpr char kInsertUserRole[] =
    "INSERT INTO user_roles (user_id, agency_id, role) VALUES (:user_id, :agency_id, :role)";
inline constexpr char kCountUserLogin[] = "SELECT COUNT(*) FROM users WHERE login = :login";
#define GONGKAI_USER_COLUMNS                                                          \
  "id, login, display_name, password_hash, disabled, failed_count, first_failed_at, " \
  "locked_until, created_at "
inline constexpr char kSelectUserByLogin[] =
    "SELECT " GONGKAI_USER_COLUMNS "FROM users WHERE login = :login";
inline constexpr char kSelectUserById[] =
    "SELECT " GONGKAI_USER_COLUMNS "FROM users WHERE id = :id";
#undef GONGKAI_USER_COLUMNS
inline constexpr char kSelectUserRoles[] =
    "SELECT agency_id, role FROM user_roles WHERE user_id = :user_id ORDER BY agency_id, role";
inline constexpr char kUpdateLoginState[] =
    "UPDATE users SET failed_count = :failed_count, first_failed_at = :first_failed_at, "
    "locked_until = :locked_until WHERE id = :id";

inline constexpr char kInsertSession[] =
    "INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, "
    "revoked_at, client_ip) VALUES (:id, :token_hash, :user_id, :created_at, :last_seen_at, "
    ":expires_at, NULL, :client_ip)";
inline constexpr char kSelectSessionByHash[] =
    "SELECT id, token_hash, user_id, created_at, last_seen_at, expires_at, revoked_at, client_ip "
    "FROM sessions WHERE token_hash = :token_hash";
inline constexpr char kTouchSession[] = "UPDATE sessions SET last_seen_at = :at WHERE id = :id";
inline constexpr char kRevokeSession[] =
    "UPDATE sessions SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL";

// --- Audit log and search outbox -------------------------------------------------------------

inline constexpr char kInsertAuditWithIp[] =
    "INSERT INTO audit_log (recorded_at, actor, action, agency_id, source, detail, client_ip) "
    "VALUES (:recorded_at, :actor, :action, :agency_id, :source, :detail, :client_ip)";
inline constexpr char kSelectAuditOfAgency[] =
    "SELECT id, recorded_at, actor, action, agency_id, client_ip, detail FROM audit_log "
    "WHERE agency_id = :agency_id AND id < :before_id ORDER BY id DESC";
inline constexpr char kSelectAuditAll[] =
    "SELECT id, recorded_at, actor, action, agency_id, client_ip, detail FROM audit_log "
    "WHERE id < :before_id ORDER BY id DESC";
inline constexpr char kInsertOutbox[] =
    "INSERT INTO search_outbox (agency_id, entity, entity_id, op, created_at) "
    "VALUES (:agency_id, :entity, :entity_id, :op, :created_at)";

// --- Counters: the next value of (agency, scope, year), never handed out twice ---------------

inline constexpr char kBumpCounter[] =
    "INSERT INTO counters (agency_id, scope, year, value) VALUES (:agency_id, :scope, :year, 1) "
    "ON CONFLICT (agency_id, scope, year) DO UPDATE SET value = counters.value + 1";
inline constexpr char kSelectCounter[] =
    "SELECT value FROM counters WHERE agency_id = :agency_id AND scope = :scope AND year = :year";

// --- Applications ----------------------------------------------------------------------------

inline constexpr char kInsertWebApplication[] =
    "INSERT INTO applications (id, agency_id, number, channel, received_on, confirmed_on, "
    "applicant_type, applicant_name, content, rules_override, tracking_code, secret_hash, "
    "pii_nonce, pii_ciphertext, info_form, delivery, idempotency_key, form_fingerprint) VALUES "
    "(:id, :agency_id, :number, :channel, :received_on, :confirmed_on, :applicant_type, "
    ":applicant_name, :content, :rules_override, :tracking_code, :secret_hash, :pii_nonce, "
    ":pii_ciphertext, :info_form, :delivery, :idempotency_key, :form_fingerprint)";
inline constexpr char kCountApplicationNumber[] =
    "SELECT COUNT(*) FROM applications WHERE agency_id = :agency_id AND number = :number";
inline constexpr char kCountTrackingCode[] =
    "SELECT COUNT(*) FROM applications WHERE tracking_code = :tracking_code";
inline constexpr char kSelectApplicationByIdempotency[] =
    "SELECT id, form_fingerprint FROM applications WHERE agency_id = :agency_id "
    "AND idempotency_key = :idempotency_key";
#define GONGKAI_CASE_COLUMNS                                                         \
  "id, agency_id, number, channel, received_on, confirmed_on, applicant_type, "      \
  "applicant_name, content, rules_override, tracking_code, secret_hash, pii_nonce, " \
  "pii_ciphertext, info_form, delivery "
inline constexpr char kSelectCase[] =
    "SELECT " GONGKAI_CASE_COLUMNS "FROM applications WHERE id = :id AND agency_id = :agency_id";
inline constexpr char kSelectCaseByTrackingCode[] =
    "SELECT " GONGKAI_CASE_COLUMNS "FROM applications WHERE tracking_code = :tracking_code";
#undef GONGKAI_CASE_COLUMNS
inline constexpr char kSelectEventsOfApplication[] =
    "SELECT kind, on_date, outcome, extension_days, party, fee_fen, note, actor, client_ip "
    "FROM application_events WHERE application_id = :application_id ORDER BY seq";
inline constexpr char kCountEventsOfApplication[] =
    "SELECT COUNT(*) FROM application_events WHERE application_id = :application_id";
inline constexpr char kInsertEventWithIp[] =
    "INSERT INTO application_events (agency_id, application_id, seq, kind, on_date, outcome, "
    "extension_days, party, fee_fen, note, actor, client_ip) VALUES (:agency_id, "
    ":application_id, :seq, :kind, :on_date, :outcome, :extension_days, :party, :fee_fen, "
    ":note, :actor, :client_ip)";
inline constexpr char kInsertFeeOfApplication[] =
    "INSERT INTO fees (agency_id, on_date, amount_fen, application_id) "
    "VALUES (:agency_id, :on_date, :amount_fen, :application_id)";
// Open = no closing event (as application/state.h ClosingOf); the agency list is spliced in
// as literal integers by the adapter (ids, never user text).
inline constexpr char kSelectOpenApplicationsPrefix[] =
    "SELECT a.id, a.agency_id, a.number, a.channel, a.received_on, a.confirmed_on, "
    "a.applicant_type, a.content, a.rules_override FROM applications a WHERE NOT EXISTS "
    "(SELECT 1 FROM application_events c WHERE c.application_id = a.id AND c.kind IN "
    "('answered', 'correction_lapsed', 'fee_lapsed', 'withdrawn')) AND a.agency_id IN ";
inline constexpr char kSelectOpenEventsPrefix[] =
    "SELECT e.application_id, e.kind, e.on_date, e.outcome, e.extension_days, e.party, "
    "e.fee_fen, e.note, e.actor FROM application_events e JOIN applications a "
    "ON a.id = e.application_id WHERE NOT EXISTS (SELECT 1 FROM application_events c WHERE "
    "c.application_id = a.id AND c.kind IN ('answered', 'correction_lapsed', 'fee_lapsed', "
    "'withdrawn')) AND a.agency_id IN ";

inline constexpr char kInsertExtensionRequest[] =
    "INSERT INTO extension_requests (id, agency_id, application_id, days, reason, actor, "
    "client_ip, requested_at) VALUES (:id, :agency_id, :application_id, :days, :reason, :actor, "
    ":client_ip, :requested_at)";
inline constexpr char kSelectExtensionRequests[] =
    "SELECT id, days, reason, actor, client_ip, requested_at FROM extension_requests "
    "WHERE application_id = :application_id ORDER BY id";

// --- Notices -----------------------------------------------------------------------------------

inline constexpr char kInsertNotice[] =
    "INSERT INTO notices (id, agency_id, application_id, kind, year, seq, number, issued_on, "
    "title, addressee, body, signature, to_applicant, outcome, event_seq, actor, created_at) "
    "VALUES (:id, :agency_id, :application_id, :kind, :year, :seq, :number, :issued_on, :title, "
    ":addressee, :body, :signature, :to_applicant, :outcome, :event_seq, :actor, :created_at)";
inline constexpr char kSelectNoticesOfApplication[] =
    "SELECT id, kind, year, seq, number, issued_on, title, addressee, body, signature, "
    "to_applicant, outcome, event_seq, actor, created_at FROM notices "
    "WHERE application_id = :application_id ORDER BY id";

// --- Attachments -------------------------------------------------------------------------------

inline constexpr char kInsertAttachment[] =
    "INSERT INTO attachments (id, agency_id, owner, owner_id, file_name, content_type, size, "
    "sha256, actor, created_at) VALUES (:id, :agency_id, :owner, :owner_id, :file_name, "
    ":content_type, :size, :sha256, :actor, :created_at)";
#define GONGKAI_ATTACHMENT_COLUMNS \
  "id, agency_id, owner, owner_id, file_name, content_type, size, sha256, actor, created_at "
inline constexpr char kSelectAttachmentsOf[] =
    "SELECT " GONGKAI_ATTACHMENT_COLUMNS
    "FROM attachments WHERE agency_id = :agency_id "
    "AND owner = :owner AND owner_id = :owner_id ORDER BY id";
inline constexpr char kSelectAttachment[] =
    "SELECT " GONGKAI_ATTACHMENT_COLUMNS
    "FROM attachments WHERE id = :id AND agency_id = :agency_id";
#undef GONGKAI_ATTACHMENT_COLUMNS
inline constexpr char kCountApplicationOfAgency[] =
    "SELECT COUNT(*) FROM applications WHERE id = :id AND agency_id = :agency_id";

// --- Catalog publishing ------------------------------------------------------------------------

inline constexpr char kInsertCatalogDraft[] =
    "INSERT INTO catalog_items (id, agency_id, index_no, title, doc_no, publisher, created_on, "
    "published_on, withdrawn_on, topic, genre, summary, body, article20_item, is_normative, "
    "norm_is_rule, norm_issuing_body, norm_issued_on, norm_effective_on, norm_expired_on, "
    "norm_repealed_on) VALUES (:id, :agency_id, '', :title, :doc_no, :publisher, :created_on, "
    "NULL, NULL, :topic, :genre, :summary, :body, :article20_item, :is_normative, :norm_is_rule, "
    ":norm_issuing_body, :norm_issued_on, :norm_effective_on, :norm_expired_on, "
    ":norm_repealed_on)";
inline constexpr char kUpdateCatalogFields[] =
    "UPDATE catalog_items SET title = :title, doc_no = :doc_no, publisher = :publisher, "
    "created_on = :created_on, topic = :topic, genre = :genre, summary = :summary, "
    "body = :body, article20_item = :article20_item, is_normative = :is_normative, "
    "norm_is_rule = :norm_is_rule, norm_issuing_body = :norm_issuing_body, "
    "norm_issued_on = :norm_issued_on, norm_effective_on = :norm_effective_on, "
    "norm_expired_on = :norm_expired_on, norm_repealed_on = :norm_repealed_on "
    "WHERE id = :id AND agency_id = :agency_id";
inline constexpr char kSelectCatalogState[] =
    "SELECT index_no, created_on, published_on, withdrawn_on FROM catalog_items "
    "WHERE id = :id AND agency_id = :agency_id";
inline constexpr char kCountCatalogIndexNo[] =
    "SELECT COUNT(*) FROM catalog_items WHERE agency_id = :agency_id AND index_no = :index_no";
inline constexpr char kPublishCatalogItem[] =
    "UPDATE catalog_items SET index_no = :index_no, published_on = :published_on "
    "WHERE id = :id AND agency_id = :agency_id";
inline constexpr char kWithdrawCatalogItem[] =
    "UPDATE catalog_items SET withdrawn_on = :withdrawn_on WHERE id = :id AND agency_id = "
    ":agency_id";
inline constexpr char kDeletePublications[] =
    "DELETE FROM catalog_publications WHERE catalog_item_id = :catalog_item_id";
inline constexpr char kInsertPublication[] =
    "INSERT INTO catalog_publications (agency_id, catalog_item_id, seq, channel, published_on) "
    "VALUES (:agency_id, :catalog_item_id, :seq, :channel, :published_on)";
inline constexpr char kSelectCatalogItemFull[] =
    "SELECT id, index_no, title, doc_no, publisher, created_on, published_on, withdrawn_on, "
    "topic, genre, summary, body, article20_item, is_normative, norm_is_rule, "
    "norm_issuing_body, norm_issued_on, norm_effective_on, norm_expired_on, norm_repealed_on "
    "FROM catalog_items WHERE id = :id AND agency_id = :agency_id";
inline constexpr char kSelectPublicationsOfItem[] =
    "SELECT channel, published_on FROM catalog_publications WHERE catalog_item_id = :id "
    "ORDER BY seq";
inline constexpr char kSelectAgencyOrgCode[] = "SELECT org_code FROM agencies WHERE id = :id";

// --- Guides ------------------------------------------------------------------------------------

inline constexpr char kSelectMaxGuideVersion[] =
    "SELECT COALESCE(MAX(version), 0) FROM guides WHERE agency_id = :agency_id";
inline constexpr char kInsertGuide[] =
    "INSERT INTO guides (id, agency_id, version, published_on, office_name, address, "
    "postal_code, hours, phone, fax, email, website, intro, fees, notice_prefix, actor, "
    "created_at) VALUES (:id, :agency_id, :version, :published_on, :office_name, :address, "
    ":postal_code, :hours, :phone, :fax, :email, :website, :intro, :fees, :notice_prefix, "
    ":actor, :created_at)";
inline constexpr char kInsertGuideChannel[] =
    "INSERT INTO guide_channels (guide_id, agency_id, seq, channel, accepted, rules) "
    "VALUES (:guide_id, :agency_id, :seq, :channel, :accepted, :rules)";
inline constexpr char kSelectGuides[] =
    "SELECT id, version, published_on, office_name, address, postal_code, hours, phone, fax, "
    "email, website, intro, fees, notice_prefix, actor, created_at FROM guides "
    "WHERE agency_id = :agency_id ORDER BY version DESC";
inline constexpr char kSelectGuideChannels[] =
    "SELECT guide_id, channel, accepted, rules FROM guide_channels WHERE agency_id = :agency_id "
    "ORDER BY guide_id, seq";

}  // namespace gongkai::store
