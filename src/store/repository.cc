// OpenRepository: picks the backend from the database URL.
#include "core/repository.h"

#include <string_view>

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

namespace gongkai {

Result<std::unique_ptr<Repository>> OpenRepository(const std::string& url) {
  const std::string_view u(url);
  if (u.substr(0, 13) == "postgresql://" || u.substr(0, 11) == "postgres://") {
    return store::OpenPostgresRepository(url);
  }
  if (u.substr(0, 7) == "sqlite:") {
    std::string_view path = u.substr(7);
    if (path.substr(0, 2) == "//") path.remove_prefix(2);  // sqlite:///abs/path, sqlite://rel
    return store::OpenSqliteRepository(std::string(path));
  }
  if (const size_t scheme = u.find("://");
      scheme != std::string_view::npos && u.substr(0, scheme).find('/') == std::string_view::npos) {
    return StorageError("不支持的数据库地址 " + url +
                        "（可用：文件路径、sqlite:路径、postgresql://…）");
  }
  return store::OpenSqliteRepository(url);
}

}  // namespace gongkai
