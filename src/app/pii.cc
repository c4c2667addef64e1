#include "app/pii.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/crypto.h"

namespace gongkai::app {
namespace {

std::string ToBase64(const unsigned char* data, size_t n) {
  const size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
  std::string out(len, '\0');
  sodium_bin2base64(out.data(), len, data, n, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool FromBase64(const std::string& text, std::string& out) {
  out.assign(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return false;
  }
  out.resize(len);
  return true;
}

Status Undecryptable() { return StorageError("申请人信息无法解密（密钥不符或数据损坏）"); }

}  // namespace

Result<PiiCipher> PiiCipher::OpenKeyFile(const std::string& path) {
  GONGKAI_RETURN_IF_ERROR(InitCrypto());
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    std::string key(crypto_secretbox_KEYBYTES, '\0');
    crypto_secretbox_keygen(reinterpret_cast<unsigned char*>(key.data()));
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
      if (errno != EEXIST) {
        return StorageError("无法创建密钥文件 " + path + "：" + std::strerror(errno));
      }
      // Another process created it first: read theirs below.
    } else {
      const bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) &&
                      ::fsync(fd) == 0;
      ::close(fd);
      sodium_memzero(key.data(), key.size());
      if (!ok) {
        std::filesystem::remove(path, ec);
        return StorageError("无法写入密钥文件 " + path);
      }
    }
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return StorageError("无法读取密钥文件 " + path + "：" + std::strerror(errno));
  }
  if ((st.st_mode & 077) != 0) {
    return InvalidInput("密钥文件 " + path + " 的权限过宽（应为 600，执行 chmod 600 " + path +
                        "）");
  }
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return StorageError("无法读取密钥文件 " + path + "：" + std::strerror(errno));
  std::string key(crypto_secretbox_KEYBYTES + 1, '\0');
  const ssize_t n = ::read(fd, key.data(), key.size());
  ::close(fd);
  if (n != static_cast<ssize_t>(crypto_secretbox_KEYBYTES)) {
    return InvalidInput("密钥文件 " + path + " 应恰好为 32 字节");
  }
  key.resize(crypto_secretbox_KEYBYTES);
  return PiiCipher(std::move(key));
}

PiiCipher PiiCipher::FromKey(std::string key) {
  (void)InitCrypto();
  return PiiCipher(std::move(key));
}

Result<SealedPii> PiiCipher::Seal(const ApplicantDetails& d) const {
  nlohmann::json j = {{"v", 1},
                      {"name", d.name},
                      {"id_type", std::string(ToCode(d.id_type))},
                      {"id_number", d.id_number},
                      {"legal_representative", d.legal_representative},
                      {"phone", d.phone},
                      {"email", d.email},
                      {"address", d.address},
                      {"postal_code", d.postal_code}};
  const std::string plain = j.dump();
  unsigned char nonce[crypto_secretbox_NONCEBYTES];
  randombytes_buf(nonce, sizeof nonce);
  std::string cipher(plain.size() + crypto_secretbox_MACBYTES, '\0');
  crypto_secretbox_easy(reinterpret_cast<unsigned char*>(cipher.data()),
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), nonce,
                        reinterpret_cast<const unsigned char*>(key_.data()));
  return SealedPii{ToBase64(nonce, sizeof nonce),
                   ToBase64(reinterpret_cast<const unsigned char*>(cipher.data()), cipher.size())};
}

Result<ApplicantDetails> PiiCipher::Open(const SealedPii& sealed) const {
  std::string nonce, cipher;
  if (!FromBase64(sealed.nonce, nonce) || !FromBase64(sealed.ciphertext, cipher) ||
      nonce.size() != crypto_secretbox_NONCEBYTES || cipher.size() < crypto_secretbox_MACBYTES) {
    return Undecryptable();
  }
  std::string plain(cipher.size() - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 reinterpret_cast<const unsigned char*>(cipher.data()),
                                 cipher.size(),
                                 reinterpret_cast<const unsigned char*>(nonce.data()),
                                 reinterpret_cast<const unsigned char*>(key_.data())) != 0) {
    return Undecryptable();
  }
  const nlohmann::json j = nlohmann::json::parse(plain, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Undecryptable();
  ApplicantDetails d;
  d.name = j.value("name", "");
  d.id_type =
      IdDocumentTypeFromCode(j.value("id_type", "")).value_or(IdDocumentType::kOtherPersonal);
  d.id_number = j.value("id_number", "");
  d.legal_representative = j.value("legal_representative", "");
  d.phone = j.value("phone", "");
  d.email = j.value("email", "");
  d.address = j.value("address", "");
  d.postal_code = j.value("postal_code", "");
  return d;
}

std::string PiiCipher::Derive(std::string_view purpose, std::string_view data) const {
  const std::string subkey =
      KeyedHashHex(key_, std::string("gongkai-derive:") + std::string(purpose));
  return KeyedHashHex(subkey, data);
}

}  // namespace gongkai::app
