// The code a document carries in its QR URL, "<document id>.<tag>", e.g.
// https://city.example/verify/7K3Q9XPDA2M4R8TV.B6WZ1H0C5N3J7Y2E. The document id
// is 80 random bits, the tag 80 bits of a keyed BLAKE2b over the id under a key
// derived from the city's signing key (DocumentSigner::verification_code), so a
// made-up id or tag is refused before any lookup. Both are 16 Crockford base32
// characters; typed codes may use lower case and O/I/L for 0/1/1.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::documents {

inline constexpr std::size_t code_part_length = 16;

std::string new_document_id();
bool is_document_id(std::string_view text);

struct VerificationCode {
  std::string document_id;  // normalised: upper case, canonical digits
  std::string tag;
};

// nullopt unless the text is exactly "<16 chars>.<16 chars>" in Crockford base32.
std::optional<VerificationCode> parse_verification_code(std::string_view text);

// base_url + "/verify/" + code. The base must be http(s)://host[:port][/path] with no
// query or fragment; a trailing slash is dropped. Throws DocumentError(invalid_input).
std::string verification_url(std::string_view base_url, std::string_view code);

}  // namespace madoguchi::documents
