// The few cryptographic primitives the use cases need, over libsodium: random tokens and codes,
// token hashes, constant-time comparison, argon2id password hashes. Callers never include
// sodium.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai::app {

// Initialises libsodium once (thread-safe, idempotent). kInternal if it cannot start.
Status InitCrypto();

// `bytes` random bytes as lower-case hex.
std::string RandomHex(size_t bytes);
// `length` characters drawn uniformly from `alphabet` (at most 256 characters).
std::string RandomFromAlphabet(size_t length, std::string_view alphabet);

// Hex BLAKE2b-256 of `data` (session tokens, tracking secrets: high-entropy values, so a fast
// hash suffices; passwords use HashPassword).
std::string HashHex(std::string_view data);
// Hex BLAKE2b-256 of `data` keyed with `key` (≤ 64 bytes used).
std::string KeyedHashHex(std::string_view key, std::string_view data);
// True if equal; the time taken depends only on the lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// argon2id (crypto_pwhash_str). Production limits are OPSLIMIT_INTERACTIVE (2) and
// MEMLIMIT_INTERACTIVE (64 MiB); tests pass the minimum. kInternal if out of memory.
Result<std::string> HashPassword(std::string_view password, uint64_t opslimit, size_t memlimit);
// True if `password` matches `hash` (false for a malformed hash).
bool VerifyPassword(std::string_view hash, std::string_view password);

inline constexpr uint64_t kPwhashOpsInteractive = 2;
inline constexpr size_t kPwhashMemInteractive = 67108864;
inline constexpr uint64_t kPwhashOpsMin = 1;
inline constexpr size_t kPwhashMemMin = 8192;

}  // namespace gongkai::app
