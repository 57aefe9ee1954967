// The verification page's per-client limit.
#include <gtest/gtest.h>

#include "casework/rate_limiter.h"

namespace madoguchi::casework {
namespace {

TEST(RateLimiter, AllowsUpToTheLimitPerWindowAndKey) {
  RateLimiter::Clock::time_point now{};
  RateLimiter limiter(3, std::chrono::seconds(60), [&] { return now; });
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.allow("203.0.113.1"));
  EXPECT_FALSE(limiter.allow("203.0.113.1"));
  EXPECT_TRUE(limiter.allow("203.0.113.2"));
  now += std::chrono::seconds(59);
  EXPECT_FALSE(limiter.allow("203.0.113.1"));
  now += std::chrono::seconds(1);
  EXPECT_TRUE(limiter.allow("203.0.113.1"));
}

}  // namespace
}  // namespace madoguchi::casework
