// Japanese era (和暦) dates: parse dates written in an era (令和8年11月22日, R8.11.22, 平成元年…)
// or in the Western calendar, and format them back, refusing dates that do not exist in the era
// named. The era table (names, first days) is read once from ICU's Japanese calendar in Asia/Tokyo.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "jp/parsed.h"

namespace madoguchi::jp {

struct Era {
  std::string name_ja;  // 令和
  std::string name_en;  // Reiwa
  std::string letter;   // R
  std::chrono::year_month_day first_day;
  std::optional<std::chrono::year_month_day> last_day;  // none for the current era
};

// 明治 first. The table ends with the newest era ICU knows.
std::span<const Era> eras();

// Dates are supported from 1873-01-01 (明治6年, when Japan adopted the Gregorian calendar; earlier
// 明治 dates were lunisolar and are refused) to 9999-12-31.
inline constexpr std::chrono::year_month_day kFirstSupportedDate{
    std::chrono::year{1873}, std::chrono::January, std::chrono::day{1}};
inline constexpr std::chrono::year_month_day kLastSupportedDate{
    std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}};

struct WarekiDate {
  const Era* era;  // points into eras()
  int year;        // 1 is 元年
  unsigned month;
  unsigned day;
};

// The era date of `date`; "invalid_date" or "date_out_of_range" otherwise.
Parsed<WarekiDate> to_wareki(std::chrono::year_month_day date);

enum class WarekiStyle {
  kanji,               // 令和8年11月22日, 令和元年5月1日
  kanji_with_western,  // 令和8年（2026年）11月22日
  letter,              // R8.11.22
};

Parsed<std::string> format_wareki(std::chrono::year_month_day date,
                                  WarekiStyle style = WarekiStyle::kanji);

// "2026-11-22".
std::string format_iso(std::chrono::year_month_day date);

// Accepts, with ASCII or full-width digits and optional spaces between parts:
//   令和8年11月22日, 令和元年5月1日, 令和八年十一月二十二日, 令8年…, R8.11.22, R08/11/22, r8-11-22,
//   H31.4.30, S64.1.7, 2026-11-22, 2026/11/22, 2026.11.22, 2026年11月22日, 20261122,
// each optionally followed by the weekday, e.g. （日）, which must then be right.
// An era date must exist in that era: 平成32年… ("era_year_out_of_range"), 令和元年4月30日
// ("date_before_era_start", the message gives the right era). On the two days an era began
// during the day (1912-07-30, 1926-12-25) both eras' names are accepted. At most 100 bytes.
Parsed<std::chrono::year_month_day> parse_date(std::string_view text);

}  // namespace madoguchi::jp
