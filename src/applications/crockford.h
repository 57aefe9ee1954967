// Crockford base32 symbols with a Damm check symbol over GF(32) (x^5 + x^2 + 1):
// every single wrong symbol and every swap of two neighbours changes the check.
// Shared by the reference number (reference.h), the status and resume codes
// and the counter's pre-entry codes. compact_ascii() forgives what people and scanners type: full-width
// ASCII, hyphens and hyphen-like marks, spaces (ASCII and ideographic).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::applications::crockford {

inline constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// The value 0..31 of one character (either case; O reads as 0, I and L as 1), or -1.
int symbol_of(char c);
// The symbol that, appended to `symbols`, makes their Damm fold zero.
uint8_t check_symbol(const uint8_t* symbols, size_t n);
// True if the Damm fold of all `n` symbols (check symbol last) is zero.
bool check_ok(const uint8_t* symbols, size_t n);
// `text` as plain ASCII without separators, or nothing if it holds other non-ASCII characters.
std::optional<std::string> compact_ascii(std::string_view text);
// `symbols` in groups of four joined by hyphens (7K3Q-9XPD-M2TA).
std::string grouped(std::string_view symbols);
// `text` read as exactly `count` symbols (forgiving case, O/I/L, full-width
// characters and separators), upper case and grouped; nothing otherwise.
std::optional<std::string> parse_grouped(std::string_view text, size_t count);

}  // namespace madoguchi::applications::crockford
