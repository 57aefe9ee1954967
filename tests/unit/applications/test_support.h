// Shared by the applications unit tests: the real procedure catalogue, the
// realistic sample answers, and a fresh migrated database in a temporary
// directory.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "forms/sample_dates.h"
#include "platform/crypto.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "procedures/catalogue.h"

namespace madoguchi::applications::testing {

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

// The demo answers of procedure `id`, dates relative to today resolved for kToday.
inline nlohmann::json sample(const std::string& id) {
  std::ifstream in(std::string(MADOGUCHI_SOURCE_DIR) + "/demo/answers/" + id + ".json");
  return forms::resolve_sample_dates(nlohmann::json::parse(in), kToday);
}

struct TempDatabase {
  std::filesystem::path dir;
  std::unique_ptr<platform::db::Database> db;
  TempDatabase() {
    platform::crypto::init();
    static int n = 0;
    dir = std::filesystem::temp_directory_path() /
          ("madoguchi-web-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    {
      platform::db::Connection c(dir / "db", platform::db::Connection::Mode::read_write);
      platform::db::apply_migrations(c, platform::db::load_migrations(MADOGUCHI_SOURCE_DIR, {"notify", "applications"}));
    }
    db = std::make_unique<platform::db::Database>(platform::db::DatabaseSettings{dir / "db"});
  }
  ~TempDatabase() {
    db.reset();
    std::filesystem::remove_all(dir);
  }
};

}  // namespace madoguchi::applications::testing
