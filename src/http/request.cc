#include "http/request.h"

#include <algorithm>
#include <cstdint>

namespace gongkai::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char kHex[] = "0123456789ABCDEF";

void AppendEscaped(std::string& out, unsigned char c) {
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// Shows at most 60 bytes of untrusted text in a message, cut at a character boundary and with
// control bytes replaced (the message is escaped again wherever it is shown).
std::string Excerpt(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size() && out.size() < 60; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  }
  if (out.size() < text.size()) out += "…";
  return out;
}

}  // namespace

std::optional<std::string_view> Request::Query(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

const std::string& Request::Route(const std::string& name) const {
  static const std::string kEmpty;
  auto it = route.find(name);
  return it == route.end() ? kEmpty : it->second;
}

std::optional<std::string_view> Request::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

std::optional<std::string_view> Request::Cookie(const std::string& name) const {
  auto it = cookies.find(name);
  if (it == cookies.end()) return std::nullopt;
  return std::string_view(it->second);
}

bool IsValidText(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return false;
      ++i;
      continue;
    }
    int len;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
      len = 2;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;  // continuation byte, overlong lead (C0/C1) or beyond U+10FFFF (F5+)
    }
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff))) return false;
    if (cp >= 0xd800 && cp <= 0xdfff) return false;
    if (cp >= 0x80 && cp <= 0x9f) return false;  // C1 controls
    i += len;
  }
  return true;
}

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space,
                                  std::string_view what) {
  std::string out;
  out.reserve(text.size());
  const std::string_view special = plus_is_space ? std::string_view("%+") : "%";
  size_t i = 0;
  while (i < text.size()) {
    // The run up to the next escape is copied as it is.
    const size_t next = std::min(text.find_first_of(special, i), text.size());
    out.append(text.substr(i, next - i));
    i = next;
    if (i == text.size()) break;
    if (text[i] == '+') {
      out += ' ';
      ++i;
      continue;
    }
    if (i + 2 >= text.size()) {
      return InvalidInput(std::string(what) + " \"" + Excerpt(text) + "\" 中有不完整的 % 转义");
    }
    const int h = HexValue(text[i + 1]);
    const int l = HexValue(text[i + 2]);
    if (h < 0 || l < 0) {
      return InvalidInput(std::string(what) + " \"" + Excerpt(text) + "\" 中有无效的 % 转义");
    }
    out += static_cast<char>(h * 16 + l);
    i += 3;
  }
  if (!IsValidText(out)) {
    return InvalidInput(std::string(what) + " 不是有效的 UTF-8 文本（或含有控制字符）");
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> ParseQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    const std::string_view piece = query.substr(start, amp - start);
    start = amp + 1;
    if (piece.empty()) continue;
    const size_t eq = piece.find('=');
    const std::string_view raw_key = piece.substr(0, eq);
    const std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1);
    Result<std::string> key = PercentDecode(raw_key, true, "查询参数名");
    if (!key.ok()) return key.status();
    Result<std::string> value = PercentDecode(raw_value, true, "查询参数 " + *key + " 的值");
    if (!value.ok()) return value.status();
    out.emplace_back(std::move(key).value(), std::move(value).value());
  }
  return out;
}

std::string EncodePath(std::string_view text, bool keep_slash) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c) || (keep_slash && c == '/') || c == '!' || c == '$' || c == '\'' ||
        c == '(' || c == ')' || c == '*' || c == ',' || c == ';' || c == ':' || c == '@' ||
        c == '=') {
      out += ch;
    } else {
      AppendEscaped(out, c);
    }
  }
  return out;
}

std::string EncodeQueryValue(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c)) {
      out += ch;
    } else {
      AppendEscaped(out, c);
    }
  }
  return out;
}

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (v.empty()) continue;
    out += out.empty() ? '?' : '&';
    out += EncodeQueryValue(k);
    out += '=';
    out += EncodeQueryValue(v);
  }
  return out;
}

}  // namespace gongkai::http
