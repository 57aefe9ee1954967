// RFC 2047 header text: Japanese (any non-ASCII) text becomes UTF-8
// B-encoded words of at most 75 characters, split only between characters
// and folded onto continuation lines, so no header line passes 78 octets.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi::notify {

// The body of an unstructured header (Subject) for well-formed UTF-8 text.
// `used` is how much of the first line the field name already takes
// ("Subject: " is 9). Printable ASCII that fits is kept as it is.
std::string encode_unstructured(std::string_view text, size_t used);

// A display name as a phrase for From or To: plain words as they are, other
// ASCII as a quoted-string, anything else as encoded-words.
std::string encode_phrase(std::string_view display_name);

}  // namespace madoguchi::notify
