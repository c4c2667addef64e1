// Form submissions: application/x-www-form-urlencoded and multipart/form-data bodies parsed
// into fields and files, every text value checked to be valid UTF-8 text (IsValidText).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "http/request.h"

namespace gongkai::http {

struct UploadedFile {
  std::string field;         // the form field's name
  std::string file_name;     // as the browser sent it (base name only; may be empty)
  std::string content_type;  // as declared by the browser: never trusted for the file's type
  std::string bytes;
};

struct Form {
  std::vector<std::pair<std::string, std::string>> fields;  // in order
  std::vector<UploadedFile> files;                          // parts with a filename

  // The first value of `name`, or "" if absent.
  const std::string& Get(std::string_view name) const;
  // True if `name` was sent (even empty).
  bool Has(std::string_view name) const;
  // Every value of `name` (checkboxes, repeated inputs), in order; empty values are kept.
  std::vector<std::string> GetAll(std::string_view name) const;
  // The first file of field `name` with a non-empty body, or nullptr.
  const UploadedFile* File(std::string_view name) const;
};

// Parses the body of a POST by its Content-Type. kInvalidInput "表单…" for an unsupported
// content type, a malformed body, bad UTF-8 in a field name or value, or more than
// `max_fields` fields.
Result<Form> ParseForm(const Request& request, size_t max_fields = 1000);

}  // namespace gongkai::http
