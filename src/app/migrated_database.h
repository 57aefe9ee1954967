// Opens the instance's database for a command or the server, refusing with a
// clear message (Japanese and English) when it does not exist yet or has
// migrations that were not applied.
#pragma once

#include <memory>

#include "app/settings.h"
#include "platform/db/database.h"

namespace madoguchi {
namespace platform {
class Metrics;
}
namespace app {

std::unique_ptr<platform::db::Database> open_migrated_database(const Settings& settings,
                                                                platform::Metrics* metrics = nullptr);

}  // namespace app
}  // namespace madoguchi
