#include "platform/db/migrations.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "platform/crypto.h"
#include "platform/db/sql_dialect.h"
#include "platform/time.h"

namespace madoguchi::platform::db {

namespace {

void ensure_table(Connection& c) {
  c.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
      " checksum TEXT NOT NULL, applied_at TEXT NOT NULL,"
      " PRIMARY KEY (module, version))");
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Found {
  std::string name;
  std::filesystem::path common;
  std::filesystem::path own;  // this engine's file, if any
};

// The migrations of one module for one engine, by number.
std::vector<Migration> module_migrations(const std::filesystem::path& dir, const std::string& module, Dialect dialect) {
  static const std::regex pattern(R"((\d{4})_([a-z0-9_]+?)(\.(sqlite|postgresql))?\.sql)");
  std::map<int, Found> by_version;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string file = entry.path().filename().string();
    std::smatch m;
    if (!std::regex_match(file, m, pattern)) {
      throw std::runtime_error(entry.path().string() +
                               ": migration files are named NNNN_name.sql (or NNNN_name.sqlite.sql, NNNN_name.postgresql.sql)");
    }
    auto& found = by_version[std::stoi(m[1])];
    if (!found.name.empty() && found.name != m[2].str()) {
      throw std::runtime_error(dir.string() + ": two migrations numbered " + m[1].str());
    }
    found.name = m[2];
    if (!m[4].matched) {
      found.common = entry.path();
    } else if (m[4].str() == dialect_name(dialect)) {
      found.own = entry.path();
    }
  }
  std::vector<Migration> out;
  for (const auto& [version, found] : by_version) {
    const auto& file = found.own.empty() ? found.common : found.own;
    if (file.empty()) continue;  // only another engine's file: nothing to do on this one
    Migration migration{module, version, found.name, read_text(file), ""};
    migration.checksum = crypto::sha256_hex(migration.sql);
    if (dialect == Dialect::postgresql && found.own.empty()) {
      try {
        migration.sql = sqlite_to_postgresql(migration.sql);
      } catch (const std::exception& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
      }
    }
    out.push_back(std::move(migration));
  }
  return out;
}

bool applied(Connection& c, const Migration& m, std::string* checksum = nullptr) {
  auto row = c.query_one("SELECT checksum FROM schema_migrations WHERE module = ? AND version = ?", {m.module, m.version});
  if (row && checksum) *checksum = row->text(0);
  return row.has_value();
}

}  // namespace

std::vector<Migration> load_migrations(const std::filesystem::path& source_root, const std::vector<std::string>& modules,
                                       Dialect dialect) {
  std::vector<Migration> all;
  for (const auto& module : modules) {
    auto dir = source_root / "src" / module / "migrations";
    if (!std::filesystem::is_directory(dir)) continue;
    auto found = module_migrations(dir, module, dialect);
    all.insert(all.end(), found.begin(), found.end());
  }
  return all;
}

std::vector<Migration> pending_migrations(Connection& connection, const std::vector<Migration>& all) {
  ensure_table(connection);
  std::vector<Migration> pending;
  for (const auto& m : all) {
    std::string checksum;
    if (!applied(connection, m, &checksum)) {
      pending.push_back(m);
    } else if (checksum != m.checksum) {
      throw std::runtime_error("migration " + m.module + "/" + std::to_string(m.version) + "_" + m.name +
                               " was changed after it was applied; add a new migration instead");
    }
  }
  return pending;
}

std::vector<Migration> apply_migrations(Connection& connection, const std::vector<Migration>& all) {
  std::vector<Migration> done;
  for (const auto& m : pending_migrations(connection, all)) {
    connection.exec(connection.dialect() == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    try {
      connection.lock("schema_migrations");
      if (!applied(connection, m)) {  // another node may have applied it meanwhile
        connection.exec(m.sql);
        connection.execute(
            "INSERT INTO schema_migrations (module, version, name, checksum, applied_at) VALUES (?, ?, ?, ?, ?)",
            {m.module, m.version, m.name, m.checksum, now_iso()});
        done.push_back(m);
      }
      connection.exec("COMMIT");
    } catch (const std::exception& e) {
      connection.exec("ROLLBACK");
      throw std::runtime_error("migration " + m.module + "/" + std::to_string(m.version) + "_" + m.name +
                               " failed: " + e.what());
    }
  }
  return done;
}

}  // namespace madoguchi::platform::db
