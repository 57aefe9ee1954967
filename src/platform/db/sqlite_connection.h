// SqliteConnection: the embedded driver. One SQLite connection with cached
// prepared statements; WAL with synchronous=FULL when it writes, query_only
// when it reads.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>

#include "platform/db/connection.h"

struct sqlite3;
struct sqlite3_stmt;

namespace madoguchi::platform::db {

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::filesystem::path& path, Mode mode, int busy_timeout_ms = 5000);
  ~SqliteConnection() override;

  Dialect dialect() const override { return Dialect::sqlite; }
  void exec(std::string_view sql) override;
  int64_t execute(std::string_view sql, const Params& params = {}) override;
  std::vector<Row> query(std::string_view sql, const Params& params = {}) override;
  void lock(std::string_view) override {}
  sqlite3* handle() { return db_; }

 private:
  sqlite3_stmt* prepare(std::string_view sql);
  void bind(sqlite3_stmt* stmt, const Params& params);
  [[noreturn]] void fail(int code, std::string_view context);

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace madoguchi::platform::db
