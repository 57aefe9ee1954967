// Connection: one connection to the database, with the small value-based API
// every store is written against (exec, execute, query, query_one, lock).
// SQL uses `?` placeholders and the dialect both engines share; each driver
// handles its own placeholders, types and errors. A Connection is used by one
// thread at a time; Database hands them out.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/db/db_error.h"
#include "platform/db/value.h"

namespace madoguchi::platform::db {

enum class Dialect { sqlite, postgresql };

std::string_view dialect_name(Dialect dialect);

class Connection {
 public:
  enum class Mode { read_write, read_only };

  virtual ~Connection() = default;
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  virtual Dialect dialect() const = 0;
  // Runs one or more statements with no parameters (DDL, BEGIN, COMMIT).
  virtual void exec(std::string_view sql) = 0;
  // Runs one statement; returns the number of rows changed.
  virtual int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  virtual std::vector<Row> query(std::string_view sql, const Params& params = {}) = 0;
  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
  // Inside a write: transactions that take the same named lock run one after
  // another from here until they end (a read-modify-write of one hot row,
  // such as the audit chain's head). SQLite's one writer needs nothing.
  virtual void lock(std::string_view name) = 0;
  // Runs fn so that, if it throws, only fn's changes are undone and the
  // transaction goes on (PostgreSQL otherwise refuses every later statement).
  void savepoint(const std::function<void()>& fn);
  // Inside a write: runs `fn` once the transaction has committed (never if it
  // rolls back), on the thread that committed it. For telling others about
  // what the transaction wrote (waking a worker, publishing an event).
  void after_commit(std::function<void()> fn) { after_commit_.push_back(std::move(fn)); }
  // For the engines: what to run now the transaction committed, and how many
  // are queued (to forget those of a job that was rolled back).
  std::vector<std::function<void()>> take_after_commit() { return std::exchange(after_commit_, {}); }
  size_t after_commit_count() const { return after_commit_.size(); }
  void forget_after_commit(size_t keep) { after_commit_.resize(keep); }
  // Ends a SELECT that claims work rows: on PostgreSQL, FOR UPDATE SKIP
  // LOCKED (each node gets rows no other node holds); SQLite's one writer
  // needs nothing.
  std::string_view claim_rows() const;

 private:
  std::vector<std::function<void()>> after_commit_;
};

// Where the database is: a PostgreSQL URL (postgresql://…, or a libpq
// key=value string), or else the SQLite file at `sqlite_path`.
struct DatabaseLocation {
  std::string url;
  std::filesystem::path sqlite_path;
  bool is_postgresql() const { return !url.empty(); }
  // For messages: the URL without its password, or the file's path.
  std::string describe() const;
};

// Opens one connection; throws DbError (unavailable) when it cannot.
std::unique_ptr<Connection> connect(const DatabaseLocation& location, Connection::Mode mode,
                                    int busy_timeout_ms = 5000);

}  // namespace madoguchi::platform::db
