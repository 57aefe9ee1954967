// Strict UTF-8 decoding for untrusted input (overlong forms, surrogates, truncated sequences and
// oversized strings are refused with the byte position), UTF-8 encoding, and the small
// code-point helpers the rest of jp shares. Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "jp/parsed.h"

namespace madoguchi::jp {

// Decodes `text`; refuses it when longer than `max_bytes` ("too_long"), when a byte sequence is
// not UTF-8 ("invalid_utf8"), or when it encodes a surrogate half ("surrogate_code_point").
Parsed<std::u32string> decode_utf8(std::string_view text, std::size_t max_bytes);

void append_utf8(std::string& out, char32_t code_point);
std::string encode_utf8(std::u32string_view text);

// "U+5C71" (upper-case hex, at least four digits).
std::string code_point_label(char32_t code_point);

// "「山」(U+5C71)"; characters that would not show (controls, combining marks, spaces,
// variation selectors) are given by their code point only.
std::string describe_character(char32_t code_point);

bool is_combining_mark(char32_t code_point);
bool is_horizontal_space(char32_t code_point);

// Maps full-width ASCII (U+FF01..U+FF5E) to ASCII and U+3000 to U+0020; other code points are
// returned unchanged.
char32_t fold_fullwidth_ascii(char32_t code_point);

// The "too_long" error used by every parser, stating the limit in bytes.
Error too_long_error(std::string_view what_ja, std::string_view what_en, std::size_t max_bytes);

// The "empty" error used by every parser.
Error empty_error(std::string_view what_ja, std::string_view what_en);

}  // namespace madoguchi::jp
