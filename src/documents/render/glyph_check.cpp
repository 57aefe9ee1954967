#include "documents/render/glyph_check.h"

#include "jp/unicode.h"

namespace madoguchi::documents::render {
namespace {

bool is_default_ignorable(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0xE0000 && cp <= 0xE007F);
}

}  // namespace

std::string GlyphCheck::printable(std::string_view text, Face face) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {  // ASCII: IPAex covers all of it; line breaks and spaces pass as they are
      out += static_cast<char>(lead);
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    const auto decoded = jp::decode_at(text, pos);
    if (!decoded) {  // unreachable after checked_text; never emit a broken byte
      jp::append_utf8(out, geta_mark);
      ++pos;
      continue;
    }
    if (is_default_ignorable(*decoded) || fonts_.has_glyph(face, *decoded)) {
      out.append(text.substr(start, pos - start));
    } else {
      missing_.insert(*decoded);
      jp::append_utf8(out, geta_mark);
    }
  }
  return out;
}

}  // namespace madoguchi::documents::render
