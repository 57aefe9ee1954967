#include "notify/retry_schedule.h"

#include <gtest/gtest.h>

using namespace madoguchi::notify;
using namespace std::chrono_literals;

TEST(RetrySchedule, DefaultBacksOffFromAMinuteToHalfADayThenGivesUp) {
  RetrySchedule schedule;
  EXPECT_EQ(schedule.delay_after(1), std::chrono::seconds(1min));
  EXPECT_EQ(schedule.delay_after(2), std::chrono::seconds(5min));
  EXPECT_EQ(schedule.delay_after(3), std::chrono::seconds(30min));
  EXPECT_EQ(schedule.delay_after(4), std::chrono::seconds(2h));
  EXPECT_EQ(schedule.delay_after(5), std::chrono::seconds(6h));
  EXPECT_EQ(schedule.delay_after(6), std::chrono::seconds(12h));
  EXPECT_EQ(schedule.delay_after(7), std::nullopt) << "the 7th failed attempt is the last";
  EXPECT_EQ(schedule.delay_after(8), std::nullopt);
}

TEST(RetrySchedule, DelaysOnlyGrow) {
  RetrySchedule schedule;
  for (int attempts = 2; attempts < schedule.max_attempts; ++attempts) {
    EXPECT_GT(*schedule.delay_after(attempts), *schedule.delay_after(attempts - 1));
  }
}

TEST(RetrySchedule, LastDelayRepeatsWhenMoreAttemptsAreAllowed) {
  RetrySchedule schedule{{10s, 20s}, 5};
  EXPECT_EQ(schedule.delay_after(1), 10s);
  EXPECT_EQ(schedule.delay_after(2), 20s);
  EXPECT_EQ(schedule.delay_after(3), 20s);
  EXPECT_EQ(schedule.delay_after(4), 20s);
  EXPECT_EQ(schedule.delay_after(5), std::nullopt);
}

TEST(RetrySchedule, SingleAttemptNeverRetries) {
  RetrySchedule schedule{{}, 1};
  EXPECT_EQ(schedule.delay_after(1), std::nullopt);
}
