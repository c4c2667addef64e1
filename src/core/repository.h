// Repository: the core's only door to storage (STYLE.md §1, §8). Implemented by store/ on
// SQLite and PostgreSQL with the same behaviour; every method is one transaction.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/account.h"
#include "core/audit.h"
#include "core/case_file.h"
#include "core/catalog/attachment.h"
#include "core/catalog_query.h"
#include "core/guide.h"
#include "core/external_report.h"
#include "core/records.h"
#include "core/status.h"

namespace gongkai {

struct ImportSummary {
  int agencies = 0;
  int catalog_items = 0;
  int applications = 0;
  int events = 0;
  int reviews = 0;
  int lawsuits = 0;
  int other_records = 0;
};

class Repository {
 public:
  virtual ~Repository() = default;

  // Stores every record of `dataset` in one transaction: all or nothing. Agencies are matched
  // by slug (inserted or updated); records are inserted. Errors: kConflict for a duplicate key
  // (e.g. an application number already stored for that agency), kNotFound for a reference to
  // an unknown agency / application / review / hot topic, kStorage for database failures. On
  // error the database is unchanged.
  virtual Result<ImportSummary> Import(const Dataset& dataset) = 0;

  virtual Result<std::vector<Agency>> ListAgencies() = 0;
  // kNotFound "未找到机关 \"slug\"" if absent.
  virtual Result<Agency> FindAgency(std::string_view slug) = 0;

  // The records one report needs (see YearRecords for the selection rules).
  virtual Result<YearRecords> LoadYear(int64_t agency_id, int year) = 0;

  // Years in which the agency has a dated record: an application received, an item published,
  // a case filed, a meeting held, staffing, manual figures or narrative entered (for "unknown
  // year" errors and listings). The issue date of a normative document does not count: it is
  // history, not activity of that year.
  virtual Result<std::vector<int>> YearsWithRecords(int64_t agency_id) = 0;

  // Stores `figure` as the manual figure of (agency_id, year, format_id, cell_id), replacing
  // the value, entered_by, entered_at and source of one already stored (upsert; figure.id is
  // ignored), and appends an audit entry. An empty entered_at is set to the current time.
  // Errors: kNotFound if the agency does not exist, kInvalidInput for an empty format_id or
  // cell_id, kStorage for database failures. Adapters that cannot store return kUnsupported.
  virtual Status SaveManualFigure(const ManualFigure& figure) {
    return Unsupported("此存储不支持保存手工填报数");
  }
  // Stores `section` as the narrative of (agency_id, year, format_id, section_id), replacing
  // the body of one already stored (upsert), and appends an audit entry. Errors as above.
  virtual Status SaveNarrative(const NarrativeSection& section) {
    return Unsupported("此存储不支持保存年报正文");
  }

  // --- Annual reports: those published outside gongkai and imported (`gongkai import`), and
  // those gongkai itself published. An import never overwrites a published report.

  // Stores `report` as the external report of (agency_id, year), replacing an earlier import of
  // the same agency-year (report.id is ignored), and appends an audit entry. An empty
  // imported_at is set to the current time. Errors: kConflict "…已发布…" when gongkai published
  // a report of that agency and year; kNotFound if the agency does not exist; kInvalidInput for
  // an empty format_id or a source_sha256 that is not 64 hex digits; kStorage for database
  // failures.
  virtual Status SaveExternalReport(const ExternalReport& report) {
    return Unsupported("此存储不支持保存外部年报");
  }
  // The external report of (agency_id, year), or nullopt if none was imported.
  virtual Result<std::optional<ExternalReport>> FindExternalReport(int64_t agency_id, int year) {
    return Unsupported("此存储不支持外部年报");
  }
  // Stores `report` as gongkai's published report of (agency_id, year) (id ignored; an empty
  // published_at is set to the current time) and appends an audit entry. A published report is
  // final: kConflict if one is already published for that agency-year. kNotFound for an unknown
  // agency, kInvalidInput for an empty format_id.
  virtual Status PublishReport(const PublishedReport& report) {
    return Unsupported("此存储不支持发布年报");
  }
  // gongkai's published report of (agency_id, year), or nullopt.
  virtual Result<std::optional<PublishedReport>> FindPublishedReport(int64_t agency_id, int year) {
    return Unsupported("此存储不支持发布年报");
  }

