// AccessAttempts: limits guessing at secrets short enough to be typed — the
// status look-up and resume codes — and other things a client may do only so
// often (uploads, refused looks at others' applications). Attempts are
// counted per scope and key (a reference, a client address) in fixed windows
// in the database, so every node shares the count; once a key reaches the
// limit, it is refused until its window ends. Keys are stored only as
// SHA-256. The counting rule itself (AttemptLimit::blocked) is pure.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "platform/db/database.h"
#include "platform/time.h"

namespace madoguchi::applications {

struct AttemptLimit {
  std::string scope;        // e.g. "status_client"
  int max_failures = 10;    // attempts allowed in one window
  std::chrono::seconds window{15 * 60};

  // Whether `failures` counted since `window_start` block another try at `now`.
  bool blocked(int failures, platform::Clock::time_point window_start, platform::Clock::time_point now) const;
};

class AccessAttempts {
 public:
  using Now = std::function<platform::Clock::time_point()>;
  explicit AccessAttempts(platform::db::Database& database, Now clock = {});

  bool blocked(const AttemptLimit& limit, std::string_view key) const;
  // Counts one (failed) attempt; returns how many the key has in its current window, this one included.
  int record_failure(const AttemptLimit& limit, std::string_view key);
  // Counts one attempt and returns true if the key is still within its limit;
  // false, counting nothing, once the limit is reached (one write: safe on several nodes).
  bool allow(const AttemptLimit& limit, std::string_view key);
  // How long until the key's window ends (zero if it has none open).
  std::chrono::seconds retry_after(const AttemptLimit& limit, std::string_view key) const;

 private:
  platform::db::Database& db_;
  Now clock_;
};

}  // namespace madoguchi::applications
