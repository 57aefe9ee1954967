// RateLimiter: at most `limit` attempts per key (a client address) in any
// window of `window` length, counted with a fixed-window-plus-previous
// estimate so bursts at a window boundary cannot double the limit. Used to
// slow down guessing: sign-in, status look-ups, resume codes, verification.
// Thread-safe; memory is bounded by forgetting keys idle for two windows.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "platform/http/router.h"

namespace madoguchi::platform::http {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  using Now = std::function<Clock::time_point()>;

  RateLimiter(int limit, std::chrono::seconds window, Now now = {});

  // Counts an attempt; false if the key is over its limit (the attempt is not counted then).
  bool allow(const std::string& key);
  // Seconds until an attempt would be allowed again (for Retry-After).
  int retry_after_seconds(const std::string& key);

 private:
  struct Window {
    int64_t index = 0;
    int current = 0;
    int previous = 0;
  };
  double estimate(Window& w, Clock::time_point at);
  void forget_idle(int64_t index);

  int limit_;
  std::chrono::seconds window_;
  Now now_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
  int64_t last_sweep_ = 0;
};

// Wraps a handler: over the limit, answers 429 with Retry-After and a clear
// message instead of calling it. The key is the client's address.
Handler rate_limited(RateLimiter& limiter, Handler handler);

}  // namespace madoguchi::platform::http
