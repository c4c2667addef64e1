// Opening the embedded SQLite database (DESIGN.md: one file under var/, WAL, foreign keys on).
#pragma once

#include <memory>
#include <string>

#include "core/repository.h"

namespace gongkai::store {

// Opens (creating it and its directory if absent) the SQLite database file at `path`, with WAL
// journaling, foreign keys enforced and a busy timeout of 3 s, and applies pending migrations.
// Errors: kStorage naming the file — locked by another process, not a database / corrupt,
// cannot be created or opened, schema newer than this program.
Result<std::unique_ptr<Repository>> OpenSqliteRepository(const std::string& path);

}  // namespace gongkai::store