  // --- The catalog as the public portal reads it (core/catalog_query.h). Read-only; the same
  // results on both backends. Adapters that cannot read it return kUnsupported.

  // One page of the items of `agency_id` matching `filter`, newest 公开日期 first (then the
  // newest id), with the total count. Errors: kInvalidInput for page.number < 1 or page.size
  // outside 1…50,000; kStorage for database failures. An unknown agency gives an empty page.
  virtual Result<CatalogPage> ListCatalogItems(int64_t agency_id, const CatalogFilter& filter,
                                               PageRequest page) {
    return Unsupported("此存储不支持查询目录");
  }
  // The number of items ListCatalogItems would page through.
  virtual Result<int64_t> CountCatalogItems(int64_t agency_id, const CatalogFilter& filter) {
    return Unsupported("此存储不支持查询目录");
  }
  // The item of `agency_id` with this 索引号 (or id), complete with body and channels, whatever
  // its state (draft, withdrawn): callers decide what the public may see (IsPublicOn).
  // kNotFound "未找到索引号为 … 的目录条目" if absent (an empty index_no is never found).
  virtual Result<CatalogItem> FindCatalogItemByIndexNo(int64_t agency_id,
                                                       std::string_view index_no) {
    return Unsupported("此存储不支持查询目录");
  }
  virtual Result<CatalogItem> FindCatalogItem(int64_t agency_id, int64_t id) {
    return Unsupported("此存储不支持查询目录");
  }
  // The `limit` items public on `as_of` across all agencies, newest 公开日期 first (listing rows
  // as in CatalogPage). kInvalidInput for limit outside 1…1,000.
  virtual Result<std::vector<CatalogItem>> LatestCatalogItems(Date as_of, int limit) {
    return Unsupported("此存储不支持查询目录");
  }
  // The filter values of the agency's items public on `as_of`, with counts.
  virtual Result<CatalogFacets> ListCatalogFacets(int64_t agency_id, Date as_of) {
    return Unsupported("此存储不支持查询目录");
  }
  // Every item of `agency_id` whatever its state (drafts, published, withdrawn, to be published
  // later) — the editors' view of the console — newest id first, as listing rows (no body, no
  // channels), with the total count. Errors as ListCatalogItems (page number < 1, size outside
  // 1…50,000: kInvalidInput). An unknown agency gives an empty page.
  virtual Result<CatalogPage> ListAllCatalogItems(int64_t agency_id, PageRequest page) {
    return Unsupported("此存储不支持查询目录");
  }

  // --- The web platform's records (issue 3): accounts, sessions, online and registered
  // applications with their events and notices, catalog publishing, attachments, guides, the
  // audit log. Implemented in store/accounts.cc, cases.cc, catalog_write.cc, guides.cc. Every
  // method is one transaction; every change writes its AuditRecord in it. Records of an agency
  // are always looked up by id AND agency: another agency's id is kNotFound, as a missing one.
  // Adapters that cannot store them return kUnsupported.

  // The agency with this id; kNotFound "未找到机关（编号 N）".
  virtual Result<Agency> FindAgencyById(int64_t id) { return Unsupported("此存储不支持账户"); }

