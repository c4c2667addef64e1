#include "store/row_reader.h"

#include <soci/sqlite3/soci-sqlite3.h>

#include <string_view>

namespace gongkai::store {
namespace {

bool Uses(const char* query, std::string_view name) {
  return std::string_view(query).find(name) != std::string_view::npos;
}

// --- SQLite: step the statement on SOCI's own connection handle ----------------------------

class SqliteRowReader final : public RowReader {
 public:
  SqliteRowReader(Connection& conn, const char* query, const QueryParams& params)
      : params_(params) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(conn.sql.get_backend());
    db_ = backend->conn_;
    Check(sqlite_api::sqlite3_prepare_v2(db_, query, -1, &stmt_, nullptr));
    try {
      BindInt(":agency_id", params_.agency_id);
      BindInt(":year", params_.year);
      BindText(":first", params_.first);
      BindText(":last", params_.last);
    } catch (...) {
      sqlite_api::sqlite3_finalize(stmt_);  // the destructor will not run
      throw;
    }
  }
  ~SqliteRowReader() override { sqlite_api::sqlite3_finalize(stmt_); }

  bool Next() override {
    const int rc = sqlite_api::sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Check(rc);
    return false;
  }
  bool IsNull(int column) const override {
    return sqlite_api::sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  long long Int(int column) const override {
    return sqlite_api::sqlite3_column_int64(stmt_, column);
  }
  std::string_view Text(int column) const override {
    const auto* text =
        reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(stmt_, column));
    if (text == nullptr) return {};
    return {text, static_cast<size_t>(sqlite_api::sqlite3_column_bytes(stmt_, column))};
  }

 private:
  void Check(int rc) {
    if (rc == SQLITE_OK) return;
    throw soci::sqlite3_soci_error(sqlite_api::sqlite3_errmsg(db_), rc);
  }
  void BindInt(const char* name, long long value) {
    const int index = sqlite_api::sqlite3_bind_parameter_index(stmt_, name);
    if (index > 0) Check(sqlite_api::sqlite3_bind_int64(stmt_, index, value));
  }
  void BindText(const char* name, const std::string& value) {
    const int index = sqlite_api::sqlite3_bind_parameter_index(stmt_, name);
    if (index > 0) {
      Check(sqlite_api::sqlite3_bind_text(stmt_, index, value.data(),
                                          static_cast<int>(value.size()), SQLITE_STATIC));
    }
  }

  QueryParams params_;  // bound with SQLITE_STATIC: must live as long as the statement
  sqlite_api::sqlite3* db_ = nullptr;
  sqlite_api::sqlite3_stmt* stmt_ = nullptr;
};

// --- Any SOCI backend: bulk fetch in chunks into typed column vectors ----------------------

class SociRowReader final : public RowReader {
 public:
  SociRowReader(Connection& conn, const char* query, const QueryParams& params,
                std::initializer_list<ColumnType> columns)
      : params_(params), statement_(conn.sql) {
    columns_.reserve(columns.size());
    for (ColumnType type : columns) {
      Column& c = columns_.emplace_back();
      c.type = type;
      c.nulls.resize(kChunkRows);
      if (type == ColumnType::kInt) {
        c.ints.resize(kChunkRows);
        statement_.exchange(soci::into(c.ints, c.nulls));
      } else {
        c.texts.resize(kChunkRows);
        statement_.exchange(soci::into(c.texts, c.nulls));
      }
    }
    if (Uses(query, ":agency_id")) statement_.exchange(soci::use(params_.agency_id, "agency_id"));
    if (Uses(query, ":year")) statement_.exchange(soci::use(params_.year, "year"));
    if (Uses(query, ":first")) statement_.exchange(soci::use(params_.first, "first"));
    if (Uses(query, ":last")) statement_.exchange(soci::use(params_.last, "last"));
    statement_.alloc();
    statement_.prepare(query);
    statement_.define_and_bind();
    statement_.execute(false);
  }

  bool Next() override {
    if (++row_ < rows_) return true;
    if (done_) return false;
    for (Column& c : columns_) {
      c.nulls.resize(kChunkRows);
      if (c.type == ColumnType::kInt) {
        c.ints.resize(kChunkRows);
      } else {
        c.texts.resize(kChunkRows);
      }
    }
    if (!statement_.fetch()) {
      done_ = true;
      return false;
    }
    rows_ = columns_.empty() ? 0 : columns_.front().nulls.size();
    row_ = 0;
    return rows_ > 0;
  }
  bool IsNull(int column) const override { return columns_[column].nulls[row_] == soci::i_null; }
  long long Int(int column) const override {
    return IsNull(column) ? 0 : columns_[column].ints[row_];
  }
  std::string_view Text(int column) const override {
    return IsNull(column) ? std::string_view() : std::string_view(columns_[column].texts[row_]);
  }

 private:
  struct Column {
    ColumnType type = ColumnType::kText;
    std::vector<long long> ints;
    std::vector<std::string> texts;
    std::vector<soci::indicator> nulls;
  };

  QueryParams params_;
  soci::statement statement_;
  std::vector<Column> columns_;
  size_t rows_ = 0;  // rows in the current chunk
  size_t row_ = 0;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RowReader> ReadRows(Connection& conn, const char* query, const QueryParams& params,
                                    std::initializer_list<ColumnType> columns) {
  if (conn.backend == Backend::kSqlite) {
    return std::make_unique<SqliteRowReader>(conn, query, params);
  }
  return std::make_unique<SociRowReader>(conn, query, params, columns);
}

}  // namespace gongkai::store
