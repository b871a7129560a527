#include "service/password.h"

#include <sodium.h>

#include "storage/hash_chain.h"

namespace reunite::service {
namespace {

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

}  // namespace

Status CheckPasswordRules(std::string_view password) {
  if (password.size() < 12) return InvalidArgument("password: at least 12 characters");
  if (password.size() > 1024) return InvalidArgument("password: at most 1024 bytes");
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost) {
  if (!SodiumReady()) return Internal("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops_limit, cost.mem_limit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Internal("password hashing failed (out of memory?)");
  }
  return std::string(out);
}

bool VerifyPassword(const std::string& stored, std::string_view password) {
  if (!SodiumReady() || stored.empty()) return false;
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

std::string RandomToken() {
  SodiumReady();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes, sizeof bytes);
  return out;
}

std::string TokenHash(std::string_view token) { return storage::Sha256Hex(token); }

}  // namespace reunite::service
