#include "jp/wareki.h"

#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/timezone.h>

#include <array>
#include <cstdio>
#include <memory>
#include <vector>

#include "jp/unicode.h"

namespace madoguchi::jp {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

namespace {

constexpr std::size_t kMaxDateBytes = 100;

[[noreturn]] void icu_failed(const char* what, UErrorCode status) {
  std::fprintf(stderr, "madoguchi jp: ICU %s failed: %s\n", what, u_errorName(status));
  std::abort();
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::vector<Era> build_era_table() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone("Asia/Tokyo"));
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(*tz, icu::Locale("ja_JP@calendar=japanese"), status));
  if (U_FAILURE(status)) icu_failed("Japanese calendar", status);
  icu::DateFormatSymbols ja(icu::Locale("ja_JP"), "japanese", status);
  icu::DateFormatSymbols en(icu::Locale("en"), "japanese", status);
  if (U_FAILURE(status)) icu_failed("era names", status);

  // Noon in Tokyo of a day, so the era read never depends on the hour.
  auto era_of = [&](sys_days day) {
    const double millis = (static_cast<double>(day.time_since_epoch().count()) * 86400.0 + 3 * 3600.0) * 1000.0;
    calendar->setTime(millis, status);
    const int32_t era = calendar->get(UCAL_ERA, status);
    if (U_FAILURE(status)) icu_failed("era lookup", status);
    return era;
  };

  int32_t count_ja = 0, count_en = 0, count_letter = 0;
  const icu::UnicodeString* names_ja = ja.getEras(count_ja);
  const icu::UnicodeString* names_en = en.getEraNames(count_en);
  const icu::UnicodeString* letters = ja.getNarrowEras(count_letter);

  const sys_days search_from = sys_days{std::chrono::year{1860} / 1 / 1};
  const sys_days search_to = sys_days{std::chrono::year{2200} / 12 / 31};
  const int32_t meiji = era_of(sys_days{kFirstSupportedDate});
  const int32_t newest = era_of(search_to);

  std::vector<Era> table;
  for (int32_t e = meiji; e <= newest && e < count_ja && e < count_en && e < count_letter; ++e) {
    sys_days lo = search_from, hi = search_to;  // first day whose era is >= e
    while (lo < hi) {
      const sys_days mid = lo + (hi - lo) / 2;
      if (era_of(mid) >= e) hi = mid; else lo = mid + days{1};
    }
    Era era{to_utf8(names_ja[e]), to_utf8(names_en[e]), to_utf8(letters[e]), year_month_day{lo}, std::nullopt};
    if (!table.empty()) table.back().last_day = year_month_day{lo - days{1}};
    table.push_back(std::move(era));
  }
  return table;
}

const std::vector<Era>& era_table() {
  static const std::vector<Era> table = build_era_table();
  return table;
}

const std::vector<std::u32string>& era_names_u32() {
  static const std::vector<std::u32string> names = [] {
    std::vector<std::u32string> out;
    for (const Era& era : era_table()) out.push_back(decode_utf8(era.name_ja, 64).value());
    return out;
  }();
  return names;
}

bool in_supported_range(year_month_day date) {
  return date.ok() && date >= kFirstSupportedDate && date <= kLastSupportedDate;
}

std::string iso_text(int y, unsigned m, unsigned d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", y, m, d);
  return buffer;
}

std::string era_year_text(int year) { return year == 1 ? "元" : std::to_string(year); }

std::string kanji_date(const WarekiDate& w) {
  return w.era->name_ja + era_year_text(w.year) + "年" + std::to_string(w.month) + "月" +
         std::to_string(w.day) + "日";
}

std::string western_ja(int y, unsigned m, unsigned d) {
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}

Error range_error() {
  return make_error("date_out_of_range",
                    "扱える日付は1873年（明治6年）1月1日から9999年12月31日までです。",
                    "Dates are supported from 1873-01-01 (Meiji 6) to 9999-12-31.");
}

// ---- parsing --------------------------------------------------------------------------------

enum class TokenKind { number, era, separator, weekday };

