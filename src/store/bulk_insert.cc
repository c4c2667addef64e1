#include "store/bulk_insert.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include <cassert>
#include <string_view>

namespace gongkai::store {
namespace {

constexpr size_t kCopyBufferBytes = 1 << 20;

// Appends `text` to a COPY text-format line (backslash escapes for the four special bytes).
void AppendCopyText(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

// Throws the error of `result` (consumed) or of the connection.
[[noreturn]] void ThrowPostgres(PGconn* pg, PGresult* result) {
  std::string message = PQerrorMessage(pg);
  std::string sqlstate = "XX000";
  if (result != nullptr) {
    if (const char* m = PQresultErrorMessage(result); m != nullptr && *m != '\0') message = m;
    if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE); s != nullptr) sqlstate = s;
    PQclear(result);
  }
  throw soci::postgresql_soci_error("COPY: " + message, sqlstate.c_str());
}

}  // namespace

BulkRows::BulkRows(std::initializer_list<ColumnType> columns) {
  for (ColumnType type : columns) columns_.push_back(Column{type, {}, {}, {}});
}

BulkRows::Column& BulkRows::NextColumn(ColumnType type) {
  Column& c = columns_[next_];
  next_ = next_ + 1 == columns_.size() ? 0 : next_ + 1;
  assert(c.type == type);
  (void)type;
  return c;
}

BulkRows& BulkRows::Int(long long v) {
  Column& c = NextColumn(ColumnType::kInt);
  c.ints.push_back(v);
  c.nulls.push_back(soci::i_ok);
  return *this;
}

BulkRows& BulkRows::Text(std::string v) {
  Column& c = NextColumn(ColumnType::kText);
  c.texts.push_back(std::move(v));
  c.nulls.push_back(soci::i_ok);
  return *this;
}

BulkRows& BulkRows::OptionalInt(const std::optional<long long>& v) {
  Column& c = NextColumn(ColumnType::kInt);
  c.ints.push_back(v.value_or(0));
  c.nulls.push_back(v ? soci::i_ok : soci::i_null);
  return *this;
}

BulkRows& BulkRows::OptionalText(const std::optional<std::string>& v) {
  Column& c = NextColumn(ColumnType::kText);
  c.texts.push_back(v.value_or(std::string()));
  c.nulls.push_back(v ? soci::i_ok : soci::i_null);
  return *this;
}

void InsertRows(Connection& conn, const BulkStatement& statement, BulkRows& rows) {
  const size_t n = rows.size();
  if (n == 0) return;

  if (conn.backend == Backend::kSqlite) {
    soci::statement st(conn.sql);
    for (BulkRows::Column& c : rows.columns_) {
      if (c.type == ColumnType::kInt) {
        st.exchange(soci::use(c.ints, c.nulls));
      } else {
        st.exchange(soci::use(c.texts, c.nulls));
      }
    }
    st.alloc();
    st.prepare(statement.insert);
    st.define_and_bind();
    st.execute(true);
    return;
  }

  PGconn* pg = static_cast<soci::postgresql_session_backend*>(conn.sql.get_backend())->conn_;
  PGresult* started = PQexec(pg, statement.copy);
  if (PQresultStatus(started) != PGRES_COPY_IN) ThrowPostgres(pg, started);
  PQclear(started);
  std::string buffer;
  buffer.reserve(kCopyBufferBytes + 4096);
  auto flush = [&] {
    if (PQputCopyData(pg, buffer.data(), static_cast<int>(buffer.size())) != 1) {
      ThrowPostgres(pg, nullptr);
    }
    buffer.clear();
  };
  for (size_t row = 0; row < n; ++row) {
    for (size_t col = 0; col < rows.columns_.size(); ++col) {
      const BulkRows::Column& c = rows.columns_[col];
      if (col > 0) buffer += '\t';
      if (c.nulls[row] == soci::i_null) {
        buffer += "\\N";
      } else if (c.type == ColumnType::kInt) {
        buffer += std::to_string(c.ints[row]);
      } else {
        AppendCopyText(buffer, c.texts[row]);
      }
    }
    buffer += '\n';
    if (buffer.size() >= kCopyBufferBytes) flush();
  }
  if (!buffer.empty()) flush();
  if (PQputCopyEnd(pg, nullptr) != 1) ThrowPostgres(pg, nullptr);
  // The COPY's outcome, then the end of the results.
  PGresult* result = PQgetResult(pg);
  if (PQresultStatus(result) != PGRES_COMMAND_OK) {
    while (PGresult* rest = PQgetResult(pg)) PQclear(rest);
    ThrowPostgres(pg, result);
  }
  PQclear(result);
  while (PGresult* rest = PQgetResult(pg)) PQclear(rest);
}

}  // namespace gongkai::store
