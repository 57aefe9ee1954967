// Japanese telephone numbers: validation against the national numbering plan and the usual
// hyphenated form (022-261-1111, 0223-22-1111, 090-1234-5678, 050-1234-5678, 0120-123-456).
// Accepts full-width digits, spaces, hyphen variants, parentheses and +81.
#pragma once

#include <string>
#include <string_view>

#include "jp/parsed.h"

namespace madoguchi::jp {

enum class PhoneKind {
  fixed_line,   // 0 + area code + local number, 10 digits
  mobile,       // 070 / 080 / 090, 11 digits
  ip_phone,     // 050, 11 digits
  m2m,          // 020 (pagers and machine-to-machine), 11 digits
  toll_free,    // 0120 (10 digits), 0800 (11 digits)
  navi_dial,    // 0570, 10 digits
  premium_rate, // 0990, 10 digits
};

const char* phone_kind_name(PhoneKind kind);  // "fixed_line", "mobile", …

struct PhoneNumber {
  std::string digits;     // "0222611111"
  std::string formatted;  // "022-261-1111"; just the digits when the area code is not known
  PhoneKind kind;
  std::string area_code;  // "022" for fixed lines whose area code is known, else empty
};

// Errors: "empty", "too_long", "invalid_character", "missing_leading_zero",
// "international_number" (a country other than Japan), "unsupported_number_type" (0180, 0170,
// 00XX carrier prefixes …), "unknown_area_code", "wrong_length". At most 100 bytes.
Parsed<PhoneNumber> parse_phone(std::string_view text);

// parse_phone(text).formatted.
Parsed<std::string> normalize_phone(std::string_view text);

}  // namespace madoguchi::jp
