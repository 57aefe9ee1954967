// RetrySchedule: how long the mailer waits after a failed attempt before the
// next one, and after how many attempts it gives up and marks a message
// failed. Defaults: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, then failed after
// the 7th attempt (about 21 hours after the first).
#pragma once

#include <chrono>
#include <optional>
#include <vector>

namespace madoguchi::notify {

struct RetrySchedule {
  // Wait after the 1st, 2nd, … failed attempt; past the end the last one repeats.
  std::vector<std::chrono::seconds> delays = {std::chrono::minutes(1),  std::chrono::minutes(5),
                                              std::chrono::minutes(30), std::chrono::hours(2),
                                              std::chrono::hours(6),    std::chrono::hours(12)};
  int max_attempts = 7;

  // The wait before the next attempt once `attempts` attempts have failed, or
  // nullopt when attempts has reached max_attempts and the message should fail.
  std::optional<std::chrono::seconds> delay_after(int attempts) const;
};

}  // namespace madoguchi::notify
