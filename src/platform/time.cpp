#include "platform/time.h"

#include <atomic>
#include <cstdio>
#include <regex>
#include <stdexcept>

namespace madoguchi::platform {

namespace {

std::atomic<Clock::rep> clock_offset{0};

}  // namespace

Clock::time_point Clock::now() noexcept {
  return std::chrono::system_clock::now() + duration(clock_offset.load(std::memory_order_relaxed));
}

void set_clock_start(Clock::time_point start) {
  clock_offset.store((start - std::chrono::system_clock::now()).count(), std::memory_order_relaxed);
}

std::optional<Clock::time_point> parse_clock_start(std::string_view text) {
  static const std::regex pattern(
      R"((\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2})))?)");
  std::cmatch m;
  if (!std::regex_match(text.begin(), text.end(), m, pattern)) return std::nullopt;
  const auto number = [&](int i) { return m[i].matched ? std::stoi(m[i].str()) : 0; };
  const std::chrono::year_month_day day{std::chrono::year(number(1)), std::chrono::month(static_cast<unsigned>(number(2))),
                                        std::chrono::day(static_cast<unsigned>(number(3)))};
  if (!day.ok()) return std::nullopt;
  if (!m[4].matched) return std::chrono::sys_days(day) + std::chrono::hours(1);  // 10:00 in Tokyo
  const int hours = number(4), minutes = number(5), seconds = number(6);
  if (hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
  std::string fraction = m[7].str();
  fraction.resize(3, '0');
  auto at = std::chrono::sys_days(day) + std::chrono::hours(hours) + std::chrono::minutes(minutes) +
            std::chrono::seconds(seconds) + std::chrono::milliseconds(std::stoi(fraction));
  if (m[9].matched) {
    const auto offset = std::chrono::hours(number(10)) + std::chrono::minutes(number(11));
    at += m[9].str() == "+" ? -offset : offset;
  }
  return at;
}

std::string iso_timestamp(Clock::time_point t) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{days};
  std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::milliseconds>(t - days)};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                static_cast<int>(((ms % 1000) + 1000) % 1000));
  return buf;
}

std::string now_iso() { return iso_timestamp(Clock::now()); }

Clock::time_point parse_iso_timestamp(const std::string& text) {
  int y, mo, d, h, mi, s, ms = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &y, &mo, &d, &h, &mi, &s, &ms) < 6) {
    throw std::invalid_argument("not an ISO timestamp: " + text);
  }
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) throw std::invalid_argument("not a calendar date: " + text);
  return std::chrono::sys_days(ymd) + std::chrono::hours(h) + std::chrono::minutes(mi) + std::chrono::seconds(s) +
         std::chrono::milliseconds(ms);
}

std::chrono::year_month_day tokyo_date(Clock::time_point t) {
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(t + std::chrono::hours(9))};
}

std::chrono::year_month_day today_in_tokyo() { return tokyo_date(Clock::now()); }

std::string iso_date(std::chrono::year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

}  // namespace madoguchi::platform
