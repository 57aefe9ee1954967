// Shared by the counter unit tests: the real procedure catalogue and its
// sample answers, and a fresh migrated database on the run's engine.
#pragma once

#include <chrono>
#include <fstream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "forms/sample_dates.h"
#include "platform/crypto.h"
#include "platform/db/database.h"
#include "procedures/catalogue.h"
#include "support/real_catalogue.h"
#include "support/test_database.h"

namespace madoguchi::counter::testing {

using madoguchi::testing::procedure;
using madoguchi::testing::real_catalogue;

inline constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::November,
                                                   std::chrono::day{22}};

inline nlohmann::json sample(const std::string& id, std::chrono::year_month_day today = kToday) {
  return madoguchi::testing::sample_answers_on(id, today);
}

// A fresh migrated database on the run's engine (support/test_database.h).
struct TempDatabase {
  madoguchi::testing::TestDatabase database;
  platform::db::Database* db;
  explicit TempDatabase(const std::string& name = "counter")
      : database({"platform", "notify", "identity", "applications", "counter"}, name), db(&database.db()) {}
};

}  // namespace madoguchi::counter::testing
