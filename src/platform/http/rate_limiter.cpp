#include "platform/http/rate_limiter.h"

#include <cmath>

#include "platform/crypto.h"
#include "platform/http/http_error.h"

namespace madoguchi::platform::http {

RateLimiter::RateLimiter(db::Database& database, int limit, std::chrono::seconds window, Now now)
    : database_(database), limit_(limit), window_(window), now_(now ? std::move(now) : Now([] { return Clock::now(); })) {}

RateLimiter::Window RateLimiter::window_at(Clock::time_point at) const {
  const auto since = at.time_since_epoch();
  const int64_t index = since / window_;
  return {index, std::chrono::duration<double>(since - index * window_) / window_};
}

std::pair<int64_t, int64_t> RateLimiter::counts(db::Connection& c, const std::string& key_hash, int64_t index) {
  int64_t previous = 0, current = 0;
  for (const auto& row : c.query("SELECT window_index, attempts FROM platform_rate_counts "
                                 "WHERE key_hash = ? AND window_index IN (?, ?)",
                                 {key_hash, index - 1, index})) {
    (row.integer(0) == index ? current : previous) = row.integer(1);
  }
  return {previous, current};
}

bool RateLimiter::allow(const std::string& key) {
  const auto [index, into] = window_at(now_());
  const std::string key_hash = crypto::sha256_hex(key);
  return database_.write([&](db::Connection& c) {
    if (last_sweep_.exchange(index) != index) {
      c.execute("DELETE FROM platform_rate_counts WHERE window_index < ?", {index - 1});
    }
    // Counted first: the row is then held, so attempts on other nodes count one after another.
    c.execute("INSERT INTO platform_rate_counts (key_hash, window_index, attempts) VALUES (?, ?, 1) "
              "ON CONFLICT (key_hash, window_index) DO UPDATE SET attempts = platform_rate_counts.attempts + 1",
              {key_hash, index});
    const auto [previous, current] = counts(c, key_hash, index);
    if (static_cast<double>(previous) * (1.0 - into) + static_cast<double>(current) <= limit_) return true;
    c.execute("UPDATE platform_rate_counts SET attempts = attempts - 1 WHERE key_hash = ? AND window_index = ?",
              {key_hash, index});
    return false;
  });
}

int RateLimiter::retry_after_seconds(const std::string& key) {
  const auto [index, into] = window_at(now_());
  const auto [previous, current] =
      database_.read([&](db::Connection& c) { return counts(c, crypto::sha256_hex(key), index); });
  const double over = static_cast<double>(previous) * (1.0 - into) + static_cast<double>(current) + 1 - limit_;
  if (over <= 0) return 0;
  // The previous window's share shrinks linearly; wait until it has shrunk enough.
  const double window_seconds = std::chrono::duration<double>(window_).count();
  const double per_second = static_cast<double>(previous) / window_seconds;
  const double seconds = per_second > 0 ? over / per_second : window_seconds * (1.0 - into);
  return std::max(1, static_cast<int>(std::ceil(seconds)));
}

Handler rate_limited(RateLimiter& limiter, Handler handler) {
  return [&limiter, handler = std::move(handler)](Request& request) {
    std::string key = request.route + "|" + request.remote_address;
    if (!limiter.allow(key)) {
      int wait = limiter.retry_after_seconds(key);
      HttpError error(429, "too_many_attempts",
                      "試行の回数が多すぎます。" + std::to_string(wait) + " 秒ほど待ってから、もう一度お試しください。",
                      "Too many attempts. Please wait about " + std::to_string(wait) + " seconds and try again.",
                      {{"retry_after_seconds", wait}});
      throw error;
    }
    return handler(request);
  };
}

}  // namespace madoguchi::platform::http
