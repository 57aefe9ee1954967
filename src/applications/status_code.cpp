#include "applications/status_code.h"

#include "jp/kana.h"

namespace madoguchi::applications {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr size_t kSymbols = 16;

int symbol_of(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

std::string grouped(const std::string& symbols) {
  std::string out;
  for (size_t i = 0; i < symbols.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(symbols[i]);
  }
  return out;
}

}  // namespace

std::string make_status_code(std::span<const uint8_t> random) {
  std::string symbols;
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < random.size() && symbols.size() < kSymbols; ++i) {
    buffer = ((buffer << 8) | random[i]) & 0xFFFF;
    bits += 8;
    while (bits >= 5 && symbols.size() < kSymbols) {
      symbols.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  return grouped(symbols);
}

std::optional<std::string> parse_status_code(std::string_view text) {
  if (text.size() > 100) return std::nullopt;
  auto ascii = jp::normalize_width(text);
  if (!ascii.ok()) return std::nullopt;
  std::string symbols;
  for (char c : ascii.value()) {
    if (c == '-' || c == ' ' || c == '_') continue;
    int s = symbol_of(c);
    if (s < 0) return std::nullopt;
    symbols.push_back(kAlphabet[static_cast<size_t>(s)]);
  }
  if (symbols.size() != kSymbols) return std::nullopt;
  return grouped(symbols);
}

}  // namespace madoguchi::applications
