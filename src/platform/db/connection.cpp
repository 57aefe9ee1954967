#include "platform/db/connection.h"

#include <regex>

#include "platform/db/pg_connection.h"
#include "platform/db/sqlite_connection.h"

namespace madoguchi::platform::db {

std::string_view dialect_name(Dialect dialect) { return dialect == Dialect::sqlite ? "sqlite" : "postgresql"; }

std::optional<Row> Connection::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

void Connection::savepoint(const std::function<void()>& fn) {
  execute("SAVEPOINT attempt");
  try {
    fn();
  } catch (...) {
    execute("ROLLBACK TO attempt");
    execute("RELEASE attempt");
    throw;
  }
  execute("RELEASE attempt");
}

std::string_view Connection::claim_rows() const {
  return dialect() == Dialect::postgresql ? " FOR UPDATE SKIP LOCKED" : "";
}

std::string DatabaseLocation::describe() const {
  if (!is_postgresql()) return sqlite_path.string();
  static const std::regex url_password(R"((://[^:/@]*):[^@]*@)");
  static const std::regex keyword_password(R"(password\s*=\s*('[^']*'|\S+))");
  std::string text = std::regex_replace(url, url_password, "$1:***@");
  text = std::regex_replace(text, keyword_password, "password=***");
  static const std::regex query_password(R"(([?&]password=)[^&]*)");
  return std::regex_replace(text, query_password, "$1***");
}

std::unique_ptr<Connection> connect(const DatabaseLocation& location, Connection::Mode mode, int busy_timeout_ms) {
  if (location.is_postgresql()) return std::make_unique<PgConnection>(location.url, mode);
  return std::make_unique<SqliteConnection>(location.sqlite_path, mode, busy_timeout_ms);
}

}  // namespace madoguchi::platform::db