struct Token {
  TokenKind kind;
  int value = 0;             // number value, era index, or weekday 0=Sunday
  int digits = 0;            // written digits of a number (0 for 元)
  bool gannen = false;       // the number was 元
  char32_t separator = 0;    // 年 月 日 / . -
};

constexpr std::u32string_view kWeekdays = U"日月火水木金土";
constexpr std::u32string_view kKanjiDigits = U"〇一二三四五六七八九";

int kanji_digit(char32_t c) {
  if (c == U'零') return 0;
  const auto at = kKanjiDigits.find(c);
  return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
}

bool is_hyphen_like(char32_t c) {
  return c == U'-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 ||
         c == 0x2015 || c == 0x2212 || c == 0x30FC || c == 0xFF70;
}

Error unexpected(char32_t c, std::size_t position) {
  const std::string where = std::to_string(position);
  return make_error("unexpected_character",
                    describe_character(c) + "は日付に使えない文字です（" + where + "文字目）。",
                    describe_character(c) + " at character " + where + " cannot be part of a date.");
}

Error unrecognized() {
  return make_error("unrecognized_format",
                    "日付の書き方が分かりません。例：令和8年11月22日、R8.11.22、2026-11-22",
                    "The date is not in a known form. Examples: 令和8年11月22日, R8.11.22, 2026-11-22.");
}

// Parses a run of kanji numerals: positional (二〇二六) or with 十 (二十三, 十一, 十).
std::optional<int> kanji_number(std::u32string_view run) {
  const auto ten = run.find(U'十');
  if (ten == std::u32string_view::npos) {
    int value = 0;
    for (char32_t c : run) value = value * 10 + kanji_digit(c);
    return value;
  }
  if (run.find(U'十', ten + 1) != std::u32string_view::npos || ten > 1 || run.size() - ten > 2) return std::nullopt;
  const int tens = ten == 0 ? 1 : kanji_digit(run[0]);
  const int ones = ten + 1 < run.size() ? kanji_digit(run[ten + 1]) : 0;
  if (tens <= 0 || ones < 0) return std::nullopt;
  return tens * 10 + ones;
}

