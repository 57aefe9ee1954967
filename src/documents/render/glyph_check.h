// GlyphCheck decides how each character of caller text is printed: characters
// IPAex has pass through; a character it lacks (e.g. 𠮷 U+20BB7) is printed as
// the geta mark 〓, the typesetter's sign for an unavailable character, and
// remembered so the document can say which character stands there. Nothing is
// dropped. Variation selectors and other default-ignorable code points pass
// through (the base character is printed in its standard form).
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "documents/render/font_set.h"

namespace madoguchi::documents::render {

inline constexpr char32_t geta_mark = 0x3013;  // 〓

class GlyphCheck {
 public:
  explicit GlyphCheck(const FontSet& fonts) : fonts_(fonts) {}

  // `text` must already be valid UTF-8 (checked_text has run).
  std::string printable(std::string_view text, Face face);
  const std::set<char32_t>& missing() const { return missing_; }

 private:
  const FontSet& fonts_;
  std::set<char32_t> missing_;
};

}  // namespace madoguchi::documents::render
