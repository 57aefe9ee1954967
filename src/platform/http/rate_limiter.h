// RateLimiter: at most `limit` attempts per key (a client address) in any
// window of `window` length, counted with a fixed-window-plus-previous
// estimate so bursts at a window boundary cannot double the limit. Used to
// slow down guessing: sign-in, status look-ups, resume codes, verification.
// The counts live in the database, so the limit holds across every node;
// windows older than the previous one are deleted as time moves on.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

#include "platform/db/database.h"
#include "platform/http/router.h"
#include "platform/time.h"

namespace madoguchi::platform::http {

class RateLimiter {
 public:
  using Now = std::function<Clock::time_point()>;

  RateLimiter(db::Database& database, int limit, std::chrono::seconds window, Now now = {});

  // Counts an attempt; false if the key is over its limit (the attempt is not counted then).
  bool allow(const std::string& key);
  // Seconds until an attempt would be allowed again (for Retry-After).
  int retry_after_seconds(const std::string& key);

 private:
  struct Window {
    int64_t index = 0;
    double into = 0;  // how far into the window `at` is, 0 to 1
  };
  Window window_at(Clock::time_point at) const;
  // Attempts in the previous and the current window.
  std::pair<int64_t, int64_t> counts(db::Connection& c, const std::string& key_hash, int64_t index);

  db::Database& database_;
  int limit_;
  std::chrono::seconds window_;
  Now now_;
  std::atomic<int64_t> last_sweep_{0};
};

// Wraps a handler: over the limit, answers 429 with Retry-After and a clear
// message instead of calling it. The key is the client's address.
Handler rate_limited(RateLimiter& limiter, Handler handler);

}  // namespace madoguchi::platform::http
