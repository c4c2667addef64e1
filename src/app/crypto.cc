#include "app/crypto.h"

#include <sodium.h>

#include <algorithm>

namespace gongkai::app {

static_assert(kPwhashOpsInteractive == crypto_pwhash_OPSLIMIT_INTERACTIVE);
static_assert(kPwhashMemInteractive == crypto_pwhash_MEMLIMIT_INTERACTIVE);
static_assert(kPwhashOpsMin == crypto_pwhash_OPSLIMIT_MIN);
static_assert(kPwhashMemMin == crypto_pwhash_MEMLIMIT_MIN);

namespace {

std::string ToHex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.resize(n * 2);
  return out;
}

}  // namespace

Status InitCrypto() {
  if (sodium_init() < 0) return Internal("无法初始化加密库 libsodium");
  return Status::Ok();
}

std::string RandomHex(size_t bytes) {
  (void)InitCrypto();
  std::string buf(bytes, '\0');
  randombytes_buf(buf.data(), bytes);
  return ToHex(reinterpret_cast<const unsigned char*>(buf.data()), bytes);
}

std::string RandomFromAlphabet(size_t length, std::string_view alphabet) {
  (void)InitCrypto();
  std::string out;
  out.reserve(length);
  for (size_t i = 0; i < length; ++i) {
    out += alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))];
  }
  return out;
}

std::string HashHex(std::string_view data) {
  (void)InitCrypto();
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), nullptr, 0);
  return ToHex(out, sizeof out);
}

std::string KeyedHashHex(std::string_view key, std::string_view data) {
  (void)InitCrypto();
  unsigned char out[32];
  const size_t key_len = std::min<size_t>(key.size(), crypto_generichash_KEYBYTES_MAX);
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), reinterpret_cast<const unsigned char*>(key.data()), key_len);
  return ToHex(out, sizeof out);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Result<std::string> HashPassword(std::string_view password, uint64_t opslimit, size_t memlimit) {
  GONGKAI_RETURN_IF_ERROR(InitCrypto());
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), opslimit, memlimit) != 0) {
    return Internal("计算密码散列时内存不足");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (!InitCrypto().ok()) return false;
  std::string h(hash);  // crypto_pwhash_str_verify needs a NUL-terminated string
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

}  // namespace gongkai::app