  // Stores a new user with its grants (user.id, login_state ignored). kConflict "登录名 … 已存在"
  // for a taken login, kNotFound for a grant on an unknown agency.
  virtual Result<int64_t> CreateUser(const User& user, const AuditRecord& audit) {
    return Unsupported("此存储不支持账户");
  }
  // kNotFound "未找到用户 …" if absent.
  virtual Result<User> FindUserByLogin(std::string_view login) {
    return Unsupported("此存储不支持账户");
  }
  virtual Result<User> FindUserById(int64_t id) { return Unsupported("此存储不支持账户"); }
  // Replaces the failed-login bookkeeping of the user.
  virtual Status SaveLoginState(int64_t user_id, const LoginState& state) {
    return Unsupported("此存储不支持账户");
  }
  // Stores a session (id ignored); kConflict if the token hash exists.
  virtual Result<int64_t> CreateSession(const SessionRecord& session) {
    return Unsupported("此存储不支持账户");
  }
  // kNotFound if no session has this token hash (revoked and expired ones are returned).
  virtual Result<SessionRecord> FindSession(std::string_view token_hash) {
    return Unsupported("此存储不支持账户");
  }
  virtual Status TouchSession(int64_t session_id, Timestamp at) {
    return Unsupported("此存储不支持账户");
  }
  virtual Status RevokeSession(int64_t session_id, Timestamp at) {
    return Unsupported("此存储不支持账户");
  }

  // Appends one audit row (for events with no other change: logins, failed logins, logouts).
  virtual Status AppendAuditRecord(const AuditRecord& record) {
    return Unsupported("此存储不支持审计日志");
  }
  // Audit rows, newest first: of one agency (or all when agency_id is empty), with id below
  // `before_id` (0 = from the newest), at most `limit` (1…1000; kInvalidInput otherwise).
  virtual Result<std::vector<AuditRecord>> ListAuditRecords(std::optional<int64_t> agency_id,
                                                            int64_t before_id, int limit) {
    return Unsupported("此存储不支持审计日志");
  }

  // Creates an application (see NewApplication): allocates its number if empty, stores the
  // notice the callback returns, writes the audit row. If `idempotency_key` was already used by
  // the agency, changes nothing and returns that application with created = false — unless its
  // form_fingerprint differs: kConflict "重复提交的内容与首次提交不一致". kConflict also for a
  // taken number or tracking code; kNotFound for an unknown agency.
  virtual Result<CreatedApplication> CreateApplication(const NewApplication& request) {
    return Unsupported("此存储不支持在线申请");
  }
  // The application `id` of `agency_id` with events, notices and attachments; kNotFound
  // "未找到申请（编号 N）" if absent or of another agency.
  virtual Result<CaseFile> LoadCase(int64_t agency_id, int64_t id) {
    return Unsupported("此存储不支持在线申请");
  }
  // The application with this tracking code; kNotFound if none.
  virtual Result<CaseFile> FindCaseByTrackingCode(std::string_view tracking_code) {
    return Unsupported("此存储不支持在线申请");
  }
  // Appends the event as number expected_events + 1, with the notice (numbered here), a fees
  // row for fee_paid (信息处理费 collected, counted by the annual report), and the audit row.
  // kConflict "申请已被他人更新…" if the application has another number of events by now;
  // kNotFound as LoadCase.
  virtual Result<AppendedEvent> AppendApplicationEvent(const EventAppend& request) {
    return Unsupported("此存储不支持办理申请");
  }
  // Stores a request to extend (id ignored) and its audit row; kNotFound as LoadCase.
  virtual Result<int64_t> AddExtensionRequest(const ExtensionRequest& request,
                                              const AuditRecord& audit) {
    return Unsupported("此存储不支持办理申请");
  }
  // The open applications (no closing event) of the agencies, with events, oldest receipt
  // first. Applicant data is not loaded.
  virtual Result<std::vector<Application>> ListOpenApplications(
      const std::vector<int64_t>& agency_ids) {
    return Unsupported("此存储不支持办理申请");
  }

