#include "applications/reference.h"

#include <cctype>

#include "applications/crockford.h"

namespace madoguchi::applications {

namespace {

constexpr std::string_view kPrefix = "MDG";

std::string canonical(const uint8_t (&symbols)[8]) {
  std::string out(kPrefix);
  for (int i = 0; i < 8; ++i) {
    if (i % 4 == 0) out.push_back('-');
    out.push_back(crockford::kAlphabet[symbols[i]]);
  }
  return out;
}

}  // namespace

std::string make_reference(uint64_t random) {
  uint8_t symbols[8];
  for (int i = 0; i < 7; ++i) symbols[i] = static_cast<uint8_t>((random >> (5 * (6 - i))) & 31);
  symbols[7] = crockford::check_symbol(symbols, 7);
  return canonical(symbols);
}

std::optional<std::string> parse_reference(std::string_view text) {
  auto compact = crockford::compact_ascii(text);
  if (!compact) return std::nullopt;
  if (compact->size() == 11) {
    std::string head = compact->substr(0, 3);
    for (auto& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (head != kPrefix) return std::nullopt;
    compact->erase(0, 3);
  }
  if (compact->size() != 8) return std::nullopt;
  uint8_t symbols[8];
  for (int i = 0; i < 8; ++i) {
    int s = crockford::symbol_of((*compact)[static_cast<size_t>(i)]);
    if (s < 0) return std::nullopt;
    symbols[i] = static_cast<uint8_t>(s);
  }
  if (!crockford::check_ok(symbols, 8)) return std::nullopt;
  return canonical(symbols);
}

}  // namespace madoguchi::applications
