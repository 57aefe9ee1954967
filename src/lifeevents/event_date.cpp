#include "lifeevents/event_date.h"

namespace madoguchi::lifeevents {

namespace {

using std::chrono::year_month_day;

bool plausible(year_month_day date, year_month_day today) {
  const auto ahead = forms::resolve_date_bound({forms::DateBound::Kind::relative, {}, 'y', kTypoYearsAhead}, today);
  const auto back = forms::resolve_date_bound({forms::DateBound::Kind::relative, {}, 'y', -kTypoYearsBack}, today);
  return date.ok() && date <= *ahead && date >= *back;
}

// The date someone probably meant: the year's last two digits swapped (2072 → 2027), or the
// same day this year.
std::optional<year_month_day> suggest(year_month_day date, year_month_day today) {
  const int year = static_cast<int>(date.year());
  const int swapped = year - year % 100 + (year % 10) * 10 + (year / 10) % 10;
  for (int candidate : {swapped, static_cast<int>(today.year())}) {
    year_month_day day{std::chrono::year{candidate}, date.month(), date.day()};
    if (candidate != year && day.ok() && plausible(day, today)) return day;
  }
  return std::nullopt;
}

}  // namespace

DateCheck check_event_date(const EventDateRule& rule, year_month_day date, year_month_day today) {
  if (!plausible(date, today)) return {DateVerdict::typo, suggest(date, today)};
  if (date > today) {
    switch (rule.future) {
      case EventDateRule::Future::refuse:
        return {DateVerdict::refused_future, std::nullopt};
      case EventDateRule::Future::confirm:
        return {DateVerdict::confirm_future, std::nullopt};
      case EventDateRule::Future::expected:
        return {};
    }
  }
  const auto earliest = forms::resolve_date_bound(rule.confirm_before, today);
  if (earliest && date < *earliest) return {DateVerdict::confirm_past, std::nullopt};
  return {};
}

}  // namespace madoguchi::lifeevents
