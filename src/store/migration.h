// Numbered, append-only schema migrations (STYLE.md §8). Each backend has its own list
// (sqlite/migrations.cc, postgres/migrations.cc) describing the same logical schema; a
// migration, once released, is never edited — a change is a new migration with the next number.
#pragma once

#include <span>
#include <string_view>

#include "core/status.h"
#include "store/connection.h"

namespace gongkai::store {

struct Migration {
  int version = 0;        // 1, 2, 3 … without gaps
  std::string_view name;  // e.g. "init"
  // Executed in order; one SQL statement each (SQLite prepares one statement at a time).
  std::span<const std::string_view> statements;
};

// Brings the schema of `conn` up to the last migration of its backend, in one transaction,
// recording each applied migration in `schema_migrations`. Does nothing (and takes no write
// lock) when the schema is current. Errors: kStorage if the database records a version newer
// than this program knows ("…比本程序支持的版本新"), or the database error (locked, corrupt …).
Status ApplyMigrations(Connection& conn);

// The newest schema version of `backend`.
int LatestSchemaVersion(Backend backend);

}  // namespace gongkai::store
