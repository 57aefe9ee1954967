// PgConnection: the PostgreSQL driver, over libpq. It rewrites `?` to $1…,
// sends integers as int8, reals as float8, bytes as bytea and text as
// untyped (the server infers), reads results back into the same Values as
// SQLite gives (booleans and integers as int64, bytea as Blob), and turns
// SQLSTATEs into DbError kinds. Statements are prepared once per connection
// unless `prepare` is off (pgbouncer in transaction mode).
#pragma once

#include <string>
#include <unordered_map>

#include "platform/db/connection.h"

struct pg_conn;
struct pg_result;

namespace madoguchi::platform::db {

struct PgOptions {
  bool prepare = true;
  int connect_timeout_seconds = 5;
  int statement_timeout_ms = 25000;  // under the HTTP request timeout: a stuck database never holds a request past it
};

class PgConnection final : public Connection {
 public:
  // `mode` sets nothing on the session: a session setting would pass, through
  // pgbouncer in transaction mode, to other clients' transactions. Reads are
  // read-only per transaction (PgDatabase begins them READ ONLY).
  PgConnection(const std::string& url, Mode mode, PgOptions options = {});
  ~PgConnection() override;

  Dialect dialect() const override { return Dialect::postgresql; }
  void exec(std::string_view sql) override;
  int64_t execute(std::string_view sql, const Params& params = {}) override;
  std::vector<Row> query(std::string_view sql, const Params& params = {}) override;
  void lock(std::string_view name) override;

  // False once the connection to the server is lost; the pool then drops it.
  bool healthy() const;
  pg_conn* handle() { return conn_; }

 private:
  pg_result* run(std::string_view sql, const Params& params);
  [[noreturn]] void fail(pg_result* result, std::string_view context);

  pg_conn* conn_ = nullptr;
  PgOptions options_;
  std::unordered_map<std::string, std::string> prepared_;  // `?` SQL → statement name
};

// The `?` placeholders of `sql` as $1, $2 … (and SQLite's numbered ?NNN as
// $NNN), outside string literals, quoted names and comments.
std::string numbered_placeholders(std::string_view sql);

}  // namespace madoguchi::platform::db
