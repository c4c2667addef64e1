// Opening a PostgreSQL database (the scale-out backend, DESIGN.md).
#pragma once

#include <memory>
#include <string>

#include "core/repository.h"

namespace gongkai::store {

struct PostgresTarget {
  std::string connect_string;  // libpq keyword/value form, as SOCI passes it on
  std::string display;  // "PostgreSQL 数据库 gongkai@127.0.0.1:5432/gongkai" (no password)
};

// Parses "postgresql://[user[:password]@][host][:port][/dbname][?key=value&…]" (also
// "postgres://"), percent-decoding each part; query parameters (sslmode, host=/socket/dir,
// connect_timeout …) pass through to libpq. connect_timeout defaults to 10 s; client_encoding
// is always UTF8. Errors: kStorage for a malformed URL, or a value containing spaces or quotes
// (not supported by the driver).
Result<PostgresTarget> ParsePostgresUrl(const std::string& url);

// Connects to the database named by `url` and applies pending migrations. Errors: kStorage
// naming the database — cannot connect (with the server's reason), schema newer than this
// program, or another database error.
Result<std::unique_ptr<Repository>> OpenPostgresRepository(const std::string& url);

}  // namespace gongkai::store
