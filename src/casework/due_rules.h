// Due dates of cases, pure: how a due date stands against today (overdue
// cases stand out in the queue), the last day of the "due soon" window, and
// how a correction stops the clock — the standard processing period does not
// run while the citizen fixes their application (行政手続法 第6条), so the due
// date moves on by the city business days the correction took.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::casework {

using Date = std::chrono::year_month_day;

enum class DueState {
  none,      // no due date, or the case is decided
  on_track,  // due after the "soon" window
  due_soon,  // due within kDueSoonBusinessDays business days
  due_today,
  overdue,   // the due date has passed
};

inline constexpr int kDueSoonBusinessDays = 3;

std::string_view due_state_name(DueState state);
DueState due_state(const std::optional<Date>& due, Date today, bool decided);
// The last due date that counts as "due soon" from `today` (today itself if the walk fails).
Date due_soon_until(Date today);
// `due` moved on by the business days after `requested_on` up to and including `resubmitted_on`.
Date extend_for_correction(Date due, Date requested_on, Date resubmitted_on);

// "2026-11-22" → a date; nothing for anything else.
std::optional<Date> parse_iso_date(std::string_view text);

}  // namespace madoguchi::casework
