// Passwords: hashed with Argon2id (libsodium crypto_pwhash_str with
// crypto_pwhash_ALG_ARGON2ID13); the stored string carries its own salt and
// cost, so a later change of PasswordCost applies to new hashes only.
// Thread-safety: thread-safe.
#ifndef REUNITE_SERVICE_PASSWORD_H_
#define REUNITE_SERVICE_PASSWORD_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "reunite/status.h"

namespace reunite::service {

struct PasswordCost {
  // libsodium's "interactive" limits: about 0.1 s and 64 MiB per hash on a
  // laptop. Raise for offline-attack resistance, at login latency's cost.
  unsigned long long ops_limit = 2;     // crypto_pwhash_OPSLIMIT_INTERACTIVE
  size_t mem_limit = 64 * 1024 * 1024;  // crypto_pwhash_MEMLIMIT_INTERACTIVE
};

// Length rules (12 to 1024 bytes): kInvalidArgument saying which.
Status CheckPasswordRules(std::string_view password);
// The "$argon2id$..." string to store; kInternal if libsodium fails (out of memory).
Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost = {});
// True when `password` matches `stored` (constant-time in libsodium).
bool VerifyPassword(const std::string& stored, std::string_view password);

// 32 random bytes (libsodium randombytes) as 43 base64url characters.
std::string RandomToken();
// SHA-256 (hex) of a token: what is stored in place of the token.
std::string TokenHash(std::string_view token);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_PASSWORD_H_
