// The files under web/static/, read into memory once at start and served under /static/ with
// their content type, an ETag and Cache-Control. Only files found at start are served, so no
// request path can reach outside the directory.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai::http {

struct StaticFile {
  std::string content_type;
  std::string body;
  std::string etag;  // "\"<16 hex digits>\"", a hash of the body
};

class StaticFiles {
 public:
  // Loads every regular file under `dir` (hidden files skipped; at most 16 MiB in all).
  // kNotFound if `dir` does not exist; kInvalidInput if the files are too large.
  static Result<std::shared_ptr<const StaticFiles>> Load(const std::string& dir);

  // The file at `path` relative to the directory ("css/site.css"), or nullptr.
  const StaticFile* Find(std::string_view path) const;

 private:
  std::map<std::string, StaticFile, std::less<>> files_;
};

// The Content-Type for a file name by its extension ("application/octet-stream" if unknown).
std::string ContentTypeFor(std::string_view file_name);

// A stable 64-bit FNV-1a hash of `data` as 16 hex digits (ETags, cache-busting versions).
std::string HashHex(std::string_view data);

}  // namespace gongkai::http
