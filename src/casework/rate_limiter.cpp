#include "casework/rate_limiter.h"

namespace madoguchi::casework {

RateLimiter::RateLimiter(int limit, std::chrono::seconds window, std::function<Clock::time_point()> clock)
    : limit_(limit), window_(window), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return Clock::now(); };
  window_start_ = clock_();
}

bool RateLimiter::allow(std::string_view key) {
  const auto now = clock_();
  std::lock_guard lock(mutex_);
  if (now - window_start_ >= window_) {
    counts_.clear();
    window_start_ = now;
  }
  int& count = counts_[std::string(key)];
  if (count >= limit_) return false;
  ++count;
  return true;
}

}  // namespace madoguchi::casework
