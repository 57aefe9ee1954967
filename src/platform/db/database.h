// Database: the SQLite database of one madoguchi instance. Reads run on the
// calling thread with a pooled read-only connection; writes go through the
// GroupCommitWriter and return only once durable. Never call either from an
// I/O thread: handlers run on the worker pool.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <vector>

#include "platform/db/checkpointer.h"
#include "platform/db/connection.h"
#include "platform/db/group_commit_writer.h"

namespace madoguchi::platform::db {

struct DatabaseSettings {
  std::filesystem::path path;
  size_t max_batch = 256;
  int busy_timeout_ms = 5000;
  std::chrono::milliseconds checkpoint_interval{1000};  // WAL copied back into the file this often
};

class Database {
 public:
  explicit Database(DatabaseSettings settings, Metrics* metrics = nullptr);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // fn(Connection&) on a read-only connection; returns what fn returns.
  template <class F>
  auto read(F&& fn) {
    Lease lease(*this);
    return fn(*lease.connection);
  }

  // fn(Connection&) inside a group-committed transaction; returns what fn
  // returns once the transaction is durable. If fn throws, its changes are
  // rolled back and the exception propagates.
  template <class F>
  auto write(F&& fn) {
    using R = std::invoke_result_t<F, Connection&>;
    if constexpr (std::is_void_v<R>) {
      writer_.submit([&](Connection& c) { fn(c); });
    } else {
      std::optional<R> result;
      writer_.submit([&](Connection& c) { result.emplace(fn(c)); });
      return std::move(*result);
    }
  }

  const std::filesystem::path& path() const { return settings_.path; }
  // Copies the WAL back into the database file now (it also happens every checkpoint_interval).
  CheckpointResult checkpoint() { return checkpointer_.checkpoint_now(); }
  void stop() {
    writer_.stop();
    checkpointer_.stop();
  }

 private:
  struct Lease {
    explicit Lease(Database& db);
    ~Lease();
    Database& db;
    std::unique_ptr<Connection> connection;
  };

  DatabaseSettings settings_;
  GroupCommitWriter writer_;
  Checkpointer checkpointer_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> readers_;
};

}  // namespace madoguchi::platform::db
