// RowReader: the rows of one read query, column by column. LoadYear's assembly code is written
// once against it; the two implementations differ only in how rows reach memory:
// - PostgreSQL: SOCI bulk fetch, kChunkRows rows at a time into typed column vectors;
// - SQLite: the statement is stepped directly on SOCI's sqlite3 handle, reading each cell in
//   place. SOCI's sqlite3 backend copies every text cell twice (into its row cache, then into
//   the vector); for 100,000 applications with 300,000 events that doubled LoadYear's time,
//   so the hot path avoids it. Errors are thrown as SOCI exceptions either way, so
//   TranslateError applies unchanged.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/connection.h"

namespace gongkai::store {

enum class ColumnType { kInt, kText };

// Named parameters a *OfYear query may use (":agency_id", ":year", ":first", ":last"); the
// reader binds those that occur in the query text.
struct QueryParams {
  long long agency_id = 0;
  long long year = 0;
  std::string first;  // "Y-01-01"
  std::string last;   // "Y-12-31"
};

class RowReader {
 public:
  virtual ~RowReader() = default;
  // Advances to the next row; false after the last. Throws soci::soci_error.
  virtual bool Next() = 0;
  // Cells of the current row. Text() of a NULL cell is empty, Int() of a NULL cell is 0. The
  // view is valid until the next call to Next().
  virtual bool IsNull(int column) const = 0;
  virtual long long Int(int column) const = 0;
  virtual std::string_view Text(int column) const = 0;
};

inline constexpr size_t kChunkRows = 10'000;

// Executes `query` (which must outlive the reader) with `params`; `columns` lists the type of
// each selected column, in order. Throws soci::soci_error.
std::unique_ptr<RowReader> ReadRows(Connection& conn, const char* query, const QueryParams& params,
                                    std::initializer_list<ColumnType> columns);

}  // namespace gongkai::store
