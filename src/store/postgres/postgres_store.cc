#include "store/postgres/postgres_store.h"

#include <soci/postgresql/soci-postgresql.h>

#include <map>
#include <string_view>

#include "store/connection.h"
#include "store/migration.h"
#include "store/queries.h"
#include "store/soci_repository.h"

namespace gongkai::store {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool PercentDecode(std::string_view in, std::string& out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size()) return false;
    const int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

}  // namespace

Result<PostgresTarget> ParsePostgresUrl(const std::string& url) {
  std::string_view rest(url);
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (rest.substr(0, scheme.size()) == scheme) {
      rest.remove_prefix(scheme.size());
      break;
    }
  }
  if (rest.size() == url.size()) {
    return StorageError("不是 PostgreSQL 连接地址：" + url);
  }
  const std::string safe_prefix = "PostgreSQL 连接地址有误：";

  std::string_view query;
  if (size_t q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string_view dbname;
  if (size_t slash = rest.find('/'); slash != std::string_view::npos) {
    dbname = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  std::string_view userinfo;
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) {
    userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
  }
  std::string_view host = rest, port;
  if (!host.empty() && host.front() == '[') {  // [IPv6]:port
    size_t close = host.find(']');
    if (close == std::string_view::npos) return StorageError(safe_prefix + "IPv6 地址缺少 ]");
    port = host.substr(close + 1);
    host = host.substr(1, close - 1);
    if (!port.empty()) {
      if (port.front() != ':') return StorageError(safe_prefix + "IPv6 地址后应为 :端口");
      port.remove_prefix(1);
    }
  } else if (size_t colon = host.rfind(':'); colon != std::string_view::npos) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  std::string_view user = userinfo, password;
  bool has_password = false;
  if (size_t colon = userinfo.find(':'); colon != std::string_view::npos) {
    user = userinfo.substr(0, colon);
    password = userinfo.substr(colon + 1);
    has_password = true;
  }

  // keyword → value, in a stable order.
  std::map<std::string, std::string> params;
  auto add = [&](const std::string& key, std::string_view raw) -> Status {
    std::string value;
    if (!PercentDecode(raw, value)) {
      return StorageError(safe_prefix + "参数 " + key + " 的百分号编码无效");
    }
    if (value.find_first_of(" \t\r\n'\"\\") != std::string::npos) {
      return StorageError(safe_prefix + "参数 " + key + " 含有空格、引号或反斜杠，不受支持");
    }
    if (!value.empty()) params[key] = value;
    return Status::Ok();
  };
  GONGKAI_RETURN_IF_ERROR(add("host", host));
  GONGKAI_RETURN_IF_ERROR(add("port", port));
  GONGKAI_RETURN_IF_ERROR(add("user", user));
  if (has_password) GONGKAI_RETURN_IF_ERROR(add("password", password));
  GONGKAI_RETURN_IF_ERROR(add("dbname", dbname));
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return StorageError(safe_prefix + "查询参数 \"" + std::string(pair) + "\" 应为 键=值");
    }
    std::string key;
    if (!PercentDecode(pair.substr(0, eq), key) ||
        key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
      return StorageError(safe_prefix + "查询参数名 \"" + std::string(pair.substr(0, eq)) +
                          "\" 无效");
    }
    GONGKAI_RETURN_IF_ERROR(add(key, pair.substr(eq + 1)));
  }
  if (params.count("connect_timeout") == 0) params["connect_timeout"] = "10";
  // Our text is UTF-8 whatever the server's or the environment's default (COPY relies on it).
  params["client_encoding"] = "UTF8";

  PostgresTarget target;
  for (const auto& [key, value] : params) {
    if (!target.connect_string.empty()) target.connect_string += ' ';
    target.connect_string += key + "=" + value;
  }
  std::string where;
  if (params.count("user")) where += params["user"] + "@";
  where += params.count("host") ? params["host"] : "localhost";
  if (params.count("port")) where += ":" + params["port"];
  where += "/" + (params.count("dbname") ? params["dbname"] : std::string());
  target.display = "PostgreSQL 数据库 " + where;
  return target;
}

Result<std::unique_ptr<Repository>> OpenPostgresRepository(const std::string& url) {
  Result<PostgresTarget> target = ParsePostgresUrl(url);
  if (!target.ok()) return target.status();
  auto conn = std::make_unique<Connection>();
  conn->backend = Backend::kPostgres;
  conn->display = target->display;
  try {
    try {
      conn->sql.open(soci::postgresql, target->connect_string);
    } catch (const std::exception& e) {
      return StorageError("无法连接 " + conn->display + "：" + DriverMessage(e));
    }
    conn->sql << kPostgresQuiet;
    conn->sql << kPostgresNoJit;
    GONGKAI_RETURN_IF_ERROR(ApplyMigrations(*conn));
  } catch (const std::exception& e) {
    return TranslateError(*conn, e);
  }
  return std::unique_ptr<Repository>(std::make_unique<SociRepository>(std::move(conn)));
}

}  // namespace gongkai::store
