#include "platform/db/sqlite_connection.h"

#include <sqlite3.h>

namespace madoguchi::platform::db {

namespace {

// Resets a cached statement when a call leaves, however it leaves.
struct ResetOnExit {
  sqlite3_stmt* stmt;
  ~ResetOnExit() {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  }
};

DbError::Kind kind_of(int extended_code) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return DbError::Kind::unique_violation;
    case SQLITE_BUSY_SNAPSHOT:
      return DbError::Kind::serialization_failure;
    default:
      break;
  }
  switch (extended_code & 0xFF) {
    case SQLITE_CONSTRAINT:
      return DbError::Kind::constraint_violation;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_NOMEM:
      return DbError::Kind::unavailable;
    default:
      return DbError::Kind::other;
  }
}

DbError error_of(int extended_code, const std::string& message) {
  return DbError(kind_of(extended_code), message, std::to_string(extended_code));
}

Value column_value(sqlite3_stmt* stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
      return static_cast<int64_t>(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, i);
    case SQLITE_TEXT:
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)),
                         static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
    case SQLITE_BLOB: {
      auto data = static_cast<const uint8_t*>(sqlite3_column_blob(stmt, i));
      return Blob(data, data + sqlite3_column_bytes(stmt, i));
    }
    default:
      return nullptr;
  }
}

}  // namespace

SqliteConnection::SqliteConnection(const std::filesystem::path& path, Mode mode, int busy_timeout_ms) {
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError(DbError::Kind::unavailable, "cannot open database " + path.string() + ": " + message,
                  std::to_string(rc));
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;");
  if (mode == Mode::read_write) {
    exec("PRAGMA journal_mode = WAL;");
  } else {
    exec("PRAGMA query_only = ON;");
  }
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void SqliteConnection::fail(int code, std::string_view context) {
  throw error_of(sqlite3_extended_errcode(db_),
                 std::string(context) + ": " + sqlite3_errmsg(db_) + " (code " + std::to_string(code) + ")");
}

void SqliteConnection::exec(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw error_of(sqlite3_extended_errcode(db_), "sql failed: " + message);
  }
}

sqlite3_stmt* SqliteConnection::prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = statements_.find(key); it != statements_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) fail(rc, "prepare");
  statements_.emplace(std::move(key), stmt);
  return stmt;
}

void SqliteConnection::bind(sqlite3_stmt* stmt, const Params& params) {
  if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
    throw DbError(DbError::Kind::other, "expected " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
                                            " parameters, got " + std::to_string(params.size()) + " for: " +
                                            sqlite3_sql(stmt));
  }
  for (size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i) + 1;
    int rc = std::visit(
        [&](const auto& v) -> int {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            return sqlite3_bind_null(stmt, index);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            return sqlite3_bind_int64(stmt, index, v);
          } else if constexpr (std::is_same_v<T, double>) {
            return sqlite3_bind_double(stmt, index, v);
          } else if constexpr (std::is_same_v<T, std::string>) {
            return sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
          } else {
            return sqlite3_bind_blob64(stmt, index, v.data(), v.size(), SQLITE_TRANSIENT);
          }
        },
        params[i].value);
    if (rc != SQLITE_OK) fail(rc, "bind");
  }
}

int64_t SqliteConnection::execute(std::string_view sql, const Params& params) {
  sqlite3_stmt* stmt = prepare(sql);
  ResetOnExit reset{stmt};
  bind(stmt, params);
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) fail(rc, "execute");
  return sqlite3_changes64(db_);
}

std::vector<Row> SqliteConnection::query(std::string_view sql, const Params& params) {
  sqlite3_stmt* stmt = prepare(sql);
  ResetOnExit reset{stmt};
  bind(stmt, params);
  std::vector<Row> rows;
  int columns = sqlite3_column_count(stmt);
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(columns));
    for (int i = 0; i < columns; ++i) values.push_back(column_value(stmt, i));
    rows.emplace_back(std::move(values));
  }
  if (rc != SQLITE_DONE) fail(rc, "query");
  return rows;
}

}  // namespace madoguchi::platform::db
