#include "documents/public_key.h"

#include <array>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "documents/signing/encoding.h"

namespace madoguchi::documents {

std::string key_id_of(std::string_view raw_public_key) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(raw_public_key.data()),
                     raw_public_key.size());
  return signing::hex_encode(std::span<const unsigned char>(digest.data(), 8));
}

std::string to_json(const PublicKey& key) {
  return nlohmann::json{{"key_id", key.key_id}, {"algorithm", key.algorithm}, {"public_key", key.base64}}.dump();
}

}  // namespace madoguchi::documents
