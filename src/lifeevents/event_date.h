// How far the date of the event (the move, the birth, the death …) lies from today, so that a
// date that is possible but unusual is confirmed and a date that can only be a slip of the
// finger is sent back as one: in the future (refused, to confirm, or expected, as the event
// says), more than a while ago (to confirm), or beyond any plausible range — over a year ahead
// or more than five years back — which is treated as a typo, with a suggestion when swapping the
// last two digits of the year, or using this year, gives a plausible date. Pure.
#pragma once

#include <chrono>
#include <optional>

#include "forms/date_rules.h"

namespace madoguchi::lifeevents {

struct EventDateRule {
  enum class Future { refuse, confirm, expected };
  Future future = Future::confirm;
  forms::DateBound confirm_before{forms::DateBound::Kind::relative, {}, 'y', -1};  // earlier days are confirmed
};

enum class DateVerdict {
  ok,              // nothing unusual
  confirm_future,  // in the future: ask whether that is right
  confirm_past,    // long ago: ask whether that is right
  refused_future,  // cannot be in the future
  typo,            // beyond any plausible range
};

struct DateCheck {
  DateVerdict verdict = DateVerdict::ok;
  std::optional<std::chrono::year_month_day> suggestion;  // for typo: the date meant, perhaps
};

// Typo limits: further ahead than this or further back than this is taken for a slip.
inline constexpr int kTypoYearsAhead = 1;
inline constexpr int kTypoYearsBack = 5;

DateCheck check_event_date(const EventDateRule& rule, std::chrono::year_month_day date,
                           std::chrono::year_month_day today);

}  // namespace madoguchi::lifeevents
