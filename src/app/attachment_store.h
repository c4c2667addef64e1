// The bytes of attachments, on disk under a configured directory, named by their SHA-256:
// <dir>/<first two hex digits>/<sha256>. Written to a temporary file, fsync'ed and renamed, so a
// crash never leaves a half-written file under the final name; every read checks the hash, so
// a missing or corrupt file is reported, never served.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai::app {

class AttachmentStore {
 public:
  explicit AttachmentStore(std::string dir) : dir_(std::move(dir)) {}

  // Stores `bytes` (idempotent: the same content is stored once) and returns its lower-case hex
  // SHA-256. kStorage "无法保存附件：…" if the directory cannot be written (e.g. disk full);
  // nothing is left under the final name then.
  Result<std::string> Put(std::string_view bytes) const;
  // Reads the file of `sha256`. kNotFound "附件文件缺失…" if absent; kStorage "附件文件已损坏…"
  // if its content no longer hashes to `sha256`.
  Result<std::string> Read(std::string_view sha256) const;
  // The path a hash is stored at.
  std::string PathOf(std::string_view sha256) const;

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace gongkai::app
