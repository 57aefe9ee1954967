// AccessAttempts: limits guessing at secrets short enough to be typed — the
// status look-up (reference with birth date or e-mail) and resume codes.
// Failures are counted per scope and key (a reference, a client address) in
// fixed windows; once a key reaches the limit, it is refused until its
// window ends. Keys are stored only as SHA-256. The counting rule itself
// (AttemptLimit::blocked) is pure.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "platform/db/database.h"
#include "platform/time.h"

namespace madoguchi::applications {

struct AttemptLimit {
  std::string scope;        // e.g. "status_reference"
  int max_failures = 10;    // failures allowed in one window
  std::chrono::seconds window{15 * 60};

  // Whether `failures` counted since `window_start` block another try at `now`.
  bool blocked(int failures, platform::Clock::time_point window_start, platform::Clock::time_point now) const;
};

class AccessAttempts {
 public:
  using Now = std::function<platform::Clock::time_point()>;
  explicit AccessAttempts(platform::db::Database& database, Now clock = {});

  bool blocked(const AttemptLimit& limit, std::string_view key) const;
  void record_failure(const AttemptLimit& limit, std::string_view key);

 private:
  platform::db::Database& db_;
  Now clock_;
};

}  // namespace madoguchi::applications
