#include "applications/status_code.h"

#include "applications/crockford.h"

namespace madoguchi::applications {

namespace {

constexpr size_t kSymbols = 16;

}  // namespace

std::string make_status_code(std::span<const uint8_t> random) {
  std::string symbols;
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < random.size() && symbols.size() < kSymbols; ++i) {
    buffer = ((buffer << 8) | random[i]) & 0xFFFF;
    bits += 8;
    while (bits >= 5 && symbols.size() < kSymbols) {
      symbols.push_back(crockford::kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  return crockford::grouped(symbols);
}

std::optional<std::string> parse_status_code(std::string_view text) {
  return crockford::parse_grouped(text, kSymbols);
}

}  // namespace madoguchi::applications
