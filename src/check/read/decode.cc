#include "check/read/decode.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>

namespace gongkai::check {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr char32_t kReplacement = 0xFFFD;

bool IsControlByte(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') || c == 0x7F;
}

// Malformed bytes tolerated in a file read with replacement characters.
size_t MaxMalformed(size_t size) { return std::max<size_t>(1, size / 200); }

struct Utf8Scan {
  size_t multibyte = 0;  // well-formed characters of two or more bytes
  size_t malformed = 0;  // bytes that start no well-formed character
};

Utf8Scan ScanUtf8(std::string_view s) {
  Utf8Scan scan;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    const char32_t cp = DecodeUtf8At(s, i, len);
    if (cp == kReplacement && len == 1) {
      ++scan.malformed;
    } else {
      ++scan.multibyte;
    }
    i += len;
  }
  return scan;
}

std::string Utf8WithReplacements(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    int len = 0;
    const char32_t cp = DecodeUtf8At(s, i, len);
    if (cp == kReplacement && len == 1) {
      AppendUtf8(kReplacement, out);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

// GB18030 → UTF-8 with glibc iconv. Each malformed byte becomes U+FFFD; fails once more than
// `max_malformed` bytes are malformed.
bool Gb18030ToUtf8(std::string_view in, size_t max_malformed, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.assign(in.size() * 3 / 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  size_t written = 0;
  size_t malformed = 0;
  bool ok = true;
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
    // EILSEQ or EINVAL (a character cut at the end): replace one byte and go on.
    if (++malformed > max_malformed) {
      ok = false;
      break;
    }
    if (out.size() - written < 4) out.resize(out.size() * 2);
    std::string replacement;
    AppendUtf8(kReplacement, replacement);
    out.replace(written, replacement.size(), replacement);
    written += replacement.size();
    ++src;
    --src_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  iconv_close(cd);
  if (!ok) return false;
  out.resize(written);
  return true;
}

std::string Utf16ToUtf8(std::string_view s, bool little_endian) {
  std::string out;
  out.reserve(s.size() * 3 / 2);
  auto unit = [&](size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(s[i]);
    const auto b = static_cast<unsigned char>(s[i + 1]);
    return little_endian ? (b << 8 | a) : (a << 8 | b);
  };
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < s.size()) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) u = kReplacement;
    AppendUtf8(u, out);
  }
  if (s.size() % 2 != 0) AppendUtf8(kReplacement, out);
  return out;
}

}  // namespace

bool LooksBinary(std::string_view bytes) {
  size_t controls = 0;
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (IsControlByte(c)) ++controls;
  }
  return controls * 20 > bytes.size();
}

Result<DecodedText> DecodeText(std::string_view bytes, CharsetHint hint) {
  const auto starts_with = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  if (starts_with("\xFF\xFE")) return DecodedText{Utf16ToUtf8(bytes.substr(2), true), "UTF-16LE"};
  if (starts_with("\xFE\xFF")) return DecodedText{Utf16ToUtf8(bytes.substr(2), false), "UTF-16BE"};
  if (LooksBinary(bytes)) return InvalidInput(std::string(kNotTextMessage));

  const bool utf8_bom = starts_with(kUtf8Bom);
  if (utf8_bom) bytes.remove_prefix(kUtf8Bom.size());
  const Utf8Scan scan = ScanUtf8(bytes);
  if (scan.malformed == 0) return DecodedText{std::string(bytes), "UTF-8"};

  const size_t max_malformed = MaxMalformed(bytes.size());
  const bool mostly_utf8 =
      scan.malformed <= max_malformed && (utf8_bom || scan.multibyte >= 10 * scan.malformed);
  std::string converted;
  if (mostly_utf8 && hint != CharsetHint::kGb18030) {
    return DecodedText{Utf8WithReplacements(bytes), "UTF-8"};
  }
  if (Gb18030ToUtf8(bytes, 0, converted)) return DecodedText{std::move(converted), "GB18030"};
  if (mostly_utf8) return DecodedText{Utf8WithReplacements(bytes), "UTF-8"};
  if (Gb18030ToUtf8(bytes, max_malformed, converted)) {
    return DecodedText{std::move(converted), "GB18030"};
  }
  return InvalidInput(std::string(kNotTextMessage));
}

char32_t DecodeUtf8At(std::string_view s, size_t i, int& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  len = 1;
  if (c < 0x80) return c;
  int n = 0;
  char32_t cp = 0;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return kReplacement;
  }
  if (i + n > s.size()) return kReplacement;
  for (int k = 1; k < n; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return kReplacement;
  }
  len = n;
  return cp;
}

