// Time helpers: the one clock every module reads "now" from, UTC timestamps
// as ISO 8601 text (how the database stores instants) and today's date in
// Japan (Asia/Tokyo is UTC+9 with no daylight saving), which is what
// deadlines and 和暦 are counted in.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::platform {

// The system clock, unless the process was told to live on another day
// (set_clock_start, from the test-only setting clock.start): then it reads
// that instant plus the real time elapsed since. Its time points are the
// system clock's, so everything else converts as usual.
struct Clock {
  using duration = std::chrono::system_clock::duration;
  using rep = duration::rep;
  using period = duration::period;
  using time_point = std::chrono::system_clock::time_point;
  static constexpr bool is_steady = false;
  static time_point now() noexcept;
};

// From this call on, Clock::now() reads `start` plus the time elapsed since.
void set_clock_start(Clock::time_point start);

// Reads a clock start as written in settings: "2027-03-31T10:00:00+09:00",
// "2027-03-31T01:00:00Z" (seconds and milliseconds optional), or a date
// "2027-03-31", which means 10:00 Japan time that day. Nothing otherwise.
std::optional<Clock::time_point> parse_clock_start(std::string_view text);

// "2026-11-22T01:02:03.456Z"
std::string iso_timestamp(Clock::time_point t);
std::string now_iso();
// Parses what iso_timestamp writes; nullopt-like epoch on malformed input is
// never silent: throws std::invalid_argument.
Clock::time_point parse_iso_timestamp(const std::string& text);
std::chrono::year_month_day tokyo_date(Clock::time_point t);
std::chrono::year_month_day today_in_tokyo();
// "2026-11-22"
std::string iso_date(std::chrono::year_month_day d);

}  // namespace madoguchi::platform
