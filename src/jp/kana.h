// Kana and character-width normalisation that is safe for names: only width, kana script and
// spaces change, never the characters themselves (no NFKC, so 髙, 﨑 and ㈱ stay as written).
// Also the check that a furigana field holds full-width katakana.
#pragma once

#include <string>
#include <string_view>

#include "jp/parsed.h"

namespace madoguchi::jp {

// Hiragana and half-width katakana become full-width katakana; voiced and semi-voiced marks
// (ﾞ ﾟ ゛ ゜ and combining U+3099/U+309A) join the kana before them (ｶﾞ → ガ, ｳﾞ → ヴ, は゜ → パ).
// Everything else is unchanged. Fails only on invalid UTF-8.
Parsed<std::string> to_fullwidth_katakana(std::string_view text);

// Full-width ASCII letters, digits and symbols become ASCII; half-width katakana and its
// punctuation become full-width (with marks joined as above); every run of spaces (ASCII, U+3000,
// no-break and typographic spaces, tabs) becomes one ASCII space, trimmed at both ends;
// zero-width spaces and byte-order marks are dropped. Hiragana, kanji and line breaks are kept.
Parsed<std::string> normalize_width(std::string_view text);

// Validates a furigana (フリガナ) field after converting hiragana and half-width kana to
// full-width katakana and normalising spaces. Allowed: katakana ァ-ヶ (ヴ and small kana
// included, ヷ-ヺ too), the long vowel mark ー, and single spaces between the parts of a name.
// Returns the normalised katakana, or an error naming the first character not allowed and its
// position ("furigana_invalid_character"), or a mark that cannot start a word such as a leading
// ー or small kana ("furigana_misplaced_mark"). At most 400 bytes.
Parsed<std::string> check_furigana(std::string_view text);

}  // namespace madoguchi::jp
