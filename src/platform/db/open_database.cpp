#include "platform/db/database.h"
#include "platform/db/pg_database.h"
#include "platform/db/sqlite_database.h"

namespace madoguchi::platform::db {

std::unique_ptr<Database> open_database(const DatabaseSettings& settings, Metrics* metrics) {
  if (settings.location.is_postgresql()) return std::make_unique<PgDatabase>(settings, metrics);
  return std::make_unique<SqliteDatabase>(settings, metrics);
}

}  // namespace madoguchi::platform::db
