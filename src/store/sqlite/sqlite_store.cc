#include "store/sqlite/sqlite_store.h"

#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <system_error>

#include "store/connection.h"
#include "store/migration.h"
#include "store/queries.h"
#include "store/soci_repository.h"

namespace gongkai::store {
namespace {

// SOCI's sqlite3 connect string: key=value pairs separated by spaces, values with spaces in
// double quotes.
std::string ConnectString(const std::string& path) {
  if (path.find_first_of(" \t") == std::string::npos) return "db=" + path;
  return "db=\"" + path + "\"";
}

std::atomic<int64_t> g_cache_kib{SqliteMemory{}.cache_kib};
std::atomic<int64_t> g_mmap_bytes{SqliteMemory{}.mmap_bytes};

}  // namespace

Result<std::unique_ptr<Repository>> OpenSqliteRepository(const std::string& path) {
  auto conn = std::make_unique<Connection>();
  conn->backend = Backend::kSqlite;
  conn->display = "数据库文件 " + path;
  if (path.empty()) return StorageError("数据库文件路径为空");
  if (path.find('"') != std::string::npos) {
    return StorageError(conn->display + " 的路径含有双引号，不受支持");
  }

  std::error_code ec;
  const std::filesystem::path file(path);
  if (std::filesystem::is_directory(file, ec)) {
    return StorageError(conn->display + " 是一个目录，不是数据库文件");
  }
  if (file.has_parent_path() && !std::filesystem::exists(file.parent_path(), ec)) {
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
      return StorageError("无法创建数据库目录 " + file.parent_path().string() + "：" +
                          ec.message());
    }
  }

  try {
    conn->sql.open(soci::sqlite3, ConnectString(path));
    int timeout_ms = 0;
    conn->sql << kSqliteBusyTimeout, soci::into(timeout_ms);
    conn->sql << kSqliteForeignKeys;
    const SqliteMemory memory = GetSqliteMemory();
    long long mmap_size = 0;
    conn->sql << "PRAGMA mmap_size = " + std::to_string(memory.mmap_bytes), soci::into(mmap_size);
    conn->sql << "PRAGMA cache_size = -" + std::to_string(memory.cache_kib);
    std::string journal_mode;
    conn->sql << kSqliteJournalWal, soci::into(journal_mode);
    GONGKAI_RETURN_IF_ERROR(ApplyMigrations(*conn));
  } catch (const std::exception& e) {
    return TranslateError(*conn, e);
  }
  return std::unique_ptr<Repository>(std::make_unique<SociRepository>(std::move(conn)));
}

}  // namespace gongkai::store

namespace gongkai {

void SetSqliteMemory(SqliteMemory memory) {
  store::g_cache_kib = std::max<int64_t>(0, memory.cache_kib);
  store::g_mmap_bytes = std::max<int64_t>(0, memory.mmap_bytes);
}

SqliteMemory GetSqliteMemory() { return {store::g_cache_kib.load(), store::g_mmap_bytes.load()}; }

}  // namespace gongkai
