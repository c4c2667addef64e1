// Encryption of applicant data at rest (DESIGN.md "crypto"): libsodium secretbox
// (XSalsa20-Poly1305) with a 32-byte key kept in a key file outside the database. The database
// holds only the nonce and the ciphertext (base64); losing the key file makes the applicant
// data unreadable, so back it up apart from the database.
#pragma once

#include <string>
#include <string_view>

#include "core/application/applicant.h"
#include "core/case_file.h"
#include "core/status.h"

namespace gongkai::app {

class PiiCipher {
 public:
  // Reads the 32-byte key from `path` (raw bytes). If the file does not exist, creates it —
  // and its directory — with permissions 0600 holding a fresh random key. Errors: kStorage
  // "无法读取/创建密钥文件 PATH：…", kInvalidInput if the file is not exactly 32 bytes, or is
  // readable by group or others ("密钥文件 PATH 的权限过宽（应为 600）").
  static Result<PiiCipher> OpenKeyFile(const std::string& path);
  // A cipher over a key given in memory (tests). REQUIRES: key.size() == 32.
  static PiiCipher FromKey(std::string key);

  // Encrypts the details (serialised as JSON) under a fresh random nonce.
  Result<SealedPii> Seal(const ApplicantDetails& details) const;
  // Decrypts; kStorage "申请人信息无法解密（密钥不符或数据损坏）" if the key is wrong or the
  // data was altered.
  Result<ApplicantDetails> Open(const SealedPii& sealed) const;

  // A keyed hash of `data` under a key derived from this one (for values that must be
  // reproducible by the server only, e.g. the secret of a replayed submission).
  std::string Derive(std::string_view purpose, std::string_view data) const;

 private:
  explicit PiiCipher(std::string key) : key_(std::move(key)) {}
  std::string key_;
};

}  // namespace gongkai::app
