// A normal form of Japanese addresses for comparison (not for display): 国分町三丁目7番1号,
// 国分町3-7-1 and 国分町３－７－１ all become 国分町3-7-1. Place names keep their characters
// (一番町, 八丁堀, 北一番丁 and 千代田 are not numbers); only widths, spaces, the block numbers and
// their markers change.
#pragma once

#include <string>
#include <string_view>

#include "jp/parsed.h"

namespace madoguchi::jp {

// Steps: widths as normalize_width; spaces removed; ヶ→ケ and ヵ→カ; kanji numerals that are
// block numbers (followed by 丁目, 番地, 番, 号, の + number, or a dash) to digits; 丁目, 番地, 番,
// 号, の between numbers and every dash variant (ー after a digit, －, ‐, −, –, —, ―, ｰ) to "-";
// dashes not followed by a digit dropped. Errors: "empty", "too_long" (over 1000 bytes),
// "invalid_utf8", "surrogate_code_point", "invalid_character" (control characters and
// combining marks, with their position).
Parsed<std::string> normalize_address(std::string_view text);

// Whether both addresses are valid and have the same normal form.
bool same_address(std::string_view a, std::string_view b);

}  // namespace madoguchi::jp
