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
#include "procedures/catalogue.h"
#include "support/test_database.h"

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

// A database with the notify and applications migrations, and a scratch folder beside it.
struct TempDatabase {
  madoguchi::testing::TestDatabase database{{"notify", "applications"}, "web"};
  platform::db::Database* db = &database.db();
  std::filesystem::path dir = madoguchi::testing::scratch_dir("web-" + platform::crypto::random_token(6));
};

}  // namespace madoguchi::applications::testing
