// Annual reports published outside gongkai (imported) and by gongkai (published): the
// SociRepository methods of core/repository.h. An import never replaces a published report;
// both writes lock the agency first on PostgreSQL so the check and the write agree.
#include <string>

#include "store/audit.h"
#include "store/queries.h"
#include "store/soci_repository.h"

namespace gongkai::store {
namespace {

bool IsHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// Locks the agency row (PostgreSQL) and checks it exists. May throw.
Status LockAgency(Connection& conn, long long agency_id) {
  if (conn.backend == Backend::kPostgres) {
    long long id = 0;
    soci::indicator ind = soci::i_null;
    conn.sql << kPostgresLockAgency, soci::use(agency_id, "id"), soci::into(id, ind);
    if (!conn.sql.got_data())
      return NotFound("未找到机关（编号 " + std::to_string(agency_id) + "）");
    return Status::Ok();
  }
  Result<Agency> agency = LoadAgencyById(conn, agency_id);
  return agency.ok() ? Status::Ok() : agency.status();
}

bool IsPublished(Connection& conn, long long agency_id, int year) {
  long long n = 0;
  conn.sql << kCountPublishedReport, soci::use(agency_id, "agency_id"), soci::use(year, "year"),
      soci::into(n);
  return n > 0;
}

std::string AgencyYear(long long agency_id, int year) {
  return "机关（编号 " + std::to_string(agency_id) + "）" + std::to_string(year) + " 年";
}

}  // namespace

Status SociRepository::SaveExternalReport(const ExternalReport& report) {
  try {
    if (report.format_id.empty()) return InvalidInput("外部年报的格式不能为空");
    if (!IsHex64(report.source_sha256)) {
      return InvalidInput("外部年报的源文件 SHA-256 应为 64 位小写十六进制数字（\"" +
                          report.source_sha256 + "\"）");
    }
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    long long agency_id = report.agency_id;
    int year = report.year;
    if (Status st = LockAgency(*conn_, agency_id); !st.ok()) return st;
    if (IsPublished(*conn_, agency_id, year)) {
      return Conflict(AgencyYear(agency_id, year) +
                      "的年度报告已由 gongkai 发布，不能用外部导入的报告覆盖");
    }
    std::string format_id = report.format_id, source_name = report.source_name;
    std::string sha = report.source_sha256, cells = report.cells_json;
    std::string findings = report.findings_json, by = report.imported_by;
    std::string at = report.imported_at.empty() ? NowIso8601() : report.imported_at;
    conn_->sql << kUpsertExternalReport, soci::use(agency_id, "agency_id"), soci::use(year, "year"),
        soci::use(format_id, "format_id"), soci::use(source_name, "source_name"),
        soci::use(sha, "source_sha256"), soci::use(cells, "cells_json"),
        soci::use(findings, "findings_json"), soci::use(by, "imported_by"),
        soci::use(at, "imported_at");
    AppendAudit(*conn_, {by, "import_external_report", agency_id, source_name,
                         std::to_string(year) + " 年外部年报（" + format_id + " 格式，SHA-256 " +
                             sha.substr(0, 12) + "…）"});
    tx.Commit();
    return Status::Ok();
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<std::optional<ExternalReport>> SociRepository::FindExternalReport(int64_t agency_id,
                                                                         int year) {
  try {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    ExternalReport r;
    long long id = 0, agency = 0;
    long long key_agency = agency_id;
    int key_year = year;
    conn_->sql << kSelectExternalReport, soci::use(key_agency, "agency_id"),
        soci::use(key_year, "year"), soci::into(id), soci::into(agency), soci::into(r.year),
        soci::into(r.format_id), soci::into(r.source_name), soci::into(r.source_sha256),
        soci::into(r.cells_json), soci::into(r.findings_json), soci::into(r.imported_by),
        soci::into(r.imported_at);
    const bool found = conn_->sql.got_data();
    tx.Commit();
    if (!found) return std::optional<ExternalReport>();
    r.id = id;
    r.agency_id = agency;
    return std::optional<ExternalReport>(std::move(r));
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Status SociRepository::PublishReport(const PublishedReport& report) {
  try {
    if (report.format_id.empty()) return InvalidInput("发布的年报格式不能为空");
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    long long agency_id = report.agency_id;
    int year = report.year;
    if (Status st = LockAgency(*conn_, agency_id); !st.ok()) return st;
    if (IsPublished(*conn_, agency_id, year)) {
      return Conflict(AgencyYear(agency_id, year) + "的年度报告已经发布，发布后不能再改");
    }
    std::string format_id = report.format_id, snapshot = report.snapshot_json;
    std::string at = report.published_at.empty() ? NowIso8601() : report.published_at;
    conn_->sql << kInsertPublishedReport, soci::use(agency_id, "agency_id"),
        soci::use(year, "year"), soci::use(format_id, "format_id"), soci::use(at, "published_at"),
        soci::use(snapshot, "snapshot_json");
    AppendAudit(*conn_, {"", "publish_report", agency_id, "",
                         std::to_string(year) + " 年年度报告（" + format_id + " 格式）"});
    tx.Commit();
    return Status::Ok();
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<std::optional<PublishedReport>> SociRepository::FindPublishedReport(int64_t agency_id,
                                                                           int year) {
  try {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    PublishedReport r;
    long long id = 0, agency = 0;
    long long key_agency = agency_id;
    int key_year = year;
    conn_->sql << kSelectPublishedReport, soci::use(key_agency, "agency_id"),
        soci::use(key_year, "year"), soci::into(id), soci::into(agency), soci::into(r.year),
        soci::into(r.format_id), soci::into(r.published_at), soci::into(r.snapshot_json);
    const bool found = conn_->sql.got_data();
    tx.Commit();
    if (!found) return std::optional<PublishedReport>();
    r.id = id;
    r.agency_id = agency;
    return std::optional<PublishedReport>(std::move(r));
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

}  // namespace gongkai::store
