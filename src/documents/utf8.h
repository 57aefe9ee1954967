// Strict UTF-8 decoding and encoding for documents/: decode_utf8 refuses
// overlong forms, surrogates and code points above U+10FFFF.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::documents {

struct DecodedChar {
  char32_t code_point;
  std::size_t length;  // bytes consumed
};

// Decodes the code point starting at text[pos]; nullopt if the bytes there are not valid UTF-8.
std::optional<DecodedChar> decode_utf8(std::string_view text, std::size_t pos);

void append_utf8(std::string& out, char32_t code_point);

// "U+20BB7"
std::string code_point_label(char32_t code_point);

}  // namespace madoguchi::documents
