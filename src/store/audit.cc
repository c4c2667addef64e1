#include "store/audit.h"

#include "store/queries.h"

namespace gongkai::store {

void AppendAudit(Connection& conn, const AuditEntry& entry) {
  std::string recorded_at = NowIso8601();
  std::string actor = entry.actor.empty() ? "unknown" : entry.actor;
  std::string action = entry.action, source = entry.source, detail = entry.detail;
  long long agency_id = entry.agency_id.value_or(0);
  soci::indicator agency_ind = entry.agency_id ? soci::i_ok : soci::i_null;
  conn.sql << kInsertAudit, soci::use(recorded_at, "recorded_at"), soci::use(actor, "actor"),
      soci::use(action, "action"), soci::use(agency_id, agency_ind, "agency_id"),
      soci::use(source, "source"), soci::use(detail, "detail");
}

}  // namespace gongkai::store
