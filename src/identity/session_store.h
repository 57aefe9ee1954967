// SessionStore: signed-in browsers. The cookie carries a random token; the
// table keeps only its SHA-256, so a copy of the database signs no one in.
// Each sign-in gets a new token (no fixation). resolve() ends sessions past
// their idle or absolute limit (SessionPolicy) and refreshes last_seen at
// most once a minute.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "identity/session_policy.h"
#include "platform/db/database.h"

namespace madoguchi::identity {

inline constexpr const char* kSessionCookie = "mdg_session";

struct SessionRecord {
  std::string token_hash;
  SessionKind kind = SessionKind::staff;
  int64_t principal_id = 0;
  bool second_factor_pending = false;  // password checked, one-time code still due
  TimePoint created_at;
  TimePoint last_seen_at;
};

class SessionStore {
 public:
  using Now = std::function<TimePoint()>;
  explicit SessionStore(platform::db::Database& database, Now clock = {});

  static std::string hash_token(std::string_view token);

  // Creates a session in the caller's write transaction and returns the token
  // for the cookie. Also clears expired sessions of the same kind.
  std::string create(platform::db::Connection& connection, SessionKind kind, int64_t principal_id,
                     bool second_factor_pending = false) const;
  // The live session for a cookie token, or nothing (unknown or expired; an expired one is deleted).
  std::optional<SessionRecord> resolve(std::string_view token) const;
  void end(platform::db::Connection& connection, std::string_view token_hash) const;
  void end(std::string_view token_hash) const;
  // Ends every session of one account (password changed, account disabled).
  void end_all(platform::db::Connection& connection, SessionKind kind, int64_t principal_id) const;

  TimePoint now() const { return clock_(); }

 private:
  platform::db::Database& database_;
  Now clock_;
};

}  // namespace madoguchi::identity
