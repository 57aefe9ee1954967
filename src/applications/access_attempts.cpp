#include "applications/access_attempts.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "platform/crypto.h"

namespace madoguchi::applications {

using platform::db::Connection;

namespace {

// Counts one attempt for the key: a new window when the last one ended. With
// `limit_to` set, counts nothing once the window already holds that many.
// Returns the count in the window after this attempt, or -1 when refused.
// One statement, so attempts counted at once on several nodes all count.
int count_attempt(Connection& c, const AttemptLimit& limit, const std::string& key_hash,
                  platform::Clock::time_point now, std::optional<int> limit_to) {
  const std::string window_open_since = platform::iso_timestamp(now - limit.window);
  auto row = c.query_one(
      "INSERT INTO access_attempts (scope, key_hash, window_start, failures) VALUES (?1, ?2, ?3, 1) "
      "ON CONFLICT (scope, key_hash) DO UPDATE SET "
      "failures = CASE WHEN access_attempts.window_start > ?4 THEN access_attempts.failures + 1 ELSE 1 END, "
      "window_start = CASE WHEN access_attempts.window_start > ?4 THEN access_attempts.window_start "
      "ELSE excluded.window_start END "
      "WHERE access_attempts.window_start <= ?4 OR access_attempts.failures < ?5 RETURNING failures",
      {limit.scope, key_hash, platform::iso_timestamp(now), window_open_since,
       static_cast<int64_t>(limit_to.value_or(std::numeric_limits<int>::max()))});
  c.execute("DELETE FROM access_attempts WHERE window_start < ?",
            {platform::iso_timestamp(now - std::chrono::hours(24))});
  return row ? static_cast<int>(row->integer(0)) : -1;
}

}  // namespace

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

int AccessAttempts::record_failure(const AttemptLimit& limit, std::string_view key) {
  auto now = clock_();
  std::string key_hash = platform::crypto::sha256_hex(key);
  return db_.write([&](Connection& c) { return count_attempt(c, limit, key_hash, now, std::nullopt); });
}

bool AccessAttempts::allow(const AttemptLimit& limit, std::string_view key) {
  auto now = clock_();
  std::string key_hash = platform::crypto::sha256_hex(key);
  return db_.write([&](Connection& c) { return count_attempt(c, limit, key_hash, now, limit.max_failures) > 0; });
}

std::chrono::seconds AccessAttempts::retry_after(const AttemptLimit& limit, std::string_view key) const {
  auto row = db_.read([&](Connection& c) {
    return c.query_one("SELECT window_start FROM access_attempts WHERE scope = ? AND key_hash = ?",
                       {limit.scope, platform::crypto::sha256_hex(key)});
  });
  if (!row) return std::chrono::seconds(0);
  auto left = platform::parse_iso_timestamp(row->text(0)) + limit.window - clock_();
  return std::max(std::chrono::seconds(0), std::chrono::ceil<std::chrono::seconds>(left));
}

}  // namespace madoguchi::applications
