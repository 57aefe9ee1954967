// E-mail addresses as the outbox accepts them: a rough plausibility check
// (one @, printable ASCII, nothing that could split a header or an SMTP
// command) and a masked form that is safe to write to logs.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi::notify {

// True for local@domain with exactly one @, both parts non-empty, at most 254
// characters of printable ASCII without spaces, quotes, brackets, commas or
// semicolons, and a domain that neither starts nor ends with a dot.
bool is_plausible_address(std::string_view address);

// The part after the @ ("" if there is none).
std::string_view address_domain(std::string_view address);

// "taro@example.co.jp" -> "t***@e***.jp": enough to tell messages apart in a
// log, too little to identify anyone.
std::string mask_address(std::string_view address);

}  // namespace madoguchi::notify
