// PgPool: the node's own pool of PostgreSQL connections (at most `size`),
// made on demand. A lease returns its connection when it ends unless the
// connection broke, so a node recovers by itself once the server is back.
// Waiting longer than the acquire timeout for a free connection, or failing
// to connect, throws DbError (unavailable).
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "platform/db/pg_connection.h"

namespace madoguchi::platform::db {

class PgPool {
 public:
  PgPool(std::string url, Connection::Mode mode, size_t size, std::chrono::milliseconds acquire_timeout,
         PgOptions options);

  class Lease {
   public:
    Lease(PgPool& pool, std::unique_ptr<PgConnection> connection) : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept : pool_(std::exchange(other.pool_, nullptr)), connection_(std::move(other.connection_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    PgConnection& operator*() { return *connection_; }
    PgConnection* operator->() { return connection_.get(); }
    // Drops the connection instead of returning it (after an error that may have left it unusable).
    void discard() { connection_.reset(); }

   private:
    PgPool* pool_;
    std::unique_ptr<PgConnection> connection_;
  };

  Lease acquire();
  // Connections made and not yet dropped, idle or leased.
  size_t open() const;

 private:
  void give_back(std::unique_ptr<PgConnection> connection);

  std::string url_;
  Connection::Mode mode_;
  size_t size_;
  std::chrono::milliseconds acquire_timeout_;
  PgOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable released_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  size_t open_ = 0;
};

}  // namespace madoguchi::platform::db
