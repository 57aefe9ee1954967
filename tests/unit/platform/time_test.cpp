#include "platform/time.h"

#include <gtest/gtest.h>

using namespace madoguchi::platform;

namespace {

std::chrono::year_month_day ymd(int y, unsigned m, unsigned d) {
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(ClockStart, ReadsTimesWithAnOffsetInUtcAndDatesAsTenInTheMorningInTokyo) {
  EXPECT_EQ(iso_timestamp(*parse_clock_start("2027-03-31T10:00:00+09:00")), "2027-03-31T01:00:00.000Z");
  EXPECT_EQ(iso_timestamp(*parse_clock_start("2027-03-31T01:00:00.250Z")), "2027-03-31T01:00:00.250Z");
  EXPECT_EQ(iso_timestamp(*parse_clock_start("2027-12-29T23:30-01:00")), "2027-12-30T00:30:00.000Z");
  EXPECT_EQ(iso_timestamp(*parse_clock_start("2028-02-29")), "2028-02-29T01:00:00.000Z");
}

TEST(ClockStart, RefusesWhatIsNotADayOrATime) {
  for (const char* text : {"", "tomorrow", "2027-02-29", "2027-13-01", "2027-03-31T24:00:00Z", "2027-03-31T10:00:00",
                           "2027-03-31 10:00:00Z", "2027-03-31T10:00:00+0900"}) {
    EXPECT_FALSE(parse_clock_start(text)) << text;
  }
}

TEST(Clock, LivesFromTheSetStartOnAndTodayIsCountedInTokyo) {
  set_clock_start(*parse_clock_start("2027-12-31T23:59:00Z"));  // 08:59 on 1 January in Tokyo
  const auto now = Clock::now();
  EXPECT_GE(now, *parse_clock_start("2027-12-31T23:59:00Z"));
  EXPECT_LT(now, *parse_clock_start("2027-12-31T23:59:00Z") + std::chrono::seconds(30));
  EXPECT_EQ(today_in_tokyo(), ymd(2028, 1, 1));
  EXPECT_EQ(now_iso().substr(0, 16), "2027-12-31T23:59");
  set_clock_start(std::chrono::system_clock::now());
}

}  // namespace
