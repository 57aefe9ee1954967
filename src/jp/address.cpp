#include "jp/address.h"

#include <optional>

#include "jp/kana.h"
#include "jp/unicode.h"

namespace madoguchi::jp {

namespace {

constexpr std::size_t kMaxAddressBytes = 1000;
constexpr std::u32string_view kKanjiDigits = U"〇一二三四五六七八九";

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

int kanji_digit(char32_t c) {
  const auto at = kKanjiDigits.find(c);
  return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
}

bool is_kanji_numeral(char32_t c) { return kanji_digit(c) >= 0 || c == U'十' || c == U'百' || c == U'千'; }

bool is_dash(char32_t c) {
  return c == U'-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
         c == 0x2212 || c == 0xFF70;
}

// Reads 三, 十二, 二十三, 百五, 千二百三十四, or positional 一〇二; nullopt if malformed.
std::optional<int> kanji_value(std::u32string_view run) {
  const bool positional = run.find_first_of(U"十百千") == std::u32string_view::npos;
  if (positional) {
    if (run.size() > 4) return std::nullopt;
    int value = 0;
    for (char32_t c : run) value = value * 10 + kanji_digit(c);
    return value;
  }
  int total = 0, pending = -1, last_unit = 10000;
  for (char32_t c : run) {
    const int digit = kanji_digit(c);
    if (digit >= 1) {
      if (pending >= 0) return std::nullopt;
      pending = digit;
      continue;
    }
    if (digit == 0) return std::nullopt;
    const int unit = c == U'十' ? 10 : c == U'百' ? 100 : 1000;
    if (unit >= last_unit) return std::nullopt;
    total += (pending < 0 ? 1 : pending) * unit;
    pending = -1;
    last_unit = unit;
  }
  return total + (pending < 0 ? 0 : pending);
}

bool starts_with(const std::u32string& s, std::size_t at, std::u32string_view word) {
  return s.compare(at, word.size(), word) == 0;
}

// Length of the block marker at `at` (丁目, 番地, 番, 号, の before a number, a dash), or 0.
std::size_t marker_length(const std::u32string& s, std::size_t at, bool after_digit) {
  if (at >= s.size()) return 0;
  if (starts_with(s, at, U"丁目") || starts_with(s, at, U"番地")) return 2;
  if (s[at] == U'番') {
    const bool place_name = at + 1 < s.size() && (s[at + 1] == U'町' || s[at + 1] == U'丁');
    return place_name ? 0 : 1;
  }
  if (s[at] == U'号' || is_dash(s[at]) || (after_digit && s[at] == U'ー')) return 1;
  if (s[at] == U'の' && at + 1 < s.size() && (is_digit(s[at + 1]) || is_kanji_numeral(s[at + 1]))) return 1;
  return 0;
}

// Whether `out` ends with a block marker (丁目, 番地, 番, 号, の, a dash, or 番地の …) that follows
// a number, so a kanji numeral after it is a block number too (七番地の一).
bool after_block_marker(const std::u32string& out) {
  std::size_t end = out.size();
  bool marker = false;
  while (end > 0) {
    std::size_t length = 0;
    for (std::u32string_view m : {U"丁目", U"番地", U"番", U"号", U"の", U"-"}) {
      if (end >= m.size() && std::u32string_view(out).substr(end - m.size(), m.size()) == m) {
        length = m.size();
        break;
      }
    }
    if (length == 0) break;
    end -= length;
    marker = true;
  }
  return marker && end > 0 && is_digit(out[end - 1]);
}

// One pass: kanji block numbers to digits, markers after numbers to "-", dashes kept only
// before a digit.
std::u32string block_number_pass(const std::u32string& s) {
  std::u32string digits;
  for (std::size_t i = 0; i < s.size();) {
    if (!is_kanji_numeral(s[i])) {
      digits.push_back(s[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && is_kanji_numeral(s[end])) ++end;
    const std::u32string_view run(s.data() + i, end - i);
    const bool block_number = marker_length(s, end, true) > 0 || after_block_marker(digits);
    const auto value = block_number ? kanji_value(run) : std::nullopt;
    if (value) {
      for (char c : std::to_string(*value)) digits.push_back(static_cast<char32_t>(c));
    } else {
      digits.append(run);
    }
    i = end;
  }

  // Markers after numbers to "-", then dashes kept only before a digit.
  std::u32string marked;
  for (std::size_t i = 0; i < digits.size();) {
    const std::size_t last = marked.find_last_not_of(U'-');
    const bool after_digit = last != std::u32string::npos && is_digit(marked[last]);
    const std::size_t length = (after_digit || is_dash(digits[i])) ? marker_length(digits, i, after_digit) : 0;
    if (length > 0) {
      marked.push_back(U'-');
      i += length;
    } else {
      marked.push_back(digits[i++]);
    }
  }
  std::u32string out;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (marked[i] == U'-') {
      const bool before_digit = i + 1 < marked.size() && is_digit(marked[i + 1]);
      if (!before_digit || (!out.empty() && out.back() == U'-')) continue;
    }
    out.push_back(marked[i]);
  }
  return out;
}

}  // namespace

Parsed<std::string> normalize_address(std::string_view text) {
  if (text.size() > kMaxAddressBytes) return too_long_error("住所", "The address", kMaxAddressBytes);
  auto decoded = decode_utf8(text, kMaxAddressBytes);
  if (!decoded.ok()) return decoded.error();
  const std::u32string& raw = decoded.value();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char32_t c = raw[i];
    const bool control = (c < 0x20 && c != U'\t') || (c >= 0x7F && c < 0xA0);
    // Voiced marks joined to the kana before them are fine; any other combining mark is not.
    const bool joinable_mark = (c == 0x3099 || c == 0x309A) && i > 0 &&
                               ((raw[i - 1] >= 0x3041 && raw[i - 1] <= 0x30FA) || (raw[i - 1] >= 0xFF66 && raw[i - 1] <= 0xFF9D));
    if (control || (is_combining_mark(c) && !joinable_mark)) {
      const std::string position = std::to_string(i + 1);
      return make_error("invalid_character",
                        "住所に使えない文字" + describe_character(c) + "があります（" + position + "文字目）。",
                        "The address contains " + describe_character(c) + " at character " + position +
                            ", which is not allowed.");
    }
  }
  // Spaces go and small ヶ ヵ become ケ カ before marks are joined, so ヶ゛ and ﾜ ﾞ join the
  // same way every time.
  std::u32string unspaced;
  for (char32_t c : raw) {
    if (is_horizontal_space(c)) continue;
    unspaced.push_back(c == U'ヶ' ? U'ケ' : c == U'ヵ' ? U'カ' : c);
  }
  auto widened = normalize_width(encode_utf8(unspaced));
  if (!widened.ok()) return widened.error();
  const auto wide = decode_utf8(widened.value(), widened.value().size());
  if (!wide.ok()) return wide.error();
  const std::u32string& s = wide.value();
  if (s.empty()) return empty_error("住所", "The address");

  // Repeat width and block-number passes until nothing changes, so the result is a fixed point:
  // dropping a dash can make a new block number (二丁-目) or bring a voiced mark next to its kana
  // (タ-゛). Each change joins a mark, removes a kanji numeral or shortens the text, so this ends.
  std::u32string out = block_number_pass(s);
  for (std::u32string previous = s; out != previous;) {
    previous = std::move(out);
    const auto rejoined = normalize_width(encode_utf8(previous));
    out = block_number_pass(decode_utf8(rejoined.value(), rejoined.value().size()).value());
  }
  if (out.empty()) return empty_error("住所", "The address");
  return encode_utf8(out);
}

bool same_address(std::string_view a, std::string_view b) {
  auto x = normalize_address(a);
  auto y = normalize_address(b);
  return x.ok() && y.ok() && x.value() == y.value();
}

}  // namespace madoguchi::jp
