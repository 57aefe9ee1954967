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
#include "support/test_database.h"

namespace madoguchi::counter::testing {

inline constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::November,
                                                   std::chrono::day{22}};

inline const procedures::Catalogue& real_catalogue() {
  static const auto loaded = procedures::load_catalogue(MADOGUCHI_SOURCE_DIR "/procedures");
  if (!loaded.catalogue) std::abort();
  return *loaded.catalogue;
}

inline const procedures::Procedure& procedure(const std::string& id) {
  const auto* p = real_catalogue().find(id);
  if (!p) std::abort();
  return *p;
}

inline nlohmann::json sample(const std::string& id, std::chrono::year_month_day today = kToday) {
  std::ifstream in(std::string(MADOGUCHI_SOURCE_DIR) + "/demo/answers/" + id + ".json");
  return forms::resolve_sample_dates(nlohmann::json::parse(in), today);
}

// A fresh migrated database on the run's engine (support/test_database.h).
struct TempDatabase {
  madoguchi::testing::TestDatabase database;
  platform::db::Database* db;
  explicit TempDatabase(const std::string& name = "counter")
      : database({"platform", "notify", "identity", "applications", "counter"}, name), db(&database.db()) {}
};

}  // namespace madoguchi::counter::testing
