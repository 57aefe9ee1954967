#include "platform/db/migrations.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "platform/crypto.h"

namespace madoguchi::platform::db {

namespace {

void ensure_table(Connection& c) {
  c.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
      " checksum TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
      " PRIMARY KEY (module, version))");
}

}  // namespace

std::vector<Migration> load_migrations(const std::filesystem::path& source_root, const std::vector<std::string>& modules) {
  static const std::regex pattern(R"((\d{4})_([a-z0-9_]+)\.sql)");
  std::vector<Migration> all;
  for (const auto& module : modules) {
    auto dir = source_root / "src" / module / "migrations";
    if (!std::filesystem::is_directory(dir)) continue;
    std::vector<Migration> found;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      std::string file = entry.path().filename().string();
      std::smatch m;
      if (!std::regex_match(file, m, pattern)) {
        throw std::runtime_error(entry.path().string() + ": migration files are named NNNN_name.sql");
      }
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      Migration migration{module, std::stoi(m[1]), m[2], text.str(), ""};
      migration.checksum = crypto::sha256_hex(migration.sql);
      found.push_back(std::move(migration));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    for (size_t i = 1; i < found.size(); ++i) {
      if (found[i].version == found[i - 1].version) {
        throw std::runtime_error(dir.string() + ": two migrations numbered " + std::to_string(found[i].version));
      }
    }
    all.insert(all.end(), found.begin(), found.end());
  }
  return all;
}

std::vector<Migration> pending_migrations(Connection& connection, const std::vector<Migration>& all) {
  ensure_table(connection);
  std::vector<Migration> pending;
  for (const auto& m : all) {
    auto row = connection.query_one("SELECT checksum FROM schema_migrations WHERE module = ? AND version = ?",
                                    {m.module, m.version});
    if (!row) {
      pending.push_back(m);
    } else if (row->text(0) != m.checksum) {
      throw std::runtime_error("migration " + m.module + "/" + std::to_string(m.version) + "_" + m.name +
                               " was changed after it was applied; add a new migration instead");
    }
  }
  return pending;
}

std::vector<Migration> apply_migrations(Connection& connection, const std::vector<Migration>& all) {
  auto pending = pending_migrations(connection, all);
  for (const auto& m : pending) {
    connection.exec("BEGIN IMMEDIATE");
    try {
      connection.exec(m.sql);
      connection.execute("INSERT INTO schema_migrations (module, version, name, checksum) VALUES (?, ?, ?, ?)",
                         {m.module, m.version, m.name, m.checksum});
      connection.exec("COMMIT");
    } catch (const std::exception& e) {
      connection.exec("ROLLBACK");
      throw std::runtime_error("migration " + m.module + "/" + std::to_string(m.version) + "_" + m.name +
                               " failed: " + e.what());
    }
  }
  return pending;
}

}  // namespace madoguchi::platform::db
