// Database: the database of one madoguchi instance, whichever engine holds it
// (SqliteDatabase, the embedded default; PgDatabase, for many nodes). Reads
// run on the calling thread on a pooled connection; writes run inside a
// transaction and return only once it is durably committed. A write job is
// pure database work: the engine may run it again (PostgreSQL, after a lost
// race), so it must not act outside the transaction. Never call either from
// an I/O thread: handlers run on the worker pool.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

#include "platform/db/connection.h"

namespace madoguchi::platform {
class Metrics;
}

namespace madoguchi::platform::db {

struct DatabaseSettings {
  DatabaseLocation location;
  int busy_timeout_ms = 5000;
  // SQLite
  size_t max_batch = 256;                               // write jobs committed together at most
  std::chrono::milliseconds checkpoint_interval{1000};  // WAL copied back into the file this often
  // PostgreSQL
  size_t pool_size = 16;                               // connections per node
  std::chrono::milliseconds acquire_timeout{10000};    // waiting for a free connection longer is a 503
  bool prepare_statements = true;                      // off behind pgbouncer in transaction mode
  int statement_timeout_ms = 25000;
  std::string listen_url;                              // events: a direct connection (not through pgbouncer); default: location.url
};

class Database {
 public:
  virtual ~Database() = default;
  Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // fn(Connection&) on a read connection; returns what fn returns.
  template <class F>
  auto read(F&& fn) {
    using R = std::invoke_result_t<F, Connection&>;
    if constexpr (std::is_void_v<R>) {
      run_read([&](Connection& c) { fn(c); });
    } else {
      std::optional<R> result;
      run_read([&](Connection& c) { result.emplace(fn(c)); });
      return std::move(*result);
    }
  }

  // fn(Connection&) inside a transaction; returns what fn returns once the
  // transaction is durable. If fn throws, its changes are rolled back and the
  // exception propagates.
  template <class F>
  auto write(F&& fn) {
    using R = std::invoke_result_t<F, Connection&>;
    if constexpr (std::is_void_v<R>) {
      run_write([&](Connection& c) { fn(c); });
    } else {
      std::optional<R> result;
      run_write([&](Connection& c) { result.emplace(fn(c)); });
      return std::move(*result);
    }
  }

  virtual Dialect dialect() const = 0;
  // Finishes what is queued and stops background work. Idempotent.
  virtual void stop() = 0;

 protected:
  virtual void run_read(const std::function<void(Connection&)>& job) = 0;
  virtual void run_write(const std::function<void(Connection&)>& job) = 0;
};

// The database the settings name: PostgreSQL when location.url is set, else
// SQLite at location.sqlite_path. Opening connects lazily: a PostgreSQL server
// that is down now is reported by the calls made while it is down.
std::unique_ptr<Database> open_database(const DatabaseSettings& settings, Metrics* metrics = nullptr);

}  // namespace madoguchi::platform::db
