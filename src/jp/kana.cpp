#include "jp/kana.h"

#include <array>
#include <optional>

#include "jp/unicode.h"

namespace madoguchi::jp {

namespace {

constexpr std::size_t kMaxFuriganaBytes = 400;

// U+FF61..U+FF9D (half-width punctuation and katakana) to full-width.
constexpr std::array<char32_t, 0x3D> kHalfwidthKana = {
    0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2,                          // ｡｢｣､･ｦ
    0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3,  // ｧｨｩｪｫｬｭｮｯ
    0x30FC,                                                                  // ｰ
    0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA,                                  // ｱｲｳｴｵ
    0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,                                  // ｶｷｸｹｺ
    0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD,                                  // ｻｼｽｾｿ
    0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8,                                  // ﾀﾁﾂﾃﾄ
    0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE,                                  // ﾅﾆﾇﾈﾉ
    0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB,                                  // ﾊﾋﾌﾍﾎ
    0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2,                                  // ﾏﾐﾑﾒﾓ
    0x30E4, 0x30E6, 0x30E8,                                                  // ﾔﾕﾖ
    0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED,                                  // ﾗﾘﾙﾚﾛ
    0x30EF, 0x30F3,                                                          // ﾜﾝ
};

bool is_voiced_mark(char32_t c) { return c == 0xFF9E || c == 0x309B || c == 0x3099; }
bool is_semivoiced_mark(char32_t c) { return c == 0xFF9F || c == 0x309C || c == 0x309A; }

// The kana `base` with a voiced (dakuten) mark, or 0 if it takes none.
char32_t voiced(char32_t base) {
  const bool hiragana = base >= 0x3041 && base <= 0x3096;
  const char32_t k = hiragana ? base + 0x60 : base;
  char32_t out = 0;
  if ((k >= 0x30AB && k <= 0x30C2 && (k - 0x30AB) % 2 == 0) ||  // カ..チ
      k == 0x30C4 || k == 0x30C6 || k == 0x30C8) {                // ツ テ ト
    out = k + 1;
  } else if (k >= 0x30CF && k <= 0x30DB && (k - 0x30CF) % 3 == 0) {  // ハ ヒ フ ヘ ホ
    out = k + 1;
  } else if (k == 0x30A6) {
    out = 0x30F4;  // ヴ
  } else if (k >= 0x30EF && k <= 0x30F2) {
    out = 0x30F7 + (k - 0x30EF);  // ヷ ヸ ヹ ヺ
  } else if (k == 0x30FD) {
    out = 0x30FE;  // ヾ
  }
  if (out == 0) return 0;
  if (hiragana) return out == 0x30F4 ? 0x3094 : (out <= 0x30F6 ? out - 0x60 : 0);
  return out;
}

char32_t semivoiced(char32_t base) {
  const bool hiragana = base >= 0x3041 && base <= 0x3096;
  const char32_t k = hiragana ? base + 0x60 : base;
  if (k >= 0x30CF && k <= 0x30DB && (k - 0x30CF) % 3 == 0) return hiragana ? k + 2 - 0x60 : k + 2;
  return 0;
}

struct Mode {
  bool width;     // ASCII width, spaces, zero-width characters
  bool katakana;  // hiragana to katakana
};

// Shared conversion, validating UTF-8 as it goes: half-width kana to full-width and mark joining
// always; the rest by `mode`. Writes straight into a buffer the size of the input: no step
// makes the text longer (3-byte kana stay 3 bytes, full-width ASCII shrinks, a joined mark
// disappears, a run of spaces becomes one).
Parsed<std::string> convert(std::string_view in, Mode mode) {
  std::string out(in.size(), '\0');
  char* const begin = out.data();
  char* p = begin;
  char32_t last = 0;     // the last code point written, 0 if none
  char* last_at = p;     // where it starts
  bool pending_space = false;
  std::optional<Error> error;
  auto emit = [&](char32_t c) {
    last_at = p;
    last = c;
    put_utf8(p, c);
  };
  for (std::size_t i = 0; i < in.size();) {
    char32_t c = next_code_point(in, i, error);
    if (c == kInvalidCodePoint) return *error;
    if (mode.width) {
      if (c == 0x200B || c == 0xFEFF) continue;
      if (is_horizontal_space(c)) {
        pending_space = p != begin;
        continue;
      }
      if (pending_space) {
        emit(U' ');
        pending_space = false;
      }
      c = fold_fullwidth_ascii(c);
    }
    if (c < 0x80) {
      emit(c);
      continue;
    }
    if (c >= 0xFF61 && c <= 0xFF9D) {
      c = kHalfwidthKana[c - 0xFF61];
    } else if (is_voiced_mark(c) || is_semivoiced_mark(c)) {
      const char32_t joined = last == 0 ? 0 : (is_voiced_mark(c) ? voiced(last) : semivoiced(last));
      if (joined != 0) {
        p = last_at;
        emit(joined);
        continue;
      }
      if (c == 0xFF9E) c = 0x309B;
      if (c == 0xFF9F) c = 0x309C;
    }
    if (mode.katakana) {
      if (c >= 0x3041 && c <= 0x3096) c += 0x60;
      if (c == 0x309D || c == 0x309E) c += 0x60;  // ゝゞ → ヽヾ
    }
    emit(c);
  }
  out.resize(static_cast<std::size_t>(p - begin));
  return out;
}

bool is_small_kana(char32_t c) {
  switch (c) {
    case 0x30A1: case 0x30A3: case 0x30A5: case 0x30A7: case 0x30A9:  // ァィゥェォ
    case 0x30C3: case 0x30E3: case 0x30E5: case 0x30E7: case 0x30EE:  // ッャュョヮ
    case 0x30F5: case 0x30F6:                                          // ヵヶ
      return true;
    default:
      return false;
  }
}

}  // namespace

Parsed<std::string> to_fullwidth_katakana(std::string_view text) { return convert(text, Mode{false, true}); }

Parsed<std::string> normalize_width(std::string_view text) { return convert(text, Mode{true, false}); }

Parsed<std::string> check_furigana(std::string_view text) {
  if (text.size() > kMaxFuriganaBytes) return too_long_error("フリガナ", "The furigana", kMaxFuriganaBytes);
  auto converted = convert(text, Mode{true, true});
  if (!converted.ok()) return converted;
  const std::u32string kana = decode_utf8(converted.value(), converted.value().size()).value();
  if (kana.empty()) return empty_error("フリガナ", "The furigana");
  for (std::size_t i = 0; i < kana.size(); ++i) {
    const char32_t c = kana[i];
    const std::string position = std::to_string(i + 1);
    const bool allowed = (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == U' ';
    if (!allowed) {
      return make_error("furigana_invalid_character",
                        describe_character(c) + "（" + position + "文字目）はフリガナに使えません。カタカナで入力してください。",
                        describe_character(c) + " at character " + position +
                            " is not allowed in furigana; use full-width katakana.");
    }
    const bool word_start = i == 0 || kana[i - 1] == U' ';
    if (word_start && (c == 0x30FC || is_small_kana(c))) {
      return make_error("furigana_misplaced_mark",
                        describe_character(c) + "（" + position + "文字目）は語の最初に置けません。",
                        describe_character(c) + " at character " + position + " cannot start a word.");
    }
  }
  return converted;
}

}  // namespace madoguchi::jp
