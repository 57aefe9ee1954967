// Date limits written in form definitions: an absolute day ("2026-04-01") or a day relative to
// today ("today", "today-18y", "today+30d", "today-6m"), and the day on which an age is measured
// (today, or the first or last day of the current 年度, April to March).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::forms {

struct DateBound {
  enum class Kind { absolute, relative };
  Kind kind = Kind::absolute;
  std::chrono::year_month_day date{};  // when absolute
  char unit = 'd';                     // when relative: 'd', 'm' or 'y'
  int amount = 0;                      // when relative: signed count of units
};

// Parses "YYYY-MM-DD", "today", or "today±N" followed by d, m or y (N up to 200 years,
// 2400 months or 73000 days). Nothing when the text is none of those.
std::optional<DateBound> parse_date_bound(std::string_view text);

// The text parse_date_bound reads back ("today-18y", "2026-04-01").
std::string date_bound_text(const DateBound& bound);

// The day the bound stands for: relative bounds need `today` and give nothing without it. Adding
// months or years to the 29th-31st lands on the last day of a shorter month.
std::optional<std::chrono::year_month_day> resolve_date_bound(
    const DateBound& bound, std::optional<std::chrono::year_month_day> today);

enum class AgeBasis {
  today,              // age today
  fiscal_year_start,  // age on 1 April of the current 年度
  fiscal_year_end,    // age on 31 March that ends the current 年度 (がん検診, 児童手当)
};

std::string_view age_basis_name(AgeBasis basis);
std::optional<AgeBasis> age_basis_from_name(std::string_view name);

// The day on which ages are measured for `basis`, given today.
std::chrono::year_month_day age_reference_day(AgeBasis basis, std::chrono::year_month_day today);

// Age by Japanese law (jp::age_on) of someone born on the ISO date `birth_iso` on `on`; nothing
// when `birth_iso` is not an ISO date or `on` is before it.
std::optional<int> age_from_iso(std::string_view birth_iso, std::chrono::year_month_day on);

// Parses a strict ISO date "YYYY-MM-DD" (as validation stores dates).
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);

}  // namespace madoguchi::forms