Parsed<std::vector<Token>> tokenize(const std::u32string& text) {
  const auto& table = era_table();
  std::vector<Token> tokens;
  std::size_t i = 0;
  bool space_before = false;
  while (i < text.size()) {
    const char32_t c = fold_fullwidth_ascii(text[i]);
    const std::size_t position = i + 1;
    if (is_horizontal_space(c)) {
      space_before = true;
      ++i;
      continue;
    }
    const bool starts_number = (c >= U'0' && c <= U'9') || kanji_digit(c) >= 0 || c == U'十';
    if (starts_number && space_before && !tokens.empty() && tokens.back().kind == TokenKind::number) {
      return make_error("unexpected_space",
                        "数字と数字の間に空白があります（" + std::to_string(position) + "文字目）。",
                        "A space separates two numbers (at character " + std::to_string(position) + ").");
    }
    space_before = false;
    if (c >= U'0' && c <= U'9') {
      Token t{TokenKind::number};
      while (i < text.size()) {
        const char32_t d = fold_fullwidth_ascii(text[i]);
        if (d < U'0' || d > U'9') break;
        if (t.digits < 9) t.value = t.value * 10 + static_cast<int>(d - U'0');
        ++t.digits;
        ++i;
      }
      tokens.push_back(t);
      continue;
    }
    if (kanji_digit(c) >= 0 || c == U'十') {
      std::size_t end = i;
      while (end < text.size() && (kanji_digit(text[end]) >= 0 || text[end] == U'十')) ++end;
      const std::u32string_view run(text.data() + i, end - i);
      const auto value = run.size() <= 4 ? kanji_number(run) : std::nullopt;
      if (!value) {
        return make_error("invalid_kanji_number",
                          "漢数字「" + encode_utf8(run) + "」が読めません（" + std::to_string(position) + "文字目）。",
                          "The kanji numeral \"" + encode_utf8(run) + "\" at character " +
                              std::to_string(position) + " cannot be read.");
      }
      // Digits as written: 二〇二六 has four; 二十二 is a two-digit number.
      const bool with_ten = run.find(U'十') != std::u32string_view::npos;
      const int digits = static_cast<int>(with_ten ? std::to_string(*value).size() : run.size());
      Token t{TokenKind::number, *value, digits};
      tokens.push_back(t);
      i = end;
      continue;
    }
    if (c == U'元') {
      Token t{TokenKind::number, 1, 0, true};
      tokens.push_back(t);
      ++i;
      continue;
    }
    if (c == U'年' || c == U'月' || c == U'日' || c == U'/' || c == U'.' || is_hyphen_like(c)) {
      // 日 after a number-and-月 is the day marker; inside （…） it is a weekday, handled below.
      Token t{TokenKind::separator};
      t.separator = is_hyphen_like(c) ? U'-' : c;
      tokens.push_back(t);
      ++i;
      continue;
    }
    if (c == U'(' || c == U'（') {
      std::size_t j = i + 1;
      const auto day_at = j < text.size() ? kWeekdays.find(text[j]) : std::u32string_view::npos;
      if (day_at == std::u32string_view::npos) return unexpected(c, position);
      ++j;
      if (j < text.size() && text[j] == U'曜') {
        ++j;
        if (j < text.size() && text[j] == U'日') ++j;
      }
      if (j >= text.size() || (fold_fullwidth_ascii(text[j]) != U')')) return unexpected(c, position);
      Token t{TokenKind::weekday, static_cast<int>(day_at)};
      tokens.push_back(t);
      i = j + 1;
      continue;
    }
    // Era names: 令和, its first character 令, or its letter R (either case); longest match wins.
    std::size_t best_length = 0;
    int best_era = -1;
    for (std::size_t e = 0; e < table.size(); ++e) {
      const std::u32string& name = era_names_u32()[e];
      const char32_t letter = table[e].letter.size() == 1 ? static_cast<char32_t>(table[e].letter[0]) : 0;
      if (text.compare(i, name.size(), name) == 0 && name.size() > best_length) {
        best_length = name.size(), best_era = static_cast<int>(e);
      } else if (best_length == 0 && (text[i] == name[0] || (letter != 0 && (c == letter || c == letter + 0x20)))) {
        best_length = 1, best_era = static_cast<int>(e);
      }
    }
    if (best_era < 0) return unexpected(text[i], position);
    tokens.push_back(Token{TokenKind::era, best_era});
    i += best_length;
  }
  return tokens;
}

