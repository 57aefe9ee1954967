// Status codes (確認コード): the secret that, with the reference, opens an
// application's status without an account — shown once on the receipt, sent
// in the confirmation mail, and the API's status_secret. Sixteen Crockford
// base32 characters (80 random bits) in groups of four, e.g.
// 7K3Q-9XPD-M2TA-4BCE: typed easily, guessed never. Parsing forgives case,
// width, hyphens and spaces and the confusable letters O/I/L.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace madoguchi::applications {

// A new code from the first 10 bytes of `random`.
std::string make_status_code(std::span<const uint8_t> random);
// The canonical form of a typed status code, or nothing if it is not one.
std::optional<std::string> parse_status_code(std::string_view text);

}  // namespace madoguchi::applications