  // Stores a new catalog item as a draft: index_no, published_on, withdrawn_on and channels
  // are ignored (they come with publishing). Returns its id.
  virtual Result<int64_t> CreateCatalogItem(const CatalogItem& draft, const AuditRecord& audit) {
    return Unsupported("此存储不支持目录发布");
  }
  // Replaces the editable fields of item (item.agency_id, item.id): title, doc_no, publisher,
  // created_on, topic, genre, summary, body, article20_item, normative. index_no and the dates
  // of publishing stay. A published item gets a search_outbox upsert. kNotFound as LoadCase;
  // kConflict for a withdrawn item.
  virtual Status UpdateCatalogItem(const CatalogItem& item, const AuditRecord& audit) {
    return Unsupported("此存储不支持目录发布");
  }
  // Publishes a draft on `on` through `channels`: allocates its 索引号
  // FormatIndexNumber(agency org_code, year of `on`, next serial) from the agency's counter —
  // skipping numbers already taken by imported items, never reusing one — and writes a
  // search_outbox upsert. Returns the item as stored. kConflict if already published or
  // withdrawn; kInvalidInput if the agency has no org_code.
  virtual Result<CatalogItem> PublishCatalogItem(int64_t agency_id, int64_t id, Date on,
                                                 const std::vector<ChannelPublication>& channels,
                                                 const AuditRecord& audit) {
    return Unsupported("此存储不支持目录发布");
  }
  // Withdraws a published item on `on` (its 索引号 stays taken) and writes a search_outbox
  // delete. kConflict if not published or already withdrawn.
  virtual Status WithdrawCatalogItem(int64_t agency_id, int64_t id, Date on,
                                     const AuditRecord& audit) {
    return Unsupported("此存储不支持目录发布");
  }

  // Stores attachment metadata (id ignored) after the owner was checked to belong to
  // attachment.agency_id (kNotFound otherwise). An attachment of a published catalog item
  // writes a search_outbox upsert of the item.
  virtual Result<int64_t> AddAttachment(const Attachment& attachment, const AuditRecord& audit) {
    return Unsupported("此存储不支持附件");
  }
  virtual Result<std::vector<Attachment>> ListAttachments(int64_t agency_id,
                                                          AttachmentOwner owner,
                                                          int64_t owner_id) {
    return Unsupported("此存储不支持附件");
  }
  // kNotFound "未找到附件（编号 N）" if absent or of another agency.
  virtual Result<Attachment> FindAttachment(int64_t agency_id, int64_t id) {
    return Unsupported("此存储不支持附件");
  }

  // Stores `guide` as the agency's next version (guide.version and id are assigned). Returns it.
  virtual Result<Guide> PublishGuide(const Guide& guide, const AuditRecord& audit) {
    return Unsupported("此存储不支持指南");
  }
  // Every version of the agency's guide, newest first (empty if none).
  virtual Result<std::vector<Guide>> ListGuides(int64_t agency_id) {
    return Unsupported("此存储不支持指南");
  }
};

// Opens the database named by `url`: a file path or "sqlite:PATH" for SQLite (created with its
// directory if absent), "postgresql://…" for PostgreSQL. Applies pending migrations. Errors:
// kStorage with the reason (locked, not a database, cannot connect, newer schema than this
// program).
Result<std::unique_ptr<Repository>> OpenRepository(const std::string& url);

// Memory each SQLite connection opened from now on (OpenRepository, OpenSearchFeed) may use:
// its page cache in KiB, and how much of the file it maps in bytes (mapped pages count in the
// process's resident set). The defaults — read through a map instead of read() copies, and a
// cache big enough for one agency-year, so LoadYear is bound by SQLite, not by the kernel —
// suit one-shot commands such as computing a report. `gongkai serve`, with one connection per
// worker thread, sets small values so its resident set stays bounded on a large database
// (bench/README.md). Thread-safe; values < 0 are taken as 0. No effect on PostgreSQL.
// Defined in store/sqlite/sqlite_store.cc.
struct SqliteMemory {
  int64_t cache_kib = 65536;
  int64_t mmap_bytes = 268435456;
};
void SetSqliteMemory(SqliteMemory memory);
SqliteMemory GetSqliteMemory();

}  // namespace gongkai
