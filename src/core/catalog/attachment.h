// Attachments (附件) of catalog items and of answers: the metadata the database keeps (the bytes
// live on disk by hash, app/attachment_store.h) and the content check every upload passes —
// the type is determined from the bytes (magic numbers), never from the name or the browser.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/timestamp.h"

namespace gongkai {

// What an attachment belongs to.
enum class AttachmentOwner { kCatalogItem, kApplication };  // "catalog_item", "application"
std::string_view ToCode(AttachmentOwner o);
std::optional<AttachmentOwner> AttachmentOwnerFromCode(std::string_view code);

struct Attachment {
  int64_t id = 0;
  int64_t agency_id = 0;
  AttachmentOwner owner = AttachmentOwner::kCatalogItem;
  int64_t owner_id = 0;
  std::string file_name;     // as uploaded (sanitised), for display and Content-Disposition
  std::string content_type;  // from SniffContentType, e.g. "application/pdf"
  int64_t size = 0;          // bytes
  std::string sha256;        // lower-case hex; also the file's name on disk
  std::string actor;
  Timestamp created_at;
};

struct SniffedType {
  std::string
      content_type;  // e.g.
                     // "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  std::string extension;  // canonical, e.g. "docx"
  std::string label;      // e.g. "Word 文档"
};

// Determines the type of an upload from its bytes: PDF (%PDF-), PNG, JPEG, GIF, the OLE2
// compound file of DOC/XLS (told apart by the name's extension, which must be .doc or .xls),
// and ZIP files that are OOXML documents (a [Content_Types].xml entry plus word/ → DOCX,
// xl/ → XLSX). Anything else — HTML, scripts, executables, plain ZIP, empty — is kInvalidInput
// "不支持的附件类型…", naming the file.
Result<SniffedType> SniffContentType(std::string_view bytes, std::string_view file_name);

// A file name safe to show and to put in a header: the last path component, control
// characters, quotes and separators removed, at most 120 bytes on a UTF-8 boundary; "附件" if
// nothing is left.
std::string SanitizeFileName(std::string_view name);

}  // namespace gongkai
