// When an office is open and which slots a line offers, in Japan time: the
// office's weekly hours, minus city holidays and 12/29–1/3 (jp::is_city_closed,
// unless the office opens on them), minus its own closed dates. Slots start
// at opening and every slot_minutes after, each ending by closing time. The
// booking window runs from now + lead time to the end of today + horizon days.
// Pure: no I/O; "now" is passed in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/office_directory.h"
#include "platform/time.h"

namespace madoguchi::booking {

using Instant = platform::Clock::time_point;

std::optional<OpeningSpan> hours_on(const Office& office, Date day);
bool is_open_on(const Office& office, Date day);

struct SlotTime {
  int start = 0;  // minutes after midnight
  int end = 0;
};
std::vector<SlotTime> slot_times(const Office& office, const Line& line, Date day);

// The instant of `minutes` after midnight of `day` in Japan.
Instant tokyo_instant(Date day, int minutes);
// Minutes after midnight in Japan at `t`.
int tokyo_minutes(Instant t);
// "HH:MM"
std::string clock_text(int minutes);
// "2027-06-15" → date; nothing if malformed or not a real date.
std::optional<Date> parse_date(std::string_view text);

// Whether a slot starting at `start` may be booked at `now` under `rules`.
enum class Window { ok, too_soon, too_far, past };
Window booking_window(const BookingRules& rules, Instant start, Instant now);
// The last day that may be booked at `now`.
Date horizon_end(const BookingRules& rules, Instant now);

// The next instant at or after `now` when the office is open (now itself if it
// is open now); nothing if it does not open in the next 60 days.
std::optional<Instant> next_opening(const Office& office, Instant now);
bool is_open_at(const Office& office, Instant now);

}  // namespace madoguchi::booking
