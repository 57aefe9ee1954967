// Making untrusted text safe to put in a message for people: invalid UTF-8 bytes, control
// characters and overly long values are escaped or cut, so a message (and the JSON carrying it)
// is always valid UTF-8 whatever was sent or written in a definition.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace madoguchi::forms {

// `text` with invalid UTF-8 bytes as \xNN and control characters (and other characters that
// must not be shown, such as bidirectional overrides) as \u{NN}, cut after `max_chars`
// characters with "…".
std::string printable(std::string_view text, std::size_t max_chars);

// printable(text, 80) in double quotes, as messages show values: "lable".
std::string shown(std::string_view text);

// Whether a code point is refused in any answer: C0 controls other than tab and line breaks,
// DEL and C1 controls, line and paragraph separators, bidirectional overrides and isolates,
// and non-characters.
bool is_forbidden_character(char32_t c);

}  // namespace madoguchi::forms
