// AccessAttempts against SQLite: failures counted per scope and key in a
// window, and allow() that counts only while under the limit, with the wait
// until the window ends.
#include "applications/access_attempts.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace madoguchi::applications {
namespace {

TEST(AccessAttempts, AllowCountsUpToTheLimitThenRefusesUntilTheWindowEnds) {
  testing::TempDatabase t;
  auto& db = t.db;
  platform::Clock::time_point now = platform::parse_iso_timestamp("2026-11-22T01:00:00.000Z");
  AccessAttempts attempts(*db, [&] { return now; });
  const AttemptLimit limit{"upload_client", 3, std::chrono::hours(1)};
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(attempts.allow(limit, "203.0.113.9")) << i;
  EXPECT_FALSE(attempts.allow(limit, "203.0.113.9"));
  EXPECT_TRUE(attempts.allow(limit, "198.51.100.1")) << "another client has its own allowance";
  now += std::chrono::minutes(20);
  EXPECT_EQ(attempts.retry_after(limit, "203.0.113.9"), std::chrono::minutes(40));
  now += std::chrono::minutes(41);
  EXPECT_TRUE(attempts.allow(limit, "203.0.113.9"));
}

TEST(AccessAttempts, RecordFailureReturnsTheCountInTheWindow) {
  testing::TempDatabase t;
  auto& db = t.db;
  platform::Clock::time_point now = platform::parse_iso_timestamp("2026-11-22T01:00:00.000Z");
  AccessAttempts attempts(*db, [&] { return now; });
  const AttemptLimit limit{"refused_client", 2, std::chrono::minutes(15)};
  EXPECT_EQ(attempts.record_failure(limit, "203.0.113.9"), 1);
  EXPECT_EQ(attempts.record_failure(limit, "203.0.113.9"), 2);
  EXPECT_TRUE(attempts.blocked(limit, "203.0.113.9"));
  EXPECT_EQ(attempts.record_failure(limit, "203.0.113.9"), 3);
  now += std::chrono::minutes(16);
  EXPECT_FALSE(attempts.blocked(limit, "203.0.113.9"));
  EXPECT_EQ(attempts.record_failure(limit, "203.0.113.9"), 1);
}

}  // namespace
}  // namespace madoguchi::applications
