// Lockout, pure: after `max_failures` wrong passwords (or one-time codes) in a
// row an account is locked for `lock_for`; while locked no attempt is even
// checked. A success, or the lock running out, starts the count again.
#pragma once

#include <chrono>
#include <optional>

#include "platform/time.h"

namespace madoguchi::identity {

using TimePoint = platform::Clock::time_point;

struct LockoutPolicy {
  int max_failures = 5;
  std::chrono::minutes lock_for{15};
};

struct LockoutState {
  int failures = 0;                      // consecutive, since the last success or lock
  std::optional<TimePoint> locked_until;  // set while (or after) locked
  friend bool operator==(const LockoutState&, const LockoutState&) = default;
};

bool is_locked(const LockoutState& state, TimePoint now);
// The state after a failed attempt at `now`; locks on reaching max_failures.
LockoutState after_failure(const LockoutState& state, TimePoint now, const LockoutPolicy& policy);
LockoutState after_success();

}  // namespace madoguchi::identity
