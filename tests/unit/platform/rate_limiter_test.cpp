#include "platform/http/rate_limiter.h"

#include <gtest/gtest.h>

#include "platform/http/http_error.h"
#include "support/test_database.h"

using namespace madoguchi::platform::http;
using namespace std::chrono_literals;

namespace {
struct FakeClock {
  madoguchi::platform::Clock::time_point now{std::chrono::hours(1000)};
  madoguchi::testing::TestDatabase database{{"platform"}, "rate"};
  RateLimiter::Now fn() {
    return [this] { return now; };
  }
};
}  // namespace

TEST(RateLimiter, AllowsTheLimitThenRefusesPerKey) {
  FakeClock clock;
  RateLimiter limiter(*clock.database, 3, 60s, clock.fn());
  EXPECT_TRUE(limiter.allow("a"));
  EXPECT_TRUE(limiter.allow("a"));
  EXPECT_TRUE(limiter.allow("a"));
  EXPECT_FALSE(limiter.allow("a"));
  EXPECT_TRUE(limiter.allow("b"));
  EXPECT_GT(limiter.retry_after_seconds("a"), 0);
}

TEST(RateLimiter, BurstAtTheWindowBoundaryCannotDoubleTheLimit) {
  FakeClock clock;
  RateLimiter limiter(*clock.database, 10, 60s, clock.fn());
  clock.now += 59s;  // near the end of a window
  int allowed = 0;
  for (int i = 0; i < 10; ++i) allowed += limiter.allow("k");
  clock.now += 2s;  // just into the next window
  for (int i = 0; i < 10; ++i) allowed += limiter.allow("k");
  EXPECT_LT(allowed, 12);
}

TEST(RateLimiter, RecoversAfterTheWindowPasses) {
  FakeClock clock;
  RateLimiter limiter(*clock.database, 2, 60s, clock.fn());
  EXPECT_TRUE(limiter.allow("k"));
  EXPECT_TRUE(limiter.allow("k"));
  EXPECT_FALSE(limiter.allow("k"));
  clock.now += 121s;
  EXPECT_TRUE(limiter.allow("k"));
  EXPECT_EQ(limiter.retry_after_seconds("k"), 0);
}

TEST(RateLimiter, WrappedHandlerAnswers429) {
  FakeClock clock;
  RateLimiter limiter(*clock.database, 1, 60s, clock.fn());
  auto handler = rate_limited(limiter, [](Request&) { return Response::text(200, "ok"); });
  Request r;
  r.route = "/staff/login";
  r.remote_address = "192.0.2.1";
  EXPECT_EQ(handler(r).status, 200);
  try {
    handler(r);
    FAIL();
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 429);
    EXPECT_GT(e.details()["retry_after_seconds"].get<int>(), 0);
  }
}

TEST(RateLimiter, TheLimitHoldsAcrossLimitersOnOneDatabase) {
  FakeClock clock;
  RateLimiter node_a(*clock.database, 4, 60s, clock.fn());
  RateLimiter node_b(*clock.database, 4, 60s, clock.fn());
  int allowed = 0;
  for (int i = 0; i < 5; ++i) allowed += node_a.allow("k") + node_b.allow("k");
  EXPECT_EQ(allowed, 4);
}
