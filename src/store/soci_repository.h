// The Repository of core/repository.h over one SOCI session, shared by both backends: the same
// queries (store/queries.h) and the same assembly code run on SQLite and PostgreSQL, so both
// behave identically. Not thread-safe: one repository per thread (or per request).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/repository.h"
#include "store/connection.h"

namespace gongkai::store {

class SociRepository final : public Repository {
 public:
  // Takes an open connection whose schema is already migrated.
  explicit SociRepository(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Result<ImportSummary> Import(const Dataset& dataset) override;
  Result<std::vector<Agency>> ListAgencies() override;
  Result<Agency> FindAgency(std::string_view slug) override;
  Result<YearRecords> LoadYear(int64_t agency_id, int year) override;
  Result<std::vector<int>> YearsWithRecords(int64_t agency_id) override;
  Status SaveManualFigure(const ManualFigure& figure) override;
  Status SaveNarrative(const NarrativeSection& section) override;
  Status SaveExternalReport(const ExternalReport& report) override;
  Result<std::optional<ExternalReport>> FindExternalReport(int64_t agency_id, int year) override;
  Status PublishReport(const PublishedReport& report) override;
  Result<std::optional<PublishedReport>> FindPublishedReport(int64_t agency_id, int year) override;
  // The catalog as the portal reads it: store/catalog_queries.cc.
  Result<CatalogPage> ListCatalogItems(int64_t agency_id, const CatalogFilter& filter,
                                       PageRequest page) override;
  Result<int64_t> CountCatalogItems(int64_t agency_id, const CatalogFilter& filter) override;
  Result<CatalogItem> FindCatalogItemByIndexNo(int64_t agency_id,
                                               std::string_view index_no) override;
  Result<CatalogItem> FindCatalogItem(int64_t agency_id, int64_t id) override;
  Result<std::vector<CatalogItem>> LatestCatalogItems(Date as_of, int limit) override;
  Result<CatalogFacets> ListCatalogFacets(int64_t agency_id, Date as_of) override;
  Result<CatalogPage> ListAllCatalogItems(int64_t agency_id, PageRequest page) override;

  // The session, for other adapters over the same database (store/search_feed.cc).
  Connection& connection() { return *conn_; }

  // The web platform's records (migration 3): store/accounts.cc, cases.cc, catalog_write.cc,
  // guides.cc.
  Result<Agency> FindAgencyById(int64_t id) override;
  Result<int64_t> CreateUser(const User& user, const AuditRecord& audit) override;
  Result<User> FindUserByLogin(std::string_view login) override;
  Result<User> FindUserById(int64_t id) override;
  Status SaveLoginState(int64_t user_id, const LoginState& state) override;
  Result<int64_t> CreateSession(const SessionRecord& session) override;
  Result<SessionRecord> FindSession(std::string_view token_hash) override;
  Status TouchSession(int64_t session_id, Timestamp at) override;
  Status RevokeSession(int64_t session_id, Timestamp at) override;
  Status AppendAuditRecord(const AuditRecord& record) override;
  Result<std::vector<AuditRecord>> ListAuditRecords(std::optional<int64_t> agency_id,
                                                    int64_t before_id, int limit) override;
  Result<CreatedApplication> CreateApplication(const NewApplication& request) override;
  Result<CaseFile> LoadCase(int64_t agency_id, int64_t id) override;
  Result<CaseFile> FindCaseByTrackingCode(std::string_view tracking_code) override;
  Result<AppendedEvent> AppendApplicationEvent(const EventAppend& request) override;
  Result<int64_t> AddExtensionRequest(const ExtensionRequest& request,
                                      const AuditRecord& audit) override;
  Result<std::vector<Application>> ListOpenApplications(
      const std::vector<int64_t>& agency_ids) override;
  Result<int64_t> CreateCatalogItem(const CatalogItem& draft, const AuditRecord& audit) override;
  Status UpdateCatalogItem(const CatalogItem& item, const AuditRecord& audit) override;
  Result<CatalogItem> PublishCatalogItem(int64_t agency_id, int64_t id, Date on,
                                         const std::vector<ChannelPublication>& channels,
                                         const AuditRecord& audit) override;
  Status WithdrawCatalogItem(int64_t agency_id, int64_t id, Date on,
                             const AuditRecord& audit) override;
  Result<int64_t> AddAttachment(const Attachment& attachment, const AuditRecord& audit) override;
  Result<std::vector<Attachment>> ListAttachments(int64_t agency_id, AttachmentOwner owner,
                                                  int64_t owner_id) override;
  Result<Attachment> FindAttachment(int64_t agency_id, int64_t id) override;
  Result<Guide> PublishGuide(const Guide& guide, const AuditRecord& audit) override;
  Result<std::vector<Guide>> ListGuides(int64_t agency_id) override;

 private:
  // The bodies, which may throw soci::soci_error; the public methods catch and translate.
  Result<ImportSummary> DoImport(const Dataset& dataset);
  Result<YearRecords> DoLoadYear(int64_t agency_id, int year);
  Result<AppendedEvent> DoAppendApplicationEvent(const EventAppend& request);

  std::unique_ptr<Connection> conn_;
};

// Reads one agency row by id; kNotFound "未找到机关（编号 N）" if absent. May throw.
Result<Agency> LoadAgencyById(Connection& conn, long long id);

}  // namespace gongkai::store
