// The rules every piece of caller text must pass before it reaches a document:
// valid UTF-8, no NUL or other control characters (tab and line breaks only
// where allowed), no bidirectional overrides, and a bounded size. A refusal is
// a DocumentError naming the field.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace madoguchi::documents {

// Largest text accepted in one field, and in one whole document model.
inline constexpr std::size_t max_field_bytes = 64 * 1024;
inline constexpr std::size_t max_document_bytes = 1024 * 1024;

enum class TextShape { single_line, multi_line };
enum class Presence { required, optional };

// Returns the text with CR LF and lone CR turned into LF and tabs into spaces,
// or throws DocumentError(invalid_input) naming `field`.
std::string checked_text(std::string_view field, std::string_view text, TextShape shape,
                         Presence presence = Presence::required);

// Adds `bytes` to a running total and throws DocumentError(invalid_input) once the
// model exceeds max_document_bytes.
void count_document_bytes(std::size_t& total, std::size_t bytes);

}  // namespace madoguchi::documents
