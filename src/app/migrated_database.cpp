#include "app/migrated_database.h"

#include <stdexcept>

#include "app/application.h"
#include "platform/db/migrations.h"

namespace madoguchi::app {

std::unique_ptr<platform::db::Database> open_migrated_database(const Settings& settings, platform::Metrics* metrics) {
  if (!std::filesystem::exists(settings.database_path())) {
    throw std::runtime_error("データベースがありません。先に `madoguchi migrate --data " + settings.data_dir.string() +
                             "` を実行してください。 / no database at " + settings.database_path().string() +
                             "; run `madoguchi migrate --data " + settings.data_dir.string() + "` first");
  }
  {
    platform::db::Connection check(settings.database_path(), platform::db::Connection::Mode::read_write);
    auto pending = platform::db::pending_migrations(
        check, platform::db::load_migrations(settings.source_root, migration_modules()));
    if (!pending.empty()) {
      throw std::runtime_error("未適用のマイグレーションが " + std::to_string(pending.size()) +
                               " 件あります。`madoguchi migrate` を実行してください。 / " + std::to_string(pending.size()) +
                               " migration(s) not applied; run `madoguchi migrate --data " + settings.data_dir.string() + "`");
    }
  }
  return std::make_unique<platform::db::Database>(settings.database, metrics);
}

}  // namespace madoguchi::app
