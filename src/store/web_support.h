// Helpers shared by the adapters of the web platform's records (accounts.cc, cases.cc,
// catalog_write.cc, guides.cc): timestamps as text, the never-reused counters, audit rows with
// the client address, search outbox rows, and the exception boundary.
#pragma once

#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/audit.h"
#include "core/status.h"
#include "core/timestamp.h"
#include "store/connection.h"

namespace gongkai::store {

// A stored value this program cannot read (thrown by readers, turned back into its Status at
// the boundary).
class DecodeError : public std::runtime_error {
 public:
  explicit DecodeError(Status status)
      : std::runtime_error(status.message()), status_(std::move(status)) {}
  const Status& status() const { return status_; }

 private:
  Status status_;
};

// Unwraps a Result read from a column or throws DecodeError.
template <typename T>
T Must(Result<T> r) {
  if (!r.ok()) throw DecodeError(r.status());
  return std::move(r).value();
}

// Reads a stored timestamp (ISO 8601 UTC); throws DecodeError naming the column.
Timestamp TimestampColumn(const std::string& text, std::string_view column);
// Reads a stored date; throws DecodeError naming the column.
Date DateColumn(const std::string& text, std::string_view column);

// The next value of the counter (agency, scope, year): 1 for a new counter. Inside the caller's
// write transaction, so a rolled-back change returns its number — a committed one never comes
// back. Throws soci::soci_error.
long long NextCounter(Connection& conn, long long agency_id, const std::string& scope, int year);

// Appends the audit row (with its client address). Throws soci::soci_error.
void AppendAuditRow(Connection& conn, const AuditRecord& record);

// Appends a search_outbox row for catalog item `item_id`; `op` is "upsert" or "delete".
void AppendCatalogOutbox(Connection& conn, long long agency_id, long long item_id,
                         std::string_view op, Timestamp at);

// Runs `body` and turns any exception into a Status: DecodeError into its own, others through
// TranslateError.
template <typename F>
auto Guarded(Connection& conn, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const DecodeError& e) {
    return e.status();
  } catch (const std::exception& e) {
    return TranslateError(conn, e);
  }
}

}  // namespace gongkai::store
