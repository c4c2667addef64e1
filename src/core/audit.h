// AuditRecord: one row of the append-only audit log (who, when, what, from where). Written by
// the store in the same transaction as the change it records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/timestamp.h"

namespace gongkai {

struct AuditRecord {
  int64_t id = 0;                    // assigned by the store
  Timestamp recorded_at;             // the use case's `now`
  std::string actor;                 // login, "public", "import", "cli"
  std::string action;                // e.g. "login", "application.submit", "catalog.publish"
  std::optional<int64_t> agency_id;  // when the change concerns one agency
  std::string client_ip;             // "from where"; empty for the CLI
  std::string detail;                // a one-line summary in Chinese, never personal data
};

}  // namespace gongkai
