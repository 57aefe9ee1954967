#include "jp/check_digits.h"

#include "jp/unicode.h"

namespace madoguchi::jp {

namespace {

constexpr std::size_t kMaxNumberBytes = 200;

bool is_separator(char32_t c) {
  return is_horizontal_space(c) || c == U'-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 ||
         c == 0x2014 || c == 0x2015 || c == 0x2212 || c == 0x30FC || c == 0xFF70;
}

Parsed<std::string> digits_of(std::string_view text, const char* what_ja, const char* what_en, std::size_t length) {
  if (text.size() > kMaxNumberBytes) return too_long_error(what_ja, what_en, kMaxNumberBytes);
  auto decoded = decode_utf8(text, kMaxNumberBytes);
  if (!decoded.ok()) return decoded.error();
  std::string digits;
  const std::u32string& cps = decoded.value();
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = fold_fullwidth_ascii(cps[i]);
    if (c >= U'0' && c <= U'9') {
      digits.push_back(static_cast<char>(c));
    } else if (!is_separator(c)) {
      const std::string position = std::to_string(i + 1);
      return make_error("invalid_character",
                        std::string(what_ja) + "に数字以外の文字" + describe_character(cps[i]) + "があります（" + position + "文字目）。",
                        std::string(what_en) + " contains " + describe_character(cps[i]) + ", which is not a digit (character " +
                            position + ").");
    }
  }
  if (digits.empty()) return empty_error(what_ja, what_en);
  if (digits.size() != length) {
    const std::string want = std::to_string(length), got = std::to_string(digits.size());
    return make_error("wrong_length",
                      std::string(what_ja) + "は" + want + "桁です（入力は" + got + "桁）。",
                      std::string(what_en) + " has " + want + " digits; " + got + " were given.");
  }
  return digits;
}

}  // namespace

int my_number_check_digit(std::string_view first_11) {
  int sum = 0;
  for (int n = 1; n <= 11; ++n) {
    const int p = first_11[static_cast<std::size_t>(11 - n)] - '0';
    const int q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const int r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

int corporate_number_check_digit(std::string_view last_12) {
  int sum = 0;
  for (int n = 1; n <= 12; ++n) {
    const int p = last_12[static_cast<std::size_t>(12 - n)] - '0';
    sum += p * (n % 2 == 1 ? 1 : 2);
  }
  return 9 - sum % 9;
}

Parsed<std::string> check_my_number(std::string_view text) {
  auto digits = digits_of(text, "個人番号", "The individual number", 12);
  if (!digits.ok()) return digits;
  const std::string& d = digits.value();
  if (my_number_check_digit(std::string_view(d).substr(0, 11)) != d[11] - '0') {
    return make_error("wrong_check_digit", "個人番号の検査用数字（12桁目）が合いません。番号を確かめてください。",
                      "The check digit (12th digit) of the individual number does not match; please check the number.");
  }
  return digits;
}

Parsed<std::string> check_corporate_number(std::string_view text) {
  auto digits = digits_of(text, "法人番号", "The corporate number", 13);
  if (!digits.ok()) return digits;
  const std::string& d = digits.value();
  if (corporate_number_check_digit(std::string_view(d).substr(1)) != d[0] - '0') {
    return make_error("wrong_check_digit", "法人番号の検査用数字（1桁目）が合いません。番号を確かめてください。",
                      "The check digit (1st digit) of the corporate number does not match; please check the number.");
  }
  return digits;
}

}  // namespace madoguchi::jp
