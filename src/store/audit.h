// The audit log (audit_log): append-only rows saying who did what, when, from where. Written
// inside the transaction of the change it records, so it commits or rolls back with it.
#pragma once

#include <optional>
#include <string>

#include "store/connection.h"

namespace gongkai::store {

struct AuditEntry {
  std::string actor;                   // login, "import", or "unknown" when the caller did not say
  std::string action;                  // "import", "save_manual_figure", "save_narrative"
  std::optional<long long> agency_id;  // when the change concerns one agency
  std::string source;                  // where the data came from (file path, system), may be empty
  std::string detail;                  // a one-line summary in Chinese
};

// Appends `entry` stamped with the current UTC time. Throws soci::soci_error.
void AppendAudit(Connection& conn, const AuditEntry& entry);

}  // namespace gongkai::store
