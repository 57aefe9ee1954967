// Migrations: numbered SQL files, src/MODULE/migrations/NNNN_name.sql,
// applied once each, in module order and then by number, each in its own
// transaction. One file serves both engines (written in the SQL they share,
// translated for PostgreSQL by sqlite_to_postgresql); where they must differ,
// NNNN_name.sqlite.sql or NNNN_name.postgresql.sql is used by that engine
// instead. An applied migration whose file has since changed is an error,
// not a rerun. Several nodes migrating at once apply each migration once.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "platform/db/connection.h"

namespace madoguchi::platform::db {

struct Migration {
  std::string module;
  int version = 0;
  std::string name;
  std::string sql;       // as this engine runs it
  std::string checksum;  // sha256 of the file's text, hex
};

// Reads the migrations of `modules` (in that order) under source_root/src for
// one engine. Throws std::runtime_error naming the file for a badly named
// file or SQL that cannot be translated.
std::vector<Migration> load_migrations(const std::filesystem::path& source_root, const std::vector<std::string>& modules,
                                       Dialect dialect = Dialect::sqlite);

// The migrations not yet applied to this database. Throws if an applied one changed.
std::vector<Migration> pending_migrations(Connection& connection, const std::vector<Migration>& all);

// Applies what is pending; returns what it applied.
std::vector<Migration> apply_migrations(Connection& connection, const std::vector<Migration>& all);

}  // namespace madoguchi::platform::db
