// Check digits of the individual number (個人番号, 12 digits) and the corporate number (法人番号,
// 13 digits) as the ministerial ordinances define them. Full-width digits, spaces and hyphens are
// accepted; error messages never repeat the number (it is personal data).
#pragma once

#include <string>
#include <string_view>

#include "jp/parsed.h"

namespace madoguchi::jp {

// Returns the 12 ASCII digits. Errors: "empty", "invalid_character", "wrong_length",
// "wrong_check_digit".
Parsed<std::string> check_my_number(std::string_view text);

// Returns the 13 ASCII digits (check digit first). Same errors as check_my_number.
Parsed<std::string> check_corporate_number(std::string_view text);

// The check digit for the first 11 digits of an individual number / the last 12 digits of a
// corporate number; `digits` must be exactly that many ASCII digits.
int my_number_check_digit(std::string_view first_11_digits);
int corporate_number_check_digit(std::string_view last_12_digits);

}  // namespace madoguchi::jp
