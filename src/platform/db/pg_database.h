// PgDatabase: PostgreSQL, for several app nodes on one database. Each read
// takes a connection from the node's read-only pool, each write one from its
// write pool (each at most pool_size connections); a write is one
// READ COMMITTED transaction, run again when it loses a race (serialization
// failure, deadlock) or when the connection drops before COMMIT. A connection
// lost during COMMIT leaves the outcome unknown: that is reported, never
// retried (clients repeat with their Idempotency-Key).
#pragma once

#include "platform/db/database.h"
#include "platform/db/pg_pool.h"

namespace madoguchi::platform::db {

class PgDatabase final : public Database {
 public:
  explicit PgDatabase(const DatabaseSettings& settings, Metrics* metrics = nullptr);

  Dialect dialect() const override { return Dialect::postgresql; }
  void stop() override {}
  PgPool& readers() { return readers_; }
  PgPool& writers() { return writers_; }

 protected:
  void run_read(const std::function<void(Connection&)>& job) override;
  void run_write(const std::function<void(Connection&)>& job) override;

 private:
  // One attempt; false when it lost a race or its connection before COMMIT and may run again.
  bool try_write(const std::function<void(Connection&)>& job, bool last_attempt);

  PgPool readers_;
  PgPool writers_;
  Metrics* metrics_;
};

}  // namespace madoguchi::platform::db
