// URL helpers: percent-decoding and application/x-www-form-urlencoded parsing.
// Decoding never fails: malformed escapes are kept literally, so hostile input
// cannot make a request unreadable; callers validate the decoded text.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace madoguchi::platform::http {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Decodes %XX escapes; with plus_as_space, '+' becomes ' ' (form encoding).
std::string percent_decode(std::string_view text, bool plus_as_space = false);
// Encodes everything but unreserved characters (RFC 3986).
std::string percent_encode(std::string_view text);
// Parses "a=1&b=%E3%81%82" into ordered pairs; keys may repeat.
FormFields parse_urlencoded(std::string_view body);

}  // namespace madoguchi::platform::http
