#include "store/connection.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <numeric>

#include "store/queries.h"

namespace gongkai::store {
namespace {

// SQLite primary result codes (sqlite3.h), as reported by sqlite3_soci_error::result().
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoErr = 10;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteConstraint = 19;
constexpr int kSqliteNotADb = 26;

// The driver's text on one line, without SOCI's own prefixes, for the end of a message.
std::string OneLine(std::string_view text) {
  for (std::string_view prefix :
       {"Cannot establish connection to the database.", "Cannot execute query.", "Fatal error.",
        "sqlite3_statement_backend::prepare:", "sqlite3_statement_backend::loadOne:",
        "sqlite3_statement_backend::loadRS:", "sqlite3_statement_backend::bindAndExecute:"}) {
    size_t pos = text.find(prefix);
    if (pos != std::string_view::npos) text.remove_prefix(pos + prefix.size());
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  }
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > 300) out = out.substr(0, 300) + "…";
  return out;
}

// What a violated constraint means for the caller. The adapter checks duplicates and references
// itself with better messages; these are the schema's safety net.
enum class Constraint { kUnique, kReference, kCheck };

Status ConstraintViolation(const std::string& db, Constraint c, std::string_view text) {
  switch (c) {
    case Constraint::kUnique:
      return Conflict(db + " 拒绝了与已存记录重复的数据：" + OneLine(text));
    case Constraint::kReference:
      return NotFound(db + " 拒绝了引用不存在记录的数据：" + OneLine(text));
    case Constraint::kCheck:
      break;
  }
  return InvalidInput(db + " 拒绝了不符合约束的数据：" + OneLine(text));
}

Status TranslateSqlite(const Connection& conn, int code, std::string_view text) {
  const std::string& db = conn.display;
  switch (code) {
    case kSqliteBusy:
    case kSqliteLocked:
      return StorageError(db + " 被其他进程锁定，请稍后再试");
    case kSqliteNotADb:
    case kSqliteCorrupt:
      return StorageError(db + " 不是有效的 SQLite 数据库或已损坏");
    case kSqliteCantOpen:
      return StorageError("无法打开" + db + "（目录不存在或没有权限）");
    case kSqliteReadOnly:
      return StorageError(db + " 是只读的，无法写入");
    case kSqliteFull:
      return StorageError("磁盘已满，无法写入" + db);
    case kSqliteIoErr:
      return StorageError("读写" + db + " 时发生 I/O 错误：" + OneLine(text));
    case kSqliteConstraint: {
      const std::string_view t(text);
      if (t.find("UNIQUE") != std::string_view::npos ||
          t.find("PRIMARY KEY") != std::string_view::npos) {
        return ConstraintViolation(db, Constraint::kUnique, text);
      }
      if (t.find("FOREIGN KEY") != std::string_view::npos) {
        return ConstraintViolation(db, Constraint::kReference, text);
      }
      return ConstraintViolation(db, Constraint::kCheck, text);
    }
    default:
      return StorageError(db + " 出错：" + OneLine(text));
  }
}

Status TranslatePostgres(const Connection& conn, std::string_view sqlstate, std::string_view text) {
  const std::string& db = conn.display;
  if (sqlstate.substr(0, 2) == "08" || sqlstate.substr(0, 2) == "57") {
    return StorageError("与 " + db + " 的连接中断：" + OneLine(text));
  }
  if (sqlstate == "23505") return ConstraintViolation(db, Constraint::kUnique, text);
  if (sqlstate == "23503") return ConstraintViolation(db, Constraint::kReference, text);
  if (sqlstate.substr(0, 2) == "23") return ConstraintViolation(db, Constraint::kCheck, text);
  if (sqlstate == "55P03" || sqlstate == "40P01" || sqlstate == "40001") {
    return StorageError(db + " 被其他会话锁定或并发修改，请稍后再试");
  }
  if (sqlstate == "53100") return StorageError("磁盘已满，无法写入 " + db);
  return StorageError(db + " 出错：" + OneLine(text));
}

}  // namespace

Status TranslateError(const Connection& conn, const std::exception& e) {
  if (const auto* se = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    return TranslateSqlite(conn, se->result() & 0xff, se->get_error_message());
  }
  if (const auto* pe = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    return TranslatePostgres(conn, pe->sqlstate(), pe->get_error_message());
  }
  if (const auto* se = dynamic_cast<const soci::soci_error*>(&e)) {
    const std::string& text = se->get_error_message();
    if (text.find("Cannot establish connection") != std::string::npos ||
        text.find("connection") == 0) {
      return StorageError("无法连接 " + conn.display + "：" + OneLine(text));
    }
    return StorageError(conn.display + " 出错：" + OneLine(text));
  }
  return StorageError(conn.display + " 出错：" + OneLine(e.what()));
}

std::string DriverMessage(const std::exception& e) {
  if (const auto* se = dynamic_cast<const soci::soci_error*>(&e)) {
    return OneLine(se->get_error_message());
  }
  return OneLine(e.what());
}

std::vector<long long> AllocateIds(Connection& conn, std::string_view table, size_t n) {
  std::vector<long long> ids;
  if (n == 0) return ids;
  ids.reserve(n);
  if (conn.backend == Backend::kSqlite) {
    long long max_id = 0;
    conn.sql << std::string(kSqliteMaxIdPrefix) + std::string(table), soci::into(max_id);
    ids.resize(n);
    std::iota(ids.begin(), ids.end(), max_id + 1);
    return ids;
  }
  const std::string table_name(table);
  const int count = static_cast<int>(n);
  std::vector<long long> chunk(std::min<size_t>(n, 10'000));
  soci::statement st = (conn.sql.prepare << kPostgresNextIds, soci::use(table_name),
                        soci::use(count), soci::into(chunk));
  st.execute();
  while (st.fetch()) {
    ids.insert(ids.end(), chunk.begin(), chunk.end());
    chunk.resize(std::min<size_t>(n, 10'000));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

Transaction::Transaction(Connection& conn, Mode mode) : conn_(conn) {
  if (conn.backend == Backend::kSqlite) {
    conn_.sql << (mode == Mode::kWrite ? kSqliteBeginWrite : kSqliteBeginRead);
  } else {
    conn_.sql << (mode == Mode::kWrite ? kPostgresBeginWrite : kPostgresBeginRead);
  }
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    conn_.sql << kRollback;
  } catch (...) {
    // The connection is gone or the transaction already ended: nothing was committed.
  }
}

void Transaction::Commit() {
  conn_.sql << kCommit;
  open_ = false;
}

std::string NowIso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return buf;
}

}  // namespace gongkai::store