std::string describe_ymd_ja(year_month_day d) {
  return western_ja(static_cast<int>(d.year()), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

Parsed<year_month_day> check_calendar_date(int y, int m, int d) {
  if (m < 1 || m > 12) {
    return make_error("month_out_of_range", std::to_string(m) + "月はありません（1月から12月です）。",
                      "There is no month " + std::to_string(m) + " (months run from 1 to 12).");
  }
  const std::chrono::year_month_day_last last{std::chrono::year{y}, std::chrono::month_day_last{std::chrono::month(static_cast<unsigned>(m))}};
  const int last_day = static_cast<int>(static_cast<unsigned>(last.day()));
  if (d < 1 || d > last_day) {
    return make_error("day_out_of_range",
                      std::to_string(y) + "年" + std::to_string(m) + "月は" + std::to_string(last_day) +
                          "日までです（" + std::to_string(d) + "日はありません）。",
                      iso_text(y, static_cast<unsigned>(m), 1).substr(0, 7) + " has " + std::to_string(last_day) +
                          " days; there is no day " + std::to_string(d) + ".");
  }
  return year_month_day{std::chrono::year{y}, std::chrono::month(static_cast<unsigned>(m)), std::chrono::day(static_cast<unsigned>(d))};
}

Parsed<year_month_day> resolve_era_date(std::size_t era_index, const Token& year_token, int m, int d) {
  const auto& table = era_table();
  const Era& era = table[era_index];
  const int y = year_token.value;
  const std::string written = era.name_ja + (year_token.gannen ? std::string("元") : std::to_string(y)) + "年";
  if (y == 0) {
    return make_error("era_year_zero", era.name_ja + "0年はありません（最初の年は元年＝1年です）。",
                      era.name_en + " 0 does not exist (the first year is 1, 元年).");
  }
  const int first_year = static_cast<int>(era.first_day.year());
  if (era.last_day) {
    const int years = static_cast<int>(era.last_day->year()) - first_year + 1;
    if (y > years) {
      return make_error("era_year_out_of_range",
                        era.name_ja + "は" + std::to_string(years) + "年までです（" + written + "はありません）。",
                        era.name_en + " lasted " + std::to_string(years) + " years; " + era.name_en + " " +
                            std::to_string(y) + " does not exist.");
    }
  }
  if (y > 9999 - first_year + 1) return range_error();
  const int gy = first_year + y - 1;
  if (gy < static_cast<int>(kFirstSupportedDate.year())) {
    return make_error("before_gregorian_calendar",
                      "明治5年以前の日付は太陰太陽暦のため扱えません（明治6年1月1日から扱えます）。",
                      "Dates before Meiji 6 (1873) used the lunisolar calendar and are not supported.");
  }
  auto date = check_calendar_date(gy, m, d);
  if (!date.ok()) return date;
  const year_month_day ymd = date.value();
  const auto actual = to_wareki(ymd);
  const std::string written_full = written + std::to_string(m) + "月" + std::to_string(d) + "日";
  if (ymd < era.first_day) {
    return make_error("date_before_era_start",
                      written_full + "は" + era.name_ja + "の始まり（" + describe_ymd_ja(era.first_day) +
                          "）より前です。この日は" + kanji_date(actual.value()) + "です。",
                      era.name_en + " began on " + format_iso(era.first_day) + "; " + format_iso(ymd) +
                          " is " + actual.value().era->name_en + " " + std::to_string(actual.value().year) + ".");
  }
  if (era.last_day && ymd > *era.last_day) {
    // On 1912-07-30 and 1926-12-25 the new era began during the day; the old name is valid too.
    const bool change_day =
        sys_days{ymd} == sys_days{*era.last_day} + days{1} &&
        (ymd == year_month_day{std::chrono::year{1912}, std::chrono::July, std::chrono::day{30}} ||
         ymd == year_month_day{std::chrono::year{1926}, std::chrono::December, std::chrono::day{25}});
    if (!change_day) {
      return make_error("date_after_era_end",
                        written_full + "は" + era.name_ja + "の終わり（" + describe_ymd_ja(*era.last_day) +
                            "）より後です。この日は" + kanji_date(actual.value()) + "です。",
                        era.name_en + " ended on " + format_iso(*era.last_day) + "; " + format_iso(ymd) +
                            " is " + actual.value().era->name_en + " " + std::to_string(actual.value().year) + ".");
    }
  }
  return ymd;
}

}  // namespace

std::span<const Era> eras() { return era_table(); }

std::string format_iso(year_month_day date) {
  return iso_text(static_cast<int>(date.year()), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

Parsed<WarekiDate> to_wareki(year_month_day date) {
  if (!date.ok()) {
    return make_error("invalid_date", "存在しない日付です。", "The date does not exist.");
  }
  if (!in_supported_range(date)) return range_error();
  const auto& table = era_table();
  for (std::size_t e = table.size(); e-- > 0;) {
    if (date >= table[e].first_day) {
      return WarekiDate{&table[e], static_cast<int>(date.year()) - static_cast<int>(table[e].first_day.year()) + 1,
                        static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day())};
    }
  }
  return range_error();
}

Parsed<std::string> format_wareki(year_month_day date, WarekiStyle style) {
  auto w = to_wareki(date);
  if (!w.ok()) return w.error();
  const WarekiDate& v = w.value();
  switch (style) {
    case WarekiStyle::kanji:
      return kanji_date(v);
    case WarekiStyle::kanji_with_western:
      return v.era->name_ja + era_year_text(v.year) + "年（" + std::to_string(static_cast<int>(date.year())) + "年）" +
             std::to_string(v.month) + "月" + std::to_string(v.day) + "日";
    case WarekiStyle::letter:
      return v.era->letter + std::to_string(v.year) + "." + std::to_string(v.month) + "." + std::to_string(v.day);
  }
  return kanji_date(v);
}

Parsed<year_month_day> parse_date(std::string_view text) {
  if (text.empty()) return empty_error("日付", "The date");
  if (text.size() > kMaxDateBytes) return too_long_error("日付", "The date", kMaxDateBytes);
  auto decoded = decode_utf8(text, kMaxDateBytes);
  if (!decoded.ok()) return decoded.error();
  auto tokenized = tokenize(decoded.value());
  if (!tokenized.ok()) return tokenized.error();
  std::vector<Token> tokens = std::move(tokenized).value();
  if (tokens.empty()) return empty_error("日付", "The date");

  std::optional<int> weekday;
  if (tokens.back().kind == TokenKind::weekday) {
    weekday = tokens.back().value;
    tokens.pop_back();
  }
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::weekday) return unrecognized();
  }

  std::optional<std::size_t> era;
  std::size_t at = 0;
  if (!tokens.empty() && tokens[0].kind == TokenKind::era) {
    era = static_cast<std::size_t>(tokens[0].value);
    at = 1;
  }
  for (std::size_t k = at; k < tokens.size(); ++k) {
    if (tokens[k].kind == TokenKind::era) return unrecognized();
  }

  const std::size_t rest = tokens.size() - at;
  Parsed<year_month_day> result = unrecognized();
  auto is_number = [&](std::size_t k) { return tokens[k].kind == TokenKind::number; };
  auto separator = [&](std::size_t k) { return tokens[k].kind == TokenKind::separator ? tokens[k].separator : char32_t{0}; };

  if (!era && rest == 1 && is_number(at) && tokens[at].digits == 8) {
    const int v = tokens[at].value;
    result = check_calendar_date(v / 10000, v / 100 % 100, v % 100);
  } else if (rest == 5 || rest == 6) {
    if (!is_number(at) || !is_number(at + 2) || !is_number(at + 4)) return unrecognized();
    const char32_t s1 = separator(at + 1), s2 = separator(at + 3);
    const bool kanji_style = s1 == U'年' && s2 == U'月' && rest == 6 && separator(at + 5) == U'日';
    const bool symbol_style = (s1 == U'/' || s1 == U'.' || s1 == U'-') && s2 == s1 && rest == 5;
    if (!kanji_style && !symbol_style) return unrecognized();
    const Token& y = tokens[at];
    const Token& m = tokens[at + 2];
    const Token& d = tokens[at + 4];
    if (m.gannen || d.gannen || m.digits > 2 || d.digits > 2 || y.digits > 4) return unrecognized();
    if (era) {
      result = resolve_era_date(*era, y, m.value, d.value);
    } else {
      if (y.gannen) {
        return make_error("era_missing", "元年の前に元号（令和など）を書いてください。",
                          "元年 (first year) needs an era name such as 令和 before it.");
      }
      if (y.digits < 4) {
        return make_error("era_missing",
                          std::to_string(y.value) + "年がどの元号か、西暦か分かりません。元号（令和など）か4桁の西暦で書いてください。",
                          "Year " + std::to_string(y.value) +
                              " has no era: write the era (e.g. 令和) or the four-digit Western year.");
      }
      if (y.digits > 4 || y.value < static_cast<int>(kFirstSupportedDate.year())) return range_error();
      result = check_calendar_date(y.value, m.value, d.value);
    }
  } else {
    return unrecognized();
  }
  if (!result.ok()) return result;
  if (!in_supported_range(result.value())) return range_error();
  if (weekday) {
    const unsigned actual = std::chrono::weekday{sys_days{result.value()}}.c_encoding();
    if (actual != static_cast<unsigned>(*weekday)) {
      std::string written, real;
      append_utf8(written, kWeekdays[static_cast<std::size_t>(*weekday)]);
      append_utf8(real, kWeekdays[actual]);
      static constexpr std::array<const char*, 7> names{"Sunday", "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
      return make_error("weekday_mismatch",
                        describe_ymd_ja(result.value()) + "は" + real + "曜日です（" + written + "曜日ではありません）。",
                        format_iso(result.value()) + " is a " + names[actual] + ", not a " +
                            names[static_cast<std::size_t>(*weekday)] + ".");
    }
  }
  return result;
}

}  // namespace madoguchi::jp
