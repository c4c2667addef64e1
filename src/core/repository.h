// Repository: the core's only door to storage (STYLE.md §1, §8). Implemented by store/ on
// SQLite and PostgreSQL with the same behaviour; every method is one transaction.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog_query.h"
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
};

// Opens the database named by `url`: a file path or "sqlite:PATH" for SQLite (created with its
// directory if absent), "postgresql://…" for PostgreSQL. Applies pending migrations. Errors:
// kStorage with the reason (locked, not a database, cannot connect, newer schema than this
// program).
Result<std::unique_ptr<Repository>> OpenRepository(const std::string& url);

}  // namespace gongkai
