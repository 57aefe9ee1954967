#include "platform/db/sqlite_database.h"

namespace madoguchi::platform::db {

SqliteDatabase::SqliteDatabase(DatabaseSettings settings, Metrics* metrics)
    : settings_(std::move(settings)),
      writer_(settings_.location.sqlite_path, settings_.max_batch, settings_.busy_timeout_ms, metrics),
      checkpointer_(settings_.location.sqlite_path, settings_.checkpoint_interval, settings_.busy_timeout_ms, metrics) {}

SqliteDatabase::~SqliteDatabase() { stop(); }

void SqliteDatabase::stop() {
  writer_.stop();
  checkpointer_.stop();
}

void SqliteDatabase::run_read(const std::function<void(Connection&)>& job) {
  std::unique_ptr<SqliteConnection> connection;
  {
    std::lock_guard lock(readers_mutex_);
    if (!readers_.empty()) {
      connection = std::move(readers_.back());
      readers_.pop_back();
    }
  }
  if (!connection) {
    connection = std::make_unique<SqliteConnection>(settings_.location.sqlite_path, Connection::Mode::read_only,
                                                    settings_.busy_timeout_ms);
  }
  struct GiveBack {
    SqliteDatabase& db;
    std::unique_ptr<SqliteConnection>& connection;
    ~GiveBack() {
      std::lock_guard lock(db.readers_mutex_);
      db.readers_.push_back(std::move(connection));
    }
  } give_back{*this, connection};
  job(*connection);
}

}  // namespace madoguchi::platform::db
