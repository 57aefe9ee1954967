#include "app/migrated_database.h"

#include <stdexcept>

#include "app/application.h"
#include "platform/db/migrations.h"

namespace madoguchi::app {

void check_migrated(const Settings& settings) {
  const auto& location = settings.database.location;
  const std::string migrate = "madoguchi migrate" + (location.is_postgresql() ? std::string() : " --data " + settings.data_dir.string());
  if (!location.is_postgresql() && !std::filesystem::exists(location.sqlite_path)) {
    throw std::runtime_error("データベースがありません。先に `" + migrate + "` を実行してください。 / no database at " +
                             location.describe() + "; run `" + migrate + "` first");
  }
  auto connection = platform::db::connect(location, platform::db::Connection::Mode::read_write);
  auto pending = platform::db::pending_migrations(
      *connection, platform::db::load_migrations(settings.source_root, migration_modules(), connection->dialect()));
  if (!pending.empty()) {
    throw std::runtime_error("未適用のマイグレーションが " + std::to_string(pending.size()) + " 件あります。`" + migrate +
                             "` を実行してください。 / " + std::to_string(pending.size()) +
                             " migration(s) not applied; run `" + migrate + "`");
  }
}

std::unique_ptr<platform::db::Database> open_migrated_database(const Settings& settings, platform::Metrics* metrics) {
  check_migrated(settings);
  return platform::db::open_database(settings.database, metrics);
}

}  // namespace app
