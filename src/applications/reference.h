// Reference numbers (受付番号): "MDG-" plus eight Crockford base32 characters,
// seven random and one check character, e.g. MDG-7K3Q-9XPD. The check uses
// the Damm scheme over GF(32), so every single mistyped character and every
// swap of two neighbours is caught. Parsing forgives case, width, hyphens and
// the confusable letters O/I/L.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::applications {

// A new reference from 35 random bits (the low 35 bits of `random`).
std::string make_reference(uint64_t random);
// The canonical form "MDG-XXXX-XXXX" if `text` is a well-formed reference with a
// valid check character, whatever its case, width or hyphenation.
std::optional<std::string> parse_reference(std::string_view text);

}  // namespace madoguchi::applications
