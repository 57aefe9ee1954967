#include "forms/printable.h"

#include "jp/unicode.h"

namespace madoguchi::forms {

bool is_forbidden_character(char32_t c) {
  if (c < 0x20) return c != U'\t' && c != U'\n' && c != U'\r';
  if (c >= 0x7F && c <= 0x9F) return true;
  if (c == 0x2028 || c == 0x2029) return true;
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return true;  // bidi controls
  if (c >= 0xFDD0 && c <= 0xFDEF) return true;
  if ((c & 0xFFFE) == 0xFFFE) return true;  // U+xFFFE, U+xFFFF
  return false;
}

std::string printable(std::string_view text, std::size_t max_chars) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (chars == max_chars) {
      out += "…";
      break;
    }
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    if (valid && length > 1) {
      auto decoded = jp::decode_utf8(text.substr(i, length), length);
      valid = decoded.ok();
      if (valid && is_forbidden_character(decoded.value()[0])) {
        out += "\\u{" + jp::code_point_label(decoded.value()[0]).substr(2) + "}";
        i += length;
        ++chars;
        continue;
      }
    }
    if (!valid) {
      out += "\\x";
      out += kHex[lead >> 4];
      out += kHex[lead & 0xF];
      ++i;
    } else if (length == 1 && (lead < 0x20 || lead == 0x7F)) {
      out += "\\u{";
      out += kHex[lead >> 4];
      out += kHex[lead & 0xF];
      out += "}";
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
    ++chars;
  }
  return out;
}

std::string shown(std::string_view text) { return "\"" + printable(text, 80) + "\""; }

}  // namespace madoguchi::forms