char32_t LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && s.size() - i < 4 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  int len = 0;
  const char32_t cp = DecodeUtf8At(s, i, len);
  return i + len == s.size() ? cp : kReplacement;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

SplitText SplitLines(std::string_view s) {
  SplitText out;
  std::string current;
  bool page_break_pending = false;
  bool any_page_break = false;
  auto finish_line = [&] {
    out.lines.push_back(std::move(current));
    current.clear();
  };
  auto note_content = [&] {
    if (page_break_pending) {
      out.page_starts.push_back(static_cast<int>(out.lines.size()));
      page_break_pending = false;
    }
  };
  // The bytes a line or page break can start with; runs of other bytes are copied whole.
  static constexpr std::string_view kBreakStarts("\n\r\f\xC2\xE2", 5);
  for (size_t i = 0; i < s.size();) {
    const size_t run_end = std::min(s.find_first_of(kBreakStarts, i), s.size());
    if (run_end > i) {
      note_content();
      current.append(s.substr(i, run_end - i));
      i = run_end;
      continue;
    }
    const char c = s[i];
    if (c == '\n') {
      finish_line();
      ++i;
    } else if (c == '\r') {
      finish_line();
      i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
    } else if (c == '\f') {
      // pdftotext puts it at the start of a page's first line; elsewhere it ends a line too.
      if (!current.empty()) finish_line();
      any_page_break = true;
      page_break_pending = true;
      ++i;
    } else if (s.substr(i, 2) == "\xC2\x85" || s.substr(i, 3) == "\xE2\x80\xA8" ||
               s.substr(i, 3) == "\xE2\x80\xA9") {
      finish_line();
      i += s[i] == '\xC2' ? 2 : 3;
    } else {
      note_content();
      current.push_back(c);
      ++i;
    }
  }
  if (!current.empty()) finish_line();
  if (any_page_break) {
    // The first page starts at the first line; a page that starts after the last line (the
    // form feed that ends pdftotext output) is no page.
    if (out.page_starts.empty() || out.page_starts.front() != 0) {
      out.page_starts.insert(out.page_starts.begin(), 0);
    }
    while (!out.page_starts.empty() &&
           out.page_starts.back() >= static_cast<int>(out.lines.size())) {
      out.page_starts.pop_back();
    }
  }
  for (std::string& line : out.lines) CleanLine(line);
  return out;
}

void CleanLine(std::string& line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) {
      out.push_back((c < 0x20 && c != '\t') || c == 0x7F ? ' ' : static_cast<char>(c));
      ++i;
      continue;
    }
    int len = 0;
    const char32_t cp = DecodeUtf8At(line, i, len);
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F) {
      out.push_back(' ');
    } else if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD) {
      // dropped
    } else if (cp >= 0x80 && cp < 0xA0) {
      out.push_back(' ');  // C1 control characters
    } else if (len == 1) {
      AppendUtf8(kReplacement, out);  // a malformed byte
    } else {
      out.append(line, i, len);
    }
    i += len;
  }
  // Trailing spaces, tabs and ideographic spaces (E3 80 80).
  for (;;) {
    if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
      out.pop_back();
    } else if (out.size() >= 3 && out.compare(out.size() - 3, 3, "\xE3\x80\x80") == 0) {
      out.resize(out.size() - 3);
    } else {
      break;
    }
  }
  line = std::move(out);
}

bool HasText(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    if (line.find_first_not_of(" \t") != std::string::npos) return true;
  }
  return false;
}

bool IsWideCodePoint(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x2FFF) || (cp >= 0x3001 && cp <= 0x30FF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF01 && cp <= 0xFF60) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

std::string FormatSize(double bytes) {
  char buf[64];
  if (bytes >= 1024.0 * 1024.0) {
    const double mb = bytes / (1024.0 * 1024.0);
    if (mb == static_cast<double>(static_cast<long long>(mb))) {
      std::snprintf(buf, sizeof buf, "%lld MB", static_cast<long long>(mb));
    } else {
      std::snprintf(buf, sizeof buf, "%.1f MB", mb);
    }
  } else if (bytes >= 1024.0) {
    std::snprintf(buf, sizeof buf, "%.1f KB", bytes / 1024.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f 字节", bytes);
  }
  return buf;
}

std::string TooLargeMessage(double size, size_t max_bytes) {
  return "文件过大（" + FormatSize(size) + "），上限 " + FormatSize(static_cast<double>(max_bytes));
}

Status FileError(std::string_view source_name, std::string_view message) {
  std::string m(source_name);
  m += "：";
  m += message;
  return InvalidInput(std::move(m));
}

}  // namespace gongkai::check
