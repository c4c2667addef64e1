#include "http/config.h"

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

namespace gongkai::http {
namespace {

using json = nlohmann::json;

std::string Where(const std::string& path) { return "配置文件 " + path + "："; }

// Reads one typed value; the message names the key and the type expected.
class Reader {
 public:
  Reader(const std::string& path) : path_(path) {}

  Status String(const json& v, const std::string& key, std::string& out) {
    if (!v.is_string()) return Wrong(key, "字符串");
    out = v.get<std::string>();
    return Status::Ok();
  }
  Status Bool(const json& v, const std::string& key, bool& out) {
    if (!v.is_boolean()) return Wrong(key, "true 或 false");
    out = v.get<bool>();
    return Status::Ok();
  }
  template <typename Int>
  Status Integer(const json& v, const std::string& key, Int& out, long long min, long long max) {
    if (!v.is_number_integer()) return Wrong(key, "整数");
    const long long n = v.get<long long>();
    if (n < min || n > max) {
      return InvalidInput(Where(path_) + "\"" + key + "\" 必须在 " + std::to_string(min) + " 到 " +
                          std::to_string(max) + " 之间（现为 " + std::to_string(n) + "）");
    }
    out = static_cast<Int>(n);
    return Status::Ok();
  }
  Status Number(const json& v, const std::string& key, double& out, double min) {
    if (!v.is_number()) return Wrong(key, "数值");
    const double d = v.get<double>();
    if (!(d >= min)) {
      return InvalidInput(Where(path_) + "\"" + key + "\" 不能小于 " + std::to_string(min));
    }
    out = d;
    return Status::Ok();
  }

  using Field = std::function<Status(const json&, const std::string&)>;
  // Applies `fields` to the members of object `v` (named `where` in messages).
  Status Object(const json& v, const std::string& where,
                const std::map<std::string, Field>& fields) {
    if (!v.is_object()) return Wrong(where.empty() ? "（顶层）" : where, "对象");
    for (const auto& [key, value] : v.items()) {
      const std::string name = where.empty() ? key : where + "." + key;
      auto it = fields.find(key);
      if (it == fields.end()) {
        return InvalidInput(Where(path_) + "未知的键 \"" + name +
                            "\"（可用的键见 config/gongkai.example.json）");
      }
      GONGKAI_RETURN_IF_ERROR(it->second(value, name));
    }
    return Status::Ok();
  }

