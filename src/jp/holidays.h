// Japanese national holidays computed by the law (国民の祝日に関する法律, 1948 and its amendments:
// Happy Monday, equinoxes, substitute and citizens' holidays, the 2019-2021 special days, the
// imperial ceremonies), the city's closure (weekends, holidays, 12/29-1/3) and business days.
// Valid for 1948-07-20 (the law's effect) through 2099, where the equinox formula holds; outside
// that range there is no holiday and business-day arithmetic refuses to go.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "jp/parsed.h"

namespace madoguchi::jp {

inline constexpr int kFirstHolidayYear = 1948;
inline constexpr int kLastHolidayYear = 2099;

enum class HolidayKind {
  national,    // 国民の祝日 (元日, 春分の日 …)
  substitute,  // 振替休日
  citizens,    // 国民の休日 (a day between two national holidays)
  special,     // a day made a holiday by its own law (大喪の礼, 即位の日 …)
};

struct Holiday {
  std::chrono::year_month_day date;
  std::string name_ja;
  std::string name_en;
  HolidayKind kind;
};

// The holiday on `date`, if any.
std::optional<Holiday> holiday_on(std::chrono::year_month_day date);
bool is_holiday(std::chrono::year_month_day date);

// Every holiday of `year`, in date order; "year_out_of_range" outside 1948-2099.
Parsed<std::vector<Holiday>> holidays_in_year(int year);

// The city hall is closed on Saturdays, Sundays, holidays and from 29 December to 3 January.
bool is_city_closed(std::chrono::year_month_day date);
bool is_business_day(std::chrono::year_month_day date);

// The n-th business day after `date` (n > 0), before it (n < 0), or `date` itself (n == 0);
// `date` itself is never counted. "date_out_of_range" if the walk leaves 1948-2099.
Parsed<std::chrono::year_month_day> business_days_after(std::chrono::year_month_day date, int n);

// `date` if it is a business day, else the next one.
Parsed<std::chrono::year_month_day> first_business_day_from(std::chrono::year_month_day date);

}  // namespace madoguchi::jp
