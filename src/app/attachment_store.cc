#include "app/attachment_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/crypto.h"

namespace gongkai::app {
namespace {

bool IsHex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Status WriteAll(int fd, std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return StorageError(std::string("无法保存附件：") + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  (void)InitCrypto();
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

std::string AttachmentStore::PathOf(std::string_view sha256) const {
  return dir_ + "/" + std::string(sha256.substr(0, 2)) + "/" + std::string(sha256);
}

Result<std::string> AttachmentStore::Put(std::string_view bytes) const {
  const std::string sha = Sha256Hex(bytes);
  const std::string path = PathOf(sha);
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    // Same name, same content — unless the stored copy was damaged: then write it again.
    Result<std::string> existing = Read(sha);
    if (existing.ok()) return sha;
  }
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::filesystem::create_directories(parent, ec);
  if (ec)
    return StorageError("无法保存附件：无法创建目录 " + parent.string() + "：" + ec.message());
  std::string tmp = parent.string() + "/.tmp-" + RandomHex(8);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0640);
  if (fd < 0) return StorageError("无法保存附件：" + tmp + "：" + std::strerror(errno));
  Status st = WriteAll(fd, bytes);
  if (st.ok() && ::fsync(fd) != 0) {
    st = StorageError(std::string("无法保存附件：") + std::strerror(errno));
  }
  ::close(fd);
  if (!st.ok()) {
    ::unlink(tmp.c_str());
    return st;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return StorageError(std::string("无法保存附件：") + std::strerror(err));
  }
  if (const int dfd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return sha;
}

Result<std::string> AttachmentStore::Read(std::string_view sha256) const {
  if (!IsHex64(sha256)) return NotFound("附件文件缺失（散列值无效）");
  const std::string path = PathOf(sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("附件文件缺失：" + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  if (Sha256Hex(bytes) != sha256) {
    return StorageError("附件文件已损坏（内容与登记的 SHA-256 不符）：" + path);
  }
  return bytes;
}

}  // namespace gongkai::app
