#include "identity/lockout.h"

namespace madoguchi::identity {

bool is_locked(const LockoutState& state, TimePoint now) { return state.locked_until && now < *state.locked_until; }

LockoutState after_failure(const LockoutState& state, TimePoint now, const LockoutPolicy& policy) {
  if (is_locked(state, now)) return state;
  // A lock that has run out starts a fresh count.
  int failures = (state.locked_until ? 0 : state.failures) + 1;
  if (failures >= policy.max_failures) return LockoutState{0, now + policy.lock_for};
  return LockoutState{failures, std::nullopt};
}

LockoutState after_success() { return LockoutState{}; }

}  // namespace madoguchi::identity
