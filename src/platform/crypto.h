// Crypto helpers on libsodium: random tokens, hashes, argon2id passwords,
// keyed MACs, authenticated encryption of personal data, and key files kept
// with 0600 permissions (open ones are refused). Call crypto::init() once
// before anything else.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::platform::crypto {

void init();

// n random bytes.
std::vector<uint8_t> random_bytes(size_t n);
// A URL-safe random token of `bytes` bytes of entropy (base64url, no padding).
std::string random_token(size_t bytes = 32);
uint32_t random_uniform(uint32_t upper_bound);

std::string sha256_hex(std::string_view data);
std::array<uint8_t, 32> sha256(std::string_view data);
std::string to_hex(const uint8_t* data, size_t size);
std::string base64url(const uint8_t* data, size_t size);
// Decodes base64url without padding; false on malformed input.
bool from_base64url(std::string_view text, std::vector<uint8_t>& out);
bool constant_time_equal(std::string_view a, std::string_view b);

// argon2id (libsodium's interactive limits). The hash string embeds its salt
// and parameters.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
bool password_needs_rehash(std::string_view hash);
// Spends the time of one verify_password on `password` against a hash of
// nothing: called for an unknown account, so that the answer's timing does
// not tell whether the account exists. The hash is made on first use.
void verify_password_of_no_account(std::string_view password);
// How many password hashes this process has checked (both functions above
// count): sign-in paths use it to show they do the same work whatever the
// outcome.
uint64_t password_verifications();

// A 32-byte secret read from `path`, created with 0600 permissions (in a
// folder created 0700) if missing. Throws, saying how to fix it, if the file
// may be read by group or others.
std::vector<uint8_t> load_or_create_key(const std::filesystem::path& path, size_t size = 32);

// HMAC-SHA-512/256 of data under key, base64url.
std::string mac(const std::vector<uint8_t>& key, std::string_view data);
bool verify_mac(const std::vector<uint8_t>& key, std::string_view data, std::string_view tag);

// Authenticated encryption (XSalsa20-Poly1305) for personal data at rest,
// such as the individual number. Output: base64url(nonce || ciphertext).
class SecretBox {
 public:
  explicit SecretBox(std::vector<uint8_t> key);
  std::string seal(std::string_view plaintext) const;
  // Throws std::runtime_error if the text was altered or the key is wrong.
  std::string open(std::string_view sealed) const;

 private:
  std::vector<uint8_t> key_;
};

}  // namespace madoguchi::platform::crypto
