// Which Japanese character set covers a text, so staff can be warned about characters (外字) that
// a printer, a font or a partner system may lack. Levels follow glibc's converters: SHIFT_JIS for
// JIS X 0201 + JIS X 0208, EUC-JISX0213 for JIS X 0213. Never changes the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "jp/parsed.h"

namespace madoguchi::jp {

enum class JisLevel {
  jis_x_0208,   // every partner system has it (JIS X 0201 roman and kana, JIS X 0208)
  jis_x_0213,   // needs JIS X 0213 (e.g. 﨑 剝 鷗 𩸽)
  outside_jis,  // in neither (e.g. 髙 𠮷, variation selectors, emoji)
};

const char* jis_level_name(JisLevel level);  // "jis_x_0208", "jis_x_0213", "outside_jis"

struct UncommonCharacter {
  std::string character;  // the character, UTF-8
  char32_t code_point;
  std::size_t position;  // 1-based character index in the text
  JisLevel level;        // jis_x_0213 or outside_jis
};

struct CharsetReport {
  JisLevel level;  // the widest level any character needs
  std::vector<UncommonCharacter> outside_jis_x_0208;  // in text order
};

// Classifies every character of `text` (at most 1 MB). Control characters other than tab and
// line breaks count as outside JIS. The first call opens glibc's converters; later calls
// reuse them, one pair per thread.
Parsed<CharsetReport> classify_charset(std::string_view text);

// The level of one code point.
JisLevel jis_level(char32_t code_point);

}  // namespace madoguchi::jp
