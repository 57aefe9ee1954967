#include "platform/http/rate_limiter.h"

#include <cmath>

#include "platform/http/http_error.h"

namespace madoguchi::platform::http {

RateLimiter::RateLimiter(int limit, std::chrono::seconds window, Now now)
    : limit_(limit), window_(window), now_(now ? std::move(now) : Now([] { return Clock::now(); })) {}

double RateLimiter::estimate(Window& w, Clock::time_point at) {
  auto since = at.time_since_epoch();
  int64_t index = since / window_;
  if (index != w.index) {
    w.previous = index == w.index + 1 ? w.current : 0;
    w.current = 0;
    w.index = index;
  }
  double into = std::chrono::duration<double>(since - index * window_) / window_;
  return w.previous * (1.0 - into) + w.current;
}

void RateLimiter::forget_idle(int64_t index) {
  if (index == last_sweep_) return;
  last_sweep_ = index;
  std::erase_if(windows_, [&](const auto& entry) { return entry.second.index < index - 1; });
}

bool RateLimiter::allow(const std::string& key) {
  auto at = now_();
  std::lock_guard lock(mutex_);
  forget_idle(at.time_since_epoch() / window_);
  auto& w = windows_[key];
  if (estimate(w, at) + 1 > limit_) return false;
  ++w.current;
  return true;
}

int RateLimiter::retry_after_seconds(const std::string& key) {
  auto at = now_();
  std::lock_guard lock(mutex_);
  auto it = windows_.find(key);
  if (it == windows_.end()) return 0;
  double over = estimate(it->second, at) + 1 - limit_;
  if (over <= 0) return 0;
  // The previous window's share shrinks linearly; wait until it has shrunk enough.
  double per_second = it->second.previous / std::chrono::duration<double>(window_).count();
  double seconds = per_second > 0 ? over / per_second : std::chrono::duration<double>(window_).count();
  return std::max(1, static_cast<int>(std::ceil(seconds)));
}

Handler rate_limited(RateLimiter& limiter, Handler handler) {
  return [&limiter, handler = std::move(handler)](Request& request) {
    std::string key = request.route + "|" + request.remote_address;
    if (!limiter.allow(key)) {
      int wait = limiter.retry_after_seconds(key);
      HttpError error(429, "too_many_attempts",
                      "試行の回数が多すぎます。" + std::to_string(wait) + " 秒ほど待ってから、もう一度お試しください。",
                      "Too many attempts. Please wait about " + std::to_string(wait) + " seconds and try again.",
                      {{"retry_after_seconds", wait}});
      throw error;
    }
    return handler(request);
  };
}

}  // namespace madoguchi::platform::http
