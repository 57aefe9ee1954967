#include "platform/db/pg_pool.h"

namespace madoguchi::platform::db {

PgPool::PgPool(std::string url, Connection::Mode mode, size_t size, std::chrono::milliseconds acquire_timeout,
               PgOptions options)
    : url_(std::move(url)), mode_(mode), size_(size ? size : 1), acquire_timeout_(acquire_timeout), options_(options) {}

PgPool::Lease::~Lease() {
  if (pool_) pool_->give_back(std::move(connection_));
}

PgPool::Lease PgPool::acquire() {
  {
    std::unique_lock lock(mutex_);
    if (!released_.wait_for(lock, acquire_timeout_, [this] { return !idle_.empty() || open_ < size_; })) {
      throw DbError(DbError::Kind::unavailable, "no database connection became free in time", "53300");
    }
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
    ++open_;
  }
  try {
    return Lease(*this, std::make_unique<PgConnection>(url_, mode_, options_));
  } catch (...) {
    std::lock_guard lock(mutex_);
    --open_;
    released_.notify_one();
    throw;
  }
}

void PgPool::give_back(std::unique_ptr<PgConnection> connection) {
  std::lock_guard lock(mutex_);
  if (connection && connection->healthy()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  released_.notify_one();
}

size_t PgPool::open() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace madoguchi::platform::db
