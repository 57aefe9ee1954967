// Opens the instance's database for a command or the server, refusing with a
// clear message (Japanese and English) when it does not exist yet or has
// migrations that were not applied. A PostgreSQL server that cannot be
// reached is a DbError (unavailable): the server waits for it, commands stop.
#pragma once

#include <memory>

#include "app/settings.h"
#include "platform/db/database.h"

namespace madoguchi {
namespace platform {
class Metrics;
}
namespace app {

// Throws std::runtime_error when the database is missing or not migrated,
// platform::db::DbError when it cannot be reached.
void check_migrated(const Settings& settings);

std::unique_ptr<platform::db::Database> open_migrated_database(const Settings& settings,
                                                                platform::Metrics* metrics = nullptr);

}  // namespace app
}  // namespace madoguchi
