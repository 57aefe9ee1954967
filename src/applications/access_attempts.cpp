#include "applications/access_attempts.h"

#include "platform/crypto.h"

namespace madoguchi::applications {

using platform::db::Connection;

bool AttemptLimit::blocked(int failures, platform::Clock::time_point window_start,
                           platform::Clock::time_point now) const {
  return now < window_start + window && failures >= max_failures;
}

AccessAttempts::AccessAttempts(platform::db::Database& database, Now clock)
    : db_(database), clock_(clock ? std::move(clock) : [] { return platform::Clock::now(); }) {}

bool AccessAttempts::blocked(const AttemptLimit& limit, std::string_view key) const {
  auto row = db_.read([&](Connection& c) {
    return c.query_one("SELECT window_start, failures FROM access_attempts WHERE scope = ? AND key_hash = ?",
                       {limit.scope, platform::crypto::sha256_hex(key)});
  });
  if (!row) return false;
  return limit.blocked(static_cast<int>(row->integer(1)), platform::parse_iso_timestamp(row->text(0)), clock_());
}

void AccessAttempts::record_failure(const AttemptLimit& limit, std::string_view key) {
  auto now = clock_();
  std::string key_hash = platform::crypto::sha256_hex(key);
  const std::string window_open_since = platform::iso_timestamp(now - limit.window);
  db_.write([&](Connection& c) {
    // One statement, so failures counted at once on several nodes all count.
    c.execute(
        "INSERT INTO access_attempts (scope, key_hash, window_start, failures) VALUES (?, ?, ?, 1) "
        "ON CONFLICT (scope, key_hash) DO UPDATE SET "
        "failures = CASE WHEN access_attempts.window_start > ? THEN access_attempts.failures + 1 ELSE 1 END, "
        "window_start = CASE WHEN access_attempts.window_start > ? THEN access_attempts.window_start "
        "ELSE excluded.window_start END",
        {limit.scope, key_hash, platform::iso_timestamp(now), window_open_since, window_open_since});
    c.execute("DELETE FROM access_attempts WHERE window_start < ?",
              {platform::iso_timestamp(now - std::chrono::hours(24))});
  });
}

}  // namespace madoguchi::applications
