// Byte encodings used by signing and verification: Crockford base32 (upper
// case, no padding; decoding also accepts lower case and the look-alikes O, I,
// L), standard padded base64 and lower-case hex (both through libsodium).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::documents::signing {

// `bytes.size() * 8` must be a multiple of 5 (5, 10, 15 … bytes).
std::string crockford_encode(std::span<const unsigned char> bytes);
// Upper-cases and maps O→0, I/L→1; nullopt if any other character is outside the alphabet.
std::optional<std::string> crockford_normalise(std::string_view text);

std::string base64_encode(std::span<const unsigned char> bytes);
std::optional<std::vector<unsigned char>> base64_decode(std::string_view text);

std::string hex_encode(std::span<const unsigned char> bytes);

}  // namespace madoguchi::documents::signing
