// A city document-signing public key as a verification page publishes it and
// as DocumentVerifier trusts it: the key id, the algorithm and the raw 32-byte
// Ed25519 key in standard base64.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi::documents {

struct PublicKey {
  std::string key_id;                 // 16 hex digits: SHA-256(public key)[0..8)
  std::string algorithm = "Ed25519";
  std::string base64;
};

// The key id of a raw 32-byte Ed25519 public key.
std::string key_id_of(std::string_view raw_public_key);

// {"key_id":…,"algorithm":"Ed25519","public_key":…}
std::string to_json(const PublicKey& key);

}  // namespace madoguchi::documents
