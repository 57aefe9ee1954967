#include "lifeevents/deadline.h"

#include "jp/holidays.h"

namespace madoguchi::lifeevents {

namespace {

using std::chrono::year_month_day;

year_month_day add_months(year_month_day from, int months) {
  auto shifted = year_month_day{from.year(), from.month(), std::chrono::day{1}} + std::chrono::months{months};
  auto last = std::chrono::year_month_day_last{shifted.year(), std::chrono::month_day_last{shifted.month()}}.day();
  auto day = from.day() > last ? last : from.day();
  return year_month_day{shifted.year(), shifted.month(), day};
}

}  // namespace

std::optional<Deadline> parse_period(std::string_view text) {
  Deadline d;
  std::string_view unit;
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 4) return std::nullopt;
  int amount = 0;
  for (size_t i = 0; i < digits; ++i) amount = amount * 10 + (text[i] - '0');
  unit = text.substr(digits);
  if (unit == "d") {
    d.unit = Deadline::Unit::days;
  } else if (unit == "m") {
    d.unit = Deadline::Unit::months;
  } else if (unit == "y") {
    d.unit = Deadline::Unit::years;
  } else if (unit == "bd") {
    d.unit = Deadline::Unit::business_days;
  } else {
    return std::nullopt;
  }
  if (amount < 1 || amount > 3660) return std::nullopt;
  d.amount = amount;
  return d;
}

std::optional<year_month_day> due_date(const Deadline& deadline, year_month_day from) {
  if (!from.ok()) return std::nullopt;
  if (deadline.unit == Deadline::Unit::business_days) {
    auto day = jp::business_days_after(from, deadline.before ? -deadline.amount : deadline.amount);
    if (!day.ok()) return std::nullopt;
    return day.value();
  }
  year_month_day end;
  switch (deadline.unit) {
    case Deadline::Unit::days:
      end = std::chrono::sys_days{from} + std::chrono::days{deadline.amount};
      break;
    case Deadline::Unit::months:
      end = add_months(from, deadline.amount);
      break;
    default:
      end = add_months(from, 12 * deadline.amount);
      break;
  }
  if (deadline.count_first_day) end = std::chrono::sys_days{end} - std::chrono::days{1};
  auto open = jp::first_business_day_from(end);
  if (!open.ok()) return std::nullopt;
  return open.value();
}

}  // namespace madoguchi::lifeevents
