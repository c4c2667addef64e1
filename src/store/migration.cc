#include "store/migration.h"

#include <string>

#include "store/postgres/migrations.h"
#include "store/queries.h"
#include "store/sqlite/migrations.h"

namespace gongkai::store {
namespace {

std::span<const Migration> MigrationsOf(Backend backend) {
  return backend == Backend::kSqlite ? sqlite::Migrations() : postgres::Migrations();
}

// The recorded schema version; 0 for a database without schema_migrations.
int RecordedVersion(Connection& conn) {
  long long has_table = 0;
  conn.sql << (conn.backend == Backend::kSqlite ? kSqliteHasSchemaMigrations
                                                : kPostgresHasSchemaMigrations),
      soci::into(has_table);
  if (has_table == 0) return 0;
  int version = 0;
  conn.sql << kSelectSchemaVersion, soci::into(version);
  return version;
}

Status NewerSchema(const Connection& conn, int recorded, int latest) {
  return StorageError(conn.display + " 的结构版本（" + std::to_string(recorded) +
                      "）比本程序支持的版本（" + std::to_string(latest) +
                      "）新，请使用更新版本的 gongkai");
}

}  // namespace

int LatestSchemaVersion(Backend backend) {
  std::span<const Migration> all = MigrationsOf(backend);
  return all.empty() ? 0 : all.back().version;
}

Status ApplyMigrations(Connection& conn) {
  const std::span<const Migration> all = MigrationsOf(conn.backend);
  const int latest = LatestSchemaVersion(conn.backend);

  // Fast path, read only: an up-to-date database needs no write lock to open.
  int recorded = RecordedVersion(conn);
  if (recorded > latest) return NewerSchema(conn, recorded, latest);
  if (recorded == latest) return Status::Ok();

  Transaction tx(conn, Transaction::Mode::kWrite);
  if (conn.backend == Backend::kPostgres) conn.sql << kPostgresMigrationLock;
  conn.sql << kCreateSchemaMigrations;
  // Another process may have migrated while we waited for the lock.
  recorded = RecordedVersion(conn);
  if (recorded > latest) return NewerSchema(conn, recorded, latest);
  const std::string now = NowIso8601();
  for (const Migration& m : all) {
    if (m.version <= recorded) continue;
    for (std::string_view statement : m.statements) {
      conn.sql << std::string(statement);
    }
    int version = m.version;
    std::string name(m.name);
    std::string at = now;
    conn.sql << kInsertSchemaMigration, soci::use(version), soci::use(name), soci::use(at);
  }
  tx.Commit();
  return Status::Ok();
}

}  // namespace gongkai::store
