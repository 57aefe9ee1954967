// Time helpers: UTC timestamps as ISO 8601 text (how the database stores
// instants) and today's date in Japan (Asia/Tokyo is UTC+9 with no daylight
// saving), which is what deadlines and 和暦 are counted in.
#pragma once

#include <chrono>
#include <string>

namespace madoguchi::platform {

using Clock = std::chrono::system_clock;

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
