// StatsReader: gathers what the public figures need from the database — the
// applications table (owned by applications) and the notices casework
// issued — as a read model: counts by procedure, channel and status (a
// covering index scan), the days from submission to decision of every
// decided case, and the open cases past their due date. Results are cached
// for `ttl`, so a busy dashboard costs one gathering per interval.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>

#include <nlohmann/json.hpp>

#include "platform/db/database.h"
#include "platform/time.h"
#include "procedures/catalogue.h"

namespace madoguchi::insight {

class StatsReader {
 public:
  StatsReader(platform::db::Database& database, const procedures::Catalogue& catalogue,
              std::chrono::seconds ttl = std::chrono::seconds(60),
              std::function<platform::Clock::time_point()> clock = {});

  // The figures (insight/stats.h), at most `ttl` old.
  nlohmann::json figures();

 private:
  nlohmann::json gather();

  platform::db::Database& db_;
  const procedures::Catalogue& catalogue_;
  std::chrono::seconds ttl_;
  std::function<platform::Clock::time_point()> clock_;
  std::mutex mutex_;
  std::optional<platform::Clock::time_point> cached_at_;
  nlohmann::json cached_;
};

}  // namespace madoguchi::insight
