#include "platform/db/database.h"

namespace madoguchi::platform::db {

Database::Database(DatabaseSettings settings, Metrics* metrics)
    : settings_(std::move(settings)),
      writer_(settings_.path, settings_.max_batch, settings_.busy_timeout_ms, metrics),
      checkpointer_(settings_.path, settings_.checkpoint_interval, settings_.busy_timeout_ms, metrics) {}

Database::~Database() { stop(); }

Database::Lease::Lease(Database& database) : db(database) {
  {
    std::lock_guard lock(db.readers_mutex_);
    if (!db.readers_.empty()) {
      connection = std::move(db.readers_.back());
      db.readers_.pop_back();
      return;
    }
  }
  connection = std::make_unique<Connection>(db.settings_.path, Connection::Mode::read_only, db.settings_.busy_timeout_ms);
}

Database::Lease::~Lease() {
  std::lock_guard lock(db.readers_mutex_);
  db.readers_.push_back(std::move(connection));
}

}  // namespace madoguchi::platform::db
