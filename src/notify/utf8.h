// UTF-8 helpers for mail text: whether bytes are well-formed UTF-8, how many
// code points they hold, and where a character starts, so text is never cut
// inside a character.
#pragma once

#include <cstddef>
#include <string_view>

namespace madoguchi::notify::utf8 {

// True if text is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid(std::string_view text);
// Code points in well-formed text.
size_t length(std::string_view text);
// The length of the character whose first byte is `lead` (1 for a stray byte).
size_t sequence_length(unsigned char lead);

}  // namespace madoguchi::notify::utf8
