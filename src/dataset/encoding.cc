#include "dataset/encoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>

namespace gongkai {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Converts with glibc iconv. On an invalid or incomplete sequence returns kInvalidInput naming
// the byte offset in the input.
Result<std::string> Convert(std::string_view in, const char* from, const char* to) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Internal(std::string("iconv 不支持编码转换 ") + from + " → " + to);
  }
  std::string out;
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  size_t written = 0;
  Status status;
  while (src_left > 0) {
    char* dst = out.data() + written;
    size_t dst_left = out.size() - written;
    const size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    written = out.size() - dst_left;
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    const size_t offset = in.size() - src_left;
    status =
        InvalidInput("第 " + std::to_string(offset + 1) + " 字节起不是有效的 " + from + " 编码");
    break;
  }
  iconv_close(cd);
  if (!status.ok()) return status;
  out.resize(written);
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<uint8_t>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      const auto cc = static_cast<uint8_t>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

Result<std::string> ToUtf8(std::string_view bytes) {
  if (IsValidUtf8(bytes)) {
    if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
    return std::string(bytes);
  }
  Result<std::string> converted = Convert(bytes, "GB18030", "UTF-8");
  if (!converted.ok()) {
    return InvalidInput("无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK）：" +
                        converted.status().message());
  }
  return converted;
}

Result<std::string> Utf8ToGb18030(std::string_view utf8) {
  if (!IsValidUtf8(utf8)) return InvalidInput("不是有效的 UTF-8 文本");
  return Convert(utf8, "UTF-8", "GB18030");
}

}  // namespace gongkai
