// Shared by the counter unit tests: the real procedure catalogue and its
// sample answers, and a fresh migrated database in a scratch folder.
#pragma once

#include <chrono>
#include <fstream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "forms/sample_dates.h"
#include "platform/crypto.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "procedures/catalogue.h"
#include "support/scratch.h"

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

struct TempDatabase {
  std::unique_ptr<platform::db::Database> db;
  explicit TempDatabase(const std::string& name) {
    platform::crypto::init();
    auto dir = madoguchi::testing::scratch_dir(name);
    {
      platform::db::Connection c(dir / "db", platform::db::Connection::Mode::read_write);
      platform::db::apply_migrations(
          c, platform::db::load_migrations(MADOGUCHI_SOURCE_DIR, {"platform", "notify", "identity", "applications", "counter"}));
    }
    db = std::make_unique<platform::db::Database>(platform::db::DatabaseSettings{dir / "db"});
  }
};

}  // namespace madoguchi::counter::testing
