#include "applications/crockford.h"

namespace madoguchi::applications::crockford {

namespace {

// Multiplication by x in GF(32) modulo x^5 + x^2 + 1.
uint8_t times_x(uint8_t v) {
  v = static_cast<uint8_t>(v << 1);
  if (v & 0x20) v ^= 0x25;
  return v;
}

// Damm: fold with x∘y = x·a + y (a = x in GF(32)); valid when the fold is 0.
uint8_t fold(const uint8_t* symbols, size_t n) {
  uint8_t interim = 0;
  for (size_t i = 0; i < n; ++i) interim = static_cast<uint8_t>(times_x(interim) ^ symbols[i]);
  return interim;
}

}  // namespace

int symbol_of(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

uint8_t check_symbol(const uint8_t* symbols, size_t n) { return times_x(fold(symbols, n)); }

bool check_ok(const uint8_t* symbols, size_t n) { return fold(symbols, n) == 0; }

std::optional<std::string> compact_ascii(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // Full-width ASCII (U+FF01..U+FF5E) is EF BC 81..EF BD 9E in UTF-8.
    if (c == 0xEF && i + 2 < text.size()) {
      unsigned char b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
      unsigned code = 0xFF00 + ((b1 & 0x03u) << 6) + (b2 & 0x3Fu);
      if ((b1 == 0xBC || b1 == 0xBD) && code >= 0xFF01 && code <= 0xFF5E) {
        char ascii = static_cast<char>(code - 0xFF01 + 0x21);
        if (ascii != '-') out.push_back(ascii);
        i += 3;
        continue;
      }
    }
    // Hyphen-like marks (U+2010..U+2015 and the like) and the ideographic space carry no meaning.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      i += 3;
      continue;
    }
    if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x80) {
      i += 3;
      continue;
    }
    if (c >= 0x80) return std::nullopt;
    if (c != '-' && c != ' ' && c != '_' && c != '\t' && c != '\r' && c != '\n') out.push_back(static_cast<char>(c));
    ++i;
  }
  return out;
}

std::string grouped(std::string_view symbols) {
  std::string out;
  for (size_t i = 0; i < symbols.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(symbols[i]);
  }
  return out;
}

std::optional<std::string> parse_grouped(std::string_view text, size_t count) {
  if (text.size() > 100) return std::nullopt;
  auto ascii = compact_ascii(text);
  if (!ascii) return std::nullopt;
  std::string symbols;
  for (char c : *ascii) {
    int s = symbol_of(c);
    if (s < 0) return std::nullopt;
    symbols.push_back(kAlphabet[static_cast<size_t>(s)]);
  }
  if (symbols.size() != count) return std::nullopt;
  return grouped(symbols);
}

}  // namespace madoguchi::applications::crockford
