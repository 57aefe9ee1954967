// Dates as Japanese official documents print them: the era year with the
// Western year beside it, "令和8年（2026年）11月22日" (jp::format_wareki), and
// instants shown in Japan time (UTC+9; Japan has no daylight saving). Dates
// jp cannot format throw DocumentError(invalid_input) naming the field.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace madoguchi::documents::render {

std::string wareki_date(std::chrono::year_month_day date, std::string_view field);

// "令和8年（2026年）11月22日 14時05分".
std::string wareki_date_time_jst(std::chrono::sys_seconds instant, std::string_view field);

// "2026-11-22".
std::string iso_date(std::chrono::year_month_day date);

// "2026-11-22T14:05:00+09:00", for PDF metadata.
std::string iso8601_jst(std::chrono::sys_seconds instant);

}  // namespace madoguchi::documents::render
