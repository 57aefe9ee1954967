#include "booking/opening.h"

#include <algorithm>
#include <cstdio>

#include "jp/holidays.h"

namespace madoguchi::booking {

using namespace std::chrono;

namespace {

std::string month_day(Date day) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02u-%02u", static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return buf;
}

}  // namespace

std::optional<OpeningSpan> hours_on(const Office& office, Date day) {
  if (!day.ok()) return std::nullopt;
  if (office.closed_on_city_holidays && (jp::is_holiday(day) || [&] {
        unsigned m = static_cast<unsigned>(day.month()), d = static_cast<unsigned>(day.day());
        return (m == 12 && d >= 29) || (m == 1 && d <= 3);
      }())) {
    return std::nullopt;
  }
  std::string md = month_day(day);
  if (std::find(office.closed_month_days.begin(), office.closed_month_days.end(), md) != office.closed_month_days.end()) {
    return std::nullopt;
  }
  std::string iso = platform::iso_date(day);
  if (std::find(office.closed_dates.begin(), office.closed_dates.end(), iso) != office.closed_dates.end()) {
    return std::nullopt;
  }
  unsigned weekday = std::chrono::weekday{sys_days{day}}.iso_encoding();
  auto it = office.hours.find(weekday);
  if (it == office.hours.end()) return std::nullopt;
  return it->second;
}

bool is_open_on(const Office& office, Date day) { return hours_on(office, day).has_value(); }

std::vector<SlotTime> slot_times(const Office& office, const Line& line, Date day) {
  std::vector<SlotTime> out;
  auto span = hours_on(office, day);
  if (!span || line.booking.slot_minutes <= 0) return out;
  for (int start = span->open; start + line.booking.slot_minutes <= span->close; start += line.booking.slot_minutes) {
    out.push_back({start, start + line.booking.slot_minutes});
  }
  return out;
}

Instant tokyo_instant(Date day, int minutes) {
  return time_point_cast<Instant::duration>(sys_days{day} + std::chrono::minutes(minutes) - hours(9));
}

int tokyo_minutes(Instant t) {
  auto local = t + hours(9);
  auto since_midnight = local - floor<days>(local);
  return static_cast<int>(duration_cast<std::chrono::minutes>(since_midnight).count());
}

std::string clock_text(int minutes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  int y = std::stoi(std::string(text.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
  Date day{year{y}, month{m}, std::chrono::day{d}};
  if (!day.ok()) return std::nullopt;
  return day;
}

Date horizon_end(const BookingRules& rules, Instant now) {
  return Date{sys_days{platform::tokyo_date(now)} + days{rules.horizon_days}};
}

Window booking_window(const BookingRules& rules, Instant start, Instant now) {
  if (start <= now) return Window::past;
  if (start - now < minutes(rules.lead_minutes)) return Window::too_soon;
  if (platform::tokyo_date(start) > horizon_end(rules, now)) return Window::too_far;
  return Window::ok;
}

bool is_open_at(const Office& office, Instant now) {
  auto span = hours_on(office, platform::tokyo_date(now));
  int m = tokyo_minutes(now);
  return span && m >= span->open && m < span->close;
}

std::optional<Instant> next_opening(const Office& office, Instant now) {
  if (is_open_at(office, now)) return now;
  Date today = platform::tokyo_date(now);
  int m = tokyo_minutes(now);
  for (int i = 0; i <= 60; ++i) {
    Date day{sys_days{today} + days{i}};
    auto span = hours_on(office, day);
    if (!span) continue;
    if (i == 0 && m >= span->open) continue;
    return tokyo_instant(day, span->open);
  }
  return std::nullopt;
}

}  // namespace madoguchi::booking