 private:
  Status Wrong(const std::string& key, const char* type) {
    return InvalidInput(Where(path_) + "\"" + key + "\" 应为" + type);
  }
  const std::string& path_;
};

}  // namespace

size_t ServerConfig::EventLoops() const {
  if (threads > 0) return static_cast<size_t>(threads);
  return std::max<size_t>(2, std::thread::hardware_concurrency());
}

Result<ServerConfig> ParseServerConfig(std::string_view json_text, const std::string& path) {
  json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (root.is_discarded()) return InvalidInput(Where(path) + "不是有效的 JSON");

  ServerConfig c;
  Reader r(path);
  using Field = Reader::Field;
  auto str = [&](std::string& out) -> Field {
    return [&r, &out](const json& v, const std::string& k) { return r.String(v, k, out); };
  };
  auto boolean = [&](bool& out) -> Field {
    return [&r, &out](const json& v, const std::string& k) { return r.Bool(v, k, out); };
  };
  auto integer = [&](int& out, long long min, long long max) -> Field {
    return [&r, &out, min, max](const json& v, const std::string& k) {
      return r.Integer(v, k, out, min, max);
    };
  };
  auto size = [&](size_t& out, long long min, long long max) -> Field {
    return [&r, &out, min, max](const json& v, const std::string& k) {
      return r.Integer(v, k, out, min, max);
    };
  };
  auto number = [&](double& out, double min) -> Field {
    return
        [&r, &out, min](const json& v, const std::string& k) { return r.Number(v, k, out, min); };
  };

  const std::map<std::string, Field> limits = {
      {"max_url_bytes", size(c.limits.max_url_bytes, 256, 1 << 20)},
      {"max_header_bytes", size(c.limits.max_header_bytes, 256, 1 << 20)},
      {"max_header_count", size(c.limits.max_header_count, 8, 10'000)},
      {"max_body_bytes", size(c.limits.max_body_bytes, 0, 1LL << 32)},
  };
  const std::map<std::string, Field> rate_limit = {
      {"enabled", boolean(c.rate_limit.enabled)},
      {"requests_per_second", number(c.rate_limit.requests_per_second, 0.001)},
      {"burst", number(c.rate_limit.burst, 1)},
      {"max_clients", size(c.rate_limit.max_clients, 1, 100'000'000)},
  };
  const std::map<std::string, Field> top = {
      {"listen", str(c.listen)},
      {"db", str(c.db)},
      {"data_dir", str(c.data_dir)},
      {"threads", integer(c.threads, 0, 1024)},
      {"access_log", str(c.access_log)},
      {"templates_dir", str(c.templates_dir)},
      {"static_dir", str(c.static_dir)},
      {"site_name", str(c.site_name)},
      {"public_url", str(c.public_url)},
      {"trust_x_forwarded_for", boolean(c.trust_x_forwarded_for)},
      {"static_max_age_seconds", integer(c.static_max_age_seconds, 0, 365 * 86400)},
      {"report_cache_seconds", integer(c.report_cache_seconds, 0, 365 * 86400)},
      {"report_cache_entries", integer(c.report_cache_entries, 0, 100'000)},
      {"listing_cache_seconds", integer(c.listing_cache_seconds, 0, 3600)},
      {"shutdown_timeout_seconds", integer(c.shutdown_timeout_seconds, 0, 3600)},
      {"session_timeout_minutes", integer(c.session_timeout_minutes, 1, 7 * 24 * 60)},
      {"pii_key_file", str(c.pii_key_file)},
      {"attachments_dir", str(c.attachments_dir)},
      {"search_index_dir", str(c.search_index_dir)},
      {"notices_dir", str(c.notices_dir)},
      {"search_apply_seconds", integer(c.search_apply_seconds, 0, 3600)},
      {"max_upload_bytes", integer(c.max_upload_bytes, 1024, 1 << 30)},
      {"limits", [&](const json& v, const std::string& k) { return r.Object(v, k, limits); }},
      {"rate_limit",
       [&](const json& v, const std::string& k) { return r.Object(v, k, rate_limit); }},
      // Documentation keys are allowed anywhere at the top ("//": "…", "_comment": "…").
      {"//", [](const json&, const std::string&) { return Status::Ok(); }},
      {"_comment", [](const json&, const std::string&) { return Status::Ok(); }},
  };
  GONGKAI_RETURN_IF_ERROR(r.Object(root, "", top));
  if (Result<ListenAddress> l = ParseListen(c.listen); !l.ok()) {
    return l.status().WithContext(Where(path) + "\"listen\"");
  }
  if (c.site_name.empty()) return InvalidInput(Where(path) + "\"site_name\" 不能为空");
  for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"pii_key_file", &c.pii_key_file},
                                   {"attachments_dir", &c.attachments_dir},
                                   {"search_index_dir", &c.search_index_dir}}) {
    if (value->empty()) return InvalidInput(Where(path) + "\"" + key + "\" 不能为空");
  }
  return c;
}

Result<ListenAddress> ParseListen(std::string_view text) {
  const std::string shown(text);
  auto bad = [&](const std::string& why) {
    return InvalidInput("监听地址 \"" + shown + "\" 无效：" + why +
                        "（例如 127.0.0.1:8080、[::1]:8080 或 :8080）");
  };
  std::string_view host, port;
  if (!text.empty() && text.front() == '[') {
    const size_t close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return bad("IPv6 地址应写作 [地址]:端口");
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) return bad("缺少端口");
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) return bad("IPv6 地址应写作 [地址]:端口");
  }
  if (port.empty() || port.size() > 5) return bad("端口应为 1 到 65535 的整数");
  unsigned n = 0;
  for (char ch : port) {
    if (ch < '0' || ch > '9') return bad("端口应为 1 到 65535 的整数");
    n = n * 10 + static_cast<unsigned>(ch - '0');
  }
  if (n == 0 || n > 65535) return bad("端口应为 1 到 65535 的整数");
  ListenAddress out;
  out.host = host.empty() ? "0.0.0.0" : std::string(host);
  out.port = static_cast<uint16_t>(n);
  return out;
}

}  // namespace gongkai::http
