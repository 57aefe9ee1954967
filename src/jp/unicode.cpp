#include "jp/unicode.h"

#include <cstdio>

namespace madoguchi::jp {

Error invalid_utf8_error(std::size_t byte_index) {
  const std::string position = std::to_string(byte_index + 1);
  return make_error("invalid_utf8",
                    "文字コードがUTF-8として正しくありません（" + position + "バイト目）。",
                    "The text is not valid UTF-8 (at byte " + position + ").");
}

Error surrogate_error(char32_t cp, std::size_t byte_index) {
  const std::string position = std::to_string(byte_index + 1);
  return make_error("surrogate_code_point",
                    "サロゲート（" + code_point_label(cp) + "）は文字として使えません（" + position + "バイト目）。",
                    "A surrogate half (" + code_point_label(cp) + ") is not a character (at byte " + position + ").");
}

char32_t next_code_point_slow(std::string_view text, std::size_t& index, std::optional<Error>& error) {
  const auto lead = static_cast<unsigned char>(text[index]);
  if (lead < 0x80) {
    ++index;
    return lead;
  }
  std::size_t length = 0;
  char32_t cp = 0, minimum = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, cp = lead & 0x1F, minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, cp = lead & 0x0F, minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, cp = lead & 0x07, minimum = 0x10000;
  } else {
    error = invalid_utf8_error(index);
    return kInvalidCodePoint;
  }
  if (index + length > text.size()) {
    error = invalid_utf8_error(index);
    return kInvalidCodePoint;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[index + k]);
    if ((next & 0xC0) != 0x80) {
      error = invalid_utf8_error(index + k);
      return kInvalidCodePoint;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < minimum || cp > 0x10FFFF) {
    error = invalid_utf8_error(index);
    return kInvalidCodePoint;
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) {
    error = surrogate_error(cp, index);
    return kInvalidCodePoint;
  }
  index += length;
  return cp;
}

Parsed<std::u32string> decode_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes) return too_long_error("入力", "The input", max_bytes);
  std::u32string out;
  out.reserve(text.size());
  std::optional<Error> error;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i, error);
    if (cp == kInvalidCodePoint) return *error;
    out.push_back(cp);
  }
  return out;
}

bool is_valid_utf8(std::string_view text) {
  std::optional<Error> error;
  for (std::size_t i = 0; i < text.size();) {
    if (next_code_point(text, i, error) == kInvalidCodePoint) return false;
  }
  return true;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 1;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t cp : text) append_utf8(out, cp);
  return out;
}

std::string code_point_label(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

bool is_combining_mark(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x3099 || cp == 0x309A;
}

std::string describe_character(char32_t cp) {
  const bool invisible = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
                         is_combining_mark(cp) || is_horizontal_space(cp) ||
                         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
                         (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF;
  if (invisible) return code_point_label(cp);
  std::string out = "「";
  append_utf8(out, cp);
  out += "」(" + code_point_label(cp) + ")";
  return out;
}

Error too_long_error(std::string_view what_ja, std::string_view what_en, std::size_t max_bytes) {
  const std::string limit = std::to_string(max_bytes);
  return make_error("too_long",
                    std::string(what_ja) + "が長すぎます（最大" + limit + "バイト）。",
                    std::string(what_en) + " is too long (at most " + limit + " bytes).");
}

Error empty_error(std::string_view what_ja, std::string_view what_en) {
  return make_error("empty", std::string(what_ja) + "が入力されていません。",
                    std::string(what_en) + " is empty.");
}

}  // namespace madoguchi::jp
