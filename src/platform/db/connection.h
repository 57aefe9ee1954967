// Connection: one SQLite connection with cached prepared statements and a
// small value-based API (execute, query, query_one). A Connection is used by
// one thread at a time; Database hands them out.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace madoguchi::platform::db {

using Blob = std::vector<uint8_t>;
using Value = std::variant<std::nullptr_t, int64_t, double, std::string, Blob>;

// A bound parameter; converts from the usual C++ types.
struct Param {
  Value value;
  Param(std::nullptr_t) : value(nullptr) {}
  Param(int v) : value(static_cast<int64_t>(v)) {}
  Param(long v) : value(static_cast<int64_t>(v)) {}
  Param(long long v) : value(static_cast<int64_t>(v)) {}
  Param(unsigned v) : value(static_cast<int64_t>(v)) {}
  Param(unsigned long v) : value(static_cast<int64_t>(v)) {}
  Param(bool v) : value(static_cast<int64_t>(v ? 1 : 0)) {}
  Param(double v) : value(v) {}
  Param(const char* v) : value(std::string(v)) {}
  Param(std::string v) : value(std::move(v)) {}
  Param(std::string_view v) : value(std::string(v)) {}
  Param(Blob v) : value(std::move(v)) {}
  template <class T>
  Param(const std::optional<T>& v) : value(nullptr) {
    if (v) value = Param(*v).value;
  }
};
using Params = std::vector<Param>;

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool is_null(size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }
  // Typed access; a NULL reads as "" / 0. Throws DbError on a type mismatch.
  std::string text(size_t i) const;
  int64_t integer(size_t i) const;
  double real(size_t i) const;
  Blob blob(size_t i) const;
  std::optional<std::string> optional_text(size_t i) const;
  std::optional<int64_t> optional_integer(size_t i) const;

 private:
  std::vector<Value> values_;
};

class DbError : public std::runtime_error {
 public:
  DbError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }
  // A UNIQUE or PRIMARY KEY constraint failed.
  bool is_unique_violation() const;

 private:
  int code_;
};

class Connection {
 public:
  enum class Mode { read_write, read_only };
  Connection(const std::filesystem::path& path, Mode mode, int busy_timeout_ms = 5000);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements with no parameters (DDL, PRAGMA, BEGIN).
  void exec(std::string_view sql);
  // Runs one statement; returns the number of rows changed.
  int64_t execute(std::string_view sql, const Params& params = {});
  std::vector<Row> query(std::string_view sql, const Params& params = {});
  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
  int64_t last_insert_rowid() const;
  sqlite3* handle() { return db_; }

 private:
  sqlite3_stmt* prepare(std::string_view sql);
  void bind(sqlite3_stmt* stmt, const Params& params);
  [[noreturn]] void fail(int code, std::string_view context);

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace madoguchi::platform::db
