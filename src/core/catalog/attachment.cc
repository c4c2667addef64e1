#include "core/catalog/attachment.h"

#include <algorithm>
#include <cstring>

#include "core/application/applicant.h"

namespace gongkai {
namespace {

uint32_t Le32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
uint16_t Le16(std::string_view b, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) |
                               static_cast<unsigned char>(b[at + 1]) << 8);
}

std::string LowerExtension(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

// Which OOXML document a ZIP holds, from the names in its central directory: "docx", "xlsx",
// or "" (not OOXML, or not a readable ZIP).
std::string OoxmlKind(std::string_view b) {
  // End of central directory: 22 bytes + comment (≤ 65535), searched from the end.
  if (b.size() < 22) return "";
  const size_t lowest = b.size() > 22 + 65535 ? b.size() - 22 - 65535 : 0;
  size_t eocd = std::string_view::npos;
  for (size_t i = b.size() - 22 + 1; i-- > lowest;) {
    if (b.compare(i, 4, "PK\x05\x06") == 0) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string_view::npos) return "";
  const uint16_t entries = Le16(b, eocd + 10);
  const uint32_t cd_offset = Le32(b, eocd + 16);
  bool content_types = false, word = false, xl = false;
  size_t p = cd_offset;
  for (uint16_t n = 0; n < entries; ++n) {
    if (p + 46 > b.size() || b.compare(p, 4, "PK\x01\x02") != 0) return "";
    const uint16_t name_len = Le16(b, p + 28), extra = Le16(b, p + 30), comment = Le16(b, p + 32);
    if (p + 46 + name_len > b.size()) return "";
    const std::string_view name = b.substr(p + 46, name_len);
    if (name == "[Content_Types].xml") content_types = true;
    if (name.substr(0, 5) == "word/") word = true;
    if (name.substr(0, 3) == "xl/") xl = true;
    p += 46 + name_len + extra + comment;
  }
  if (!content_types) return "";
  if (word) return "docx";
  if (xl) return "xlsx";
  return "";
}

Status Unsupported(std::string_view file_name, std::string_view why) {
  return InvalidInput("不支持的附件类型：" + SanitizeFileName(file_name) + "（" + std::string(why) +
                      "；允许 PDF、Word、Excel、PNG、JPEG、GIF）");
}

}  // namespace

std::string_view ToCode(AttachmentOwner o) {
  return o == AttachmentOwner::kCatalogItem ? "catalog_item" : "application";
}

std::optional<AttachmentOwner> AttachmentOwnerFromCode(std::string_view code) {
  if (code == "catalog_item") return AttachmentOwner::kCatalogItem;
  if (code == "application") return AttachmentOwner::kApplication;
  return std::nullopt;
}

Result<SniffedType> SniffContentType(std::string_view b, std::string_view file_name) {
  if (b.empty()) return Unsupported(file_name, "文件为空");
  const auto starts = [&](std::string_view magic) { return b.substr(0, magic.size()) == magic; };
  if (starts("%PDF-")) return SniffedType{"application/pdf", "pdf", "PDF 文档"};
  if (starts("\x89PNG\r\n\x1a\n")) return SniffedType{"image/png", "png", "PNG 图片"};
  if (starts("\xFF\xD8\xFF")) return SniffedType{"image/jpeg", "jpg", "JPEG 图片"};
  if (starts("GIF87a") || starts("GIF89a")) return SniffedType{"image/gif", "gif", "GIF 图片"};
  if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    const std::string ext = LowerExtension(file_name);
    if (ext == "doc") return SniffedType{"application/msword", "doc", "Word 文档"};
    if (ext == "xls") return SniffedType{"application/vnd.ms-excel", "xls", "Excel 表格"};
    return Unsupported(file_name, "旧版 Office 文件只接受 .doc 或 .xls");
  }
  if (starts("PK\x03\x04")) {
    const std::string kind = OoxmlKind(b);
    if (kind == "docx") {
      return SniffedType{"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         "docx", "Word 文档"};
    }
    if (kind == "xlsx") {
      return SniffedType{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         "xlsx", "Excel 表格"};
    }
    return Unsupported(file_name, "压缩包不是 Word 或 Excel 文档");
  }
  return Unsupported(file_name, "无法从内容识别为允许的格式");
}

std::string SanitizeFileName(std::string_view name) {
  const size_t sep = name.find_last_of("/\\");
  if (sep != std::string_view::npos) name.remove_prefix(sep + 1);
  std::string out;
  for (char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '"' || c == '\'' || c == ';' || c == '<' || c == '>' ||
        c == ':' || c == '*' || c == '?' || c == '|') {
      continue;
    }
    out += c;
  }
  if (!IsWellFormedUtf8(out)) {
    std::string ascii;
    for (char c : out) {
      if (static_cast<unsigned char>(c) < 0x80) ascii += c;
    }
    out = ascii;
  }
  if (out.size() > 120) {
    size_t cut = 120;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  if (out.empty()) out = "附件";
  return out;
}

}  // namespace gongkai
