// Standard base64 (RFC 4648 alphabet, with padding) as MIME uses it for
// encoded-words and for message bodies broken into 76-character lines.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi::notify {

// base64 of bytes on one line.
std::string base64_encode(std::string_view bytes);
// base64 of bytes in lines of at most 76 characters, each ending in CRLF.
std::string base64_lines(std::string_view bytes);

}  // namespace madoguchi::notify
