// The one strict UTF-8 codec of madoguchi: decoding untrusted input (overlong forms, surrogates,
// truncated sequences and oversized strings are refused with the byte position), validating and
// counting, encoding, and the small code-point helpers every module shares. Pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "jp/parsed.h"

namespace madoguchi::jp {

// Decodes `text`; refuses it when longer than `max_bytes` ("too_long"), when a byte sequence is
// not UTF-8 ("invalid_utf8"), or when it encodes a surrogate half ("surrogate_code_point").
Parsed<std::u32string> decode_utf8(std::string_view text, std::size_t max_bytes);

// The errors decode_utf8 gives, for code that decodes on its own.
Error invalid_utf8_error(std::size_t byte_index);
Error surrogate_error(char32_t code_point, std::size_t byte_index);

// Returned by next_code_point for malformed input (above U+10FFFF, so never a character).
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// The general case of next_code_point, out of line (errors, 2- and 4-byte forms, E0 and ED).
char32_t next_code_point_slow(std::string_view text, std::size_t& index, std::optional<Error>& error);

// Decodes the code point at `index`, advancing `index`; on malformed input returns
// kInvalidCodePoint and sets `error` to what decode_utf8 would have said. ASCII and the 3-byte
// forms that cannot be overlong or surrogates (kana, kanji, full-width forms) stay inline.
inline char32_t next_code_point(std::string_view text, std::size_t& index, std::optional<Error>& error) {
  const auto lead = static_cast<unsigned char>(text[index]);
  if (lead < 0x80) {
    ++index;
    return lead;
  }
  if (((lead >= 0xE1 && lead <= 0xEC) || lead >= 0xEE) && lead <= 0xEF && index + 2 < text.size()) {
    const auto b1 = static_cast<unsigned char>(text[index + 1]);
    const auto b2 = static_cast<unsigned char>(text[index + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      index += 3;
      return (static_cast<char32_t>(lead & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
    }
  }
  return next_code_point_slow(text, index, error);
}

// Decodes the code point at `index` and advances past it; nothing (and `index` unchanged) when
// the bytes there are not strict UTF-8. For code that walks text and says its own error.
inline std::optional<char32_t> decode_at(std::string_view text, std::size_t& index) {
  std::optional<Error> error;
  std::size_t at = index;
  const char32_t cp = next_code_point(text, at, error);
  if (cp == kInvalidCodePoint) return std::nullopt;
  index = at;
  return cp;
}

// True when `text` is strict UTF-8 (what decode_utf8 accepts, at any length).
bool is_valid_utf8(std::string_view text);

// The number of code points in valid UTF-8 text.
std::size_t count_code_points(std::string_view text);

// The length in bytes of the sequence a lead byte starts (1 for a stray byte), so text can be
// cut between characters.
std::size_t utf8_sequence_length(unsigned char lead);

// Writes `code_point` as UTF-8 at `out` (room for 4 bytes), advancing it.
inline void put_utf8(char*& out, char32_t cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
}

inline void append_utf8(std::string& out, char32_t code_point) {
  char buffer[4];
  char* end = buffer;
  put_utf8(end, code_point);
  out.append(buffer, end);
}
std::string encode_utf8(std::u32string_view text);

// "U+5C71" (upper-case hex, at least four digits).
std::string code_point_label(char32_t code_point);

// "「山」(U+5C71)"; characters that would not show (controls, combining marks, spaces,
// variation selectors) are given by their code point only.
std::string describe_character(char32_t code_point);

bool is_combining_mark(char32_t code_point);

inline bool is_horizontal_space(char32_t cp) {
  return cp == 0x20 || cp == 0x09 || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F;
}

// Maps full-width ASCII (U+FF01..U+FF5E) to ASCII and U+3000 to U+0020; other code points are
// returned unchanged.
inline char32_t fold_fullwidth_ascii(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFF01 + 0x21;
  if (cp == 0x3000) return 0x20;
  return cp;
}

// The "too_long" error used by every parser, stating the limit in bytes.
Error too_long_error(std::string_view what_ja, std::string_view what_en, std::size_t max_bytes);

// The "empty" error used by every parser.
Error empty_error(std::string_view what_ja, std::string_view what_en);

}  // namespace madoguchi::jp
