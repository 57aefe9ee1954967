// Deadlines of the citizen's list, counted from a date of the event as each law counts them:
// calendar days, months or years after the day (the first day not counted, 民法第140条, unless
// the law counts it, as 戸籍法第43条 does for 出生届 and 死亡届), a period that ends on a day the
// city is closed running to the next open day (行政機関の休日に関する法律第2条, 戸籍法第43条第2項);
// or city business days before the day (水道: 3 business days before moving in). Pure.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "forms/localized_text.h"

namespace madoguchi::lifeevents {

struct Deadline {
  enum class Unit { days, months, years, business_days };
  int amount = 0;                  // > 0
  Unit unit = Unit::days;
  bool before = false;             // a day before the date (business days only)
  bool count_first_day = false;    // the date itself is day 1 (calendar units only)
  std::string from;                // a date field of the life event's form; empty: the event date
  forms::LocalizedText law;        // where the rule comes from, shown with the deadline
  int line = 0;
};

// Reads "14d", "3m", "2y", "3bd" (business days); nothing otherwise. Amounts 1 to 3660.
std::optional<Deadline> parse_period(std::string_view text);

// The last day for an event on `from`; nothing outside the range of the holiday table.
std::optional<std::chrono::year_month_day> due_date(const Deadline& deadline, std::chrono::year_month_day from);

}  // namespace madoguchi::lifeevents
