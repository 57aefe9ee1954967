#include "applications/reference.h"

namespace madoguchi::applications {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kPrefix = "MDG";

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

int symbol_of(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

std::string make_reference(uint64_t random) {
  uint8_t symbols[8];
  for (int i = 0; i < 7; ++i) symbols[i] = static_cast<uint8_t>((random >> (5 * (6 - i))) & 31);
  symbols[7] = times_x(fold(symbols, 7));
  std::string out(kPrefix);
  for (int i = 0; i < 8; ++i) {
    if (i % 4 == 0) out.push_back('-');
    out.push_back(kAlphabet[symbols[i]]);
  }
  return out;
}

std::optional<std::string> parse_reference(std::string_view text) {
  std::string ascii;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // Full-width ASCII (U+FF01..U+FF5E) is EF BC 81..EF BD 9E in UTF-8.
    if (c == 0xEF && i + 2 < text.size()) {
      unsigned char b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
      unsigned code = 0xFF00 + ((b1 & 0x03u) << 6) + (b2 & 0x3Fu);
      if ((b1 == 0xBC || b1 == 0xBD) && code >= 0xFF01 && code <= 0xFF5E) {
        ascii.push_back(static_cast<char>(code - 0xFF01 + 0x21));
        i += 3;
        continue;
      }
    }
    // Hyphen-like marks and spaces separate groups and carry no meaning.
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
    ascii.push_back(static_cast<char>(c));
    ++i;
  }
  std::string compact;
  for (char c : ascii) {
    if (c == '-' || c == ' ' || c == '_') continue;
    compact.push_back(c);
  }
  if (compact.size() == 11) {
    std::string head = compact.substr(0, 3);
    for (auto& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (head != kPrefix) return std::nullopt;
    compact.erase(0, 3);
  }
  if (compact.size() != 8) return std::nullopt;
  uint8_t symbols[8];
  for (int i = 0; i < 8; ++i) {
    int s = symbol_of(compact[static_cast<size_t>(i)]);
    if (s < 0) return std::nullopt;
    symbols[i] = static_cast<uint8_t>(s);
  }
  if (fold(symbols, 8) != 0) return std::nullopt;
  std::string out(kPrefix);
  for (int i = 0; i < 8; ++i) {
    if (i % 4 == 0) out.push_back('-');
    out.push_back(kAlphabet[symbols[i]]);
  }
  return out;
}

}  // namespace madoguchi::applications
