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
#include "support/real_catalogue.h"
#include "support/test_database.h"

namespace madoguchi::applications::testing {

using madoguchi::testing::procedure;
using madoguchi::testing::real_catalogue;

inline constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::November,
                                                   std::chrono::day{22}};

// The demo answers of procedure `id`, dates relative to today resolved for kToday.
inline nlohmann::json sample(const std::string& id) { return madoguchi::testing::sample_answers_on(id, kToday); }

// A database with the notify and applications migrations, and a scratch folder beside it.
struct TempDatabase {
  madoguchi::testing::TestDatabase database{{"notify", "applications"}, "web"};
  platform::db::Database* db = &database.db();
  std::filesystem::path dir = madoguchi::testing::scratch_dir("web-" + platform::crypto::random_token(6));
};

}  // namespace madoguchi::applications::testing
