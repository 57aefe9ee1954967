// Migrations: numbered SQL files, src/MODULE/migrations/NNNN_name.sql, applied
// once each, in module order and then by number, each in its own transaction.
// An applied migration whose file has since changed is an error, not a rerun.
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
  std::string sql;
  std::string checksum;  // sha256 of sql, hex
};

// Reads the migrations of `modules` (in that order) under source_root/src.
// Throws std::runtime_error naming the file for a badly named file.
std::vector<Migration> load_migrations(const std::filesystem::path& source_root, const std::vector<std::string>& modules);

// The migrations not yet applied to this database. Throws if an applied one changed.
std::vector<Migration> pending_migrations(Connection& connection, const std::vector<Migration>& all);

// Applies what is pending; returns what it applied.
std::vector<Migration> apply_migrations(Connection& connection, const std::vector<Migration>& all);

}  // namespace madoguchi::platform::db
