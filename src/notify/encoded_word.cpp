#include "notify/encoded_word.h"

#include <algorithm>

#include "jp/unicode.h"
#include "notify/base64.h"

namespace madoguchi::notify {

namespace {

// 39 bytes of UTF-8 are 52 characters of base64; with "=?UTF-8?B?" and "?="
// a word is 64 characters, so "Subject: " plus one word stays within 78.
constexpr size_t max_bytes_per_word = 39;
constexpr size_t max_line = 78;

bool printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

bool is_atext_or_space(char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ') return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

std::string encoded_words(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = i;
    while (end < text.size()) {
      size_t n = jp::utf8_sequence_length(static_cast<unsigned char>(text[end]));
      if (end + n - i > max_bytes_per_word) break;
      end += n;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64_encode(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

}  // namespace

std::string encode_unstructured(std::string_view text, size_t used) {
  bool plain = printable_ascii(text) && used + text.size() <= max_line && text.find("=?") == std::string_view::npos;
  return plain ? std::string(text) : encoded_words(text);
}

std::string encode_phrase(std::string_view display_name) {
  if (!printable_ascii(display_name)) return encoded_words(display_name);
  bool atoms = !display_name.empty() && display_name.front() != ' ' && display_name.back() != ' ' &&
               display_name.find("=?") == std::string_view::npos &&
               std::all_of(display_name.begin(), display_name.end(), is_atext_or_space);
  if (atoms) return std::string(display_name);
  std::string quoted = "\"";
  for (char c : display_name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace madoguchi::notify
