// Session lifetimes, pure: a session ends after `idle` without a request or
// `absolute` after sign-in, whichever comes first. Staff sessions idle out
// after 30 minutes, citizen sessions after 60; both end after 12 hours. A
// sign-in waiting for its one-time code lives 5 minutes.
#pragma once

#include <chrono>

#include "identity/lockout.h"

namespace madoguchi::identity {

enum class SessionKind { staff, citizen };

struct SessionPolicy {
  std::chrono::minutes idle;
  std::chrono::minutes absolute;

  static SessionPolicy staff() { return {std::chrono::minutes(30), std::chrono::hours(12)}; }
  static SessionPolicy citizen() { return {std::chrono::minutes(60), std::chrono::hours(12)}; }
  static SessionPolicy second_factor() { return {std::chrono::minutes(5), std::chrono::minutes(5)}; }
  static SessionPolicy for_kind(SessionKind kind) { return kind == SessionKind::staff ? staff() : citizen(); }
};

// last_seen is only refreshed this often, so a busy session is not written on every request.
inline constexpr std::chrono::seconds kSessionTouchInterval{60};

bool session_alive(TimePoint created_at, TimePoint last_seen_at, TimePoint now, const SessionPolicy& policy);

}  // namespace madoguchi::identity
