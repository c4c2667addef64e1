// An open database session plus what the adapter needs to know about its backend. Internal to
// store/: the SQL dialect differences between SQLite and PostgreSQL are confined to the few
// functions declared here and to the two migration lists.
#pragma once

#include <soci/soci.h>

#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gongkai::store {

enum class Backend { kSqlite, kPostgres };

struct Connection {
  Backend backend = Backend::kSqlite;
  // How messages name the database: "数据库文件 var/x.db" or "PostgreSQL 数据库 host:port/db".
  std::string display;
  soci::session sql;
};

// Turns an exception thrown by SOCI (or anything else below the adapter boundary) into a
// Status with a one-line Chinese message naming the database: kStorage for locked / corrupt /
// unreachable / read-only / full; for a violated constraint kConflict (unique), kNotFound
// (foreign key) or kInvalidInput (CHECK, NOT NULL).
Status TranslateError(const Connection& conn, const std::exception& e);

// The driver's message of `e` on one line, without SOCI's prefixes (for the end of a message).
std::string DriverMessage(const std::exception& e);

// Returns `n` fresh primary keys for `table` (one of the adapter's own table names), usable in
// explicit INSERTs inside the current write transaction. SQLite: the write transaction holds
// the database lock, so MAX(id)+1… are free. PostgreSQL: drawn from the table's identity
// sequence, so concurrent sessions never collide. Ascending.
std::vector<long long> AllocateIds(Connection& conn, std::string_view table, size_t n);

// A transaction that rolls back unless committed. A write transaction on SQLite takes the write
// lock at once (BEGIN IMMEDIATE) so the busy timeout applies to it, not to a later upgrade. A
// read transaction on PostgreSQL is REPEATABLE READ, so all its queries see one snapshot (as a
// SQLite read transaction does).
class Transaction {
 public:
  enum class Mode { kRead, kWrite };
  // Throws soci::soci_error if BEGIN fails.
  Transaction(Connection& conn, Mode mode);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Throws soci::soci_error if COMMIT fails (the transaction is then rolled back).
  void Commit();

 private:
  Connection& conn_;
  bool open_ = true;
};

// The current UTC time as ISO 8601 ("2024-05-01T08:30:00Z"), for audit rows and for manual
// figures entered without a timestamp. The adapter, not the core, reads the clock.
std::string NowIso8601();

}  // namespace gongkai::store
