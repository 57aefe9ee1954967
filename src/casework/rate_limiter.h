// RateLimiter: at most `limit` requests per key (a client address) in each
// fixed window, kept in memory for this process — enough to stop one client
// hammering a public page; each node of a cluster limits on its own. Keys
// not seen in the current window are forgotten when a window starts, so the
// table stays as small as one window's clients. Thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace madoguchi::casework {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  RateLimiter(int limit, std::chrono::seconds window, std::function<Clock::time_point()> clock = {});

  // Counts a request; false if the key already used its allowance in this window.
  bool allow(std::string_view key);

 private:
  int limit_;
  std::chrono::seconds window_;
  std::function<Clock::time_point()> clock_;
  std::mutex mutex_;
  Clock::time_point window_start_{};
  std::unordered_map<std::string, int> counts_;
};

}  // namespace madoguchi::casework
