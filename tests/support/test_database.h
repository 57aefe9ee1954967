// The database a test runs on. ctest runs every store and integration test
// twice: on SQLite (a file in a scratch folder) and on PostgreSQL (when
// MADOGUCHI_TEST_POSTGRES_URL_FILE names the file holding the URL of the
// suite's own server, started by `scripts/test-postgres fixture-start`: a new
// database there, dropped at the end).
#pragma once

#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "platform/crypto.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "support/scratch.h"

namespace madoguchi::testing {

inline bool testing_postgresql() {
  const char* file = std::getenv("MADOGUCHI_TEST_POSTGRES_URL_FILE");
  return file && *file;
}

// The URL of the suite's PostgreSQL server (its database "madoguchi").
inline std::string test_postgres_url() {
  const char* file = std::getenv("MADOGUCHI_TEST_POSTGRES_URL_FILE");
  if (!file) throw std::runtime_error("MADOGUCHI_TEST_POSTGRES_URL_FILE is not set (run the tests through ctest)");
  std::ifstream in(file);
  std::string url;
  if (!std::getline(in, url) || url.empty()) {
    throw std::runtime_error(std::string("no PostgreSQL URL in ") + file + " (scripts/test-postgres fixture-start)");
  }
  return url;
}

// `url` with its database name replaced.
inline std::string with_database(const std::string& url, const std::string& name) {
  const auto start = url.find("///") + 3;
  return url.substr(0, start) + name + url.substr(url.find('?'));
}

// Removes one of the audit log's guard triggers, as someone with write access
// to the database could (tests of tamper detection).
inline void drop_guard_trigger(platform::db::Connection& c, const std::string& trigger, const std::string& table) {
  c.exec("DROP TRIGGER IF EXISTS " + trigger + (c.dialect() == platform::db::Dialect::postgresql ? " ON " + table : ""));
}

// A new, empty database: a file in a scratch folder, or a database on the
// suite's PostgreSQL server, dropped when this ends.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(const std::string& name = "db") {
    platform::crypto::init();
    if (testing_postgresql()) {
      admin_url_ = test_postgres_url();
      name_ = "t_" + platform::crypto::sha256_hex(platform::crypto::random_token(16)).substr(0, 16);
      platform::db::connect({admin_url_, {}}, platform::db::Connection::Mode::read_write)
          ->exec("CREATE DATABASE " + name_);
      location_.url = with_database(admin_url_, name_);
    } else {
      location_.sqlite_path = scratch_dir(name + "-" + platform::crypto::random_token(6)) / "madoguchi.db";
    }
  }
  ~ScratchDatabase() {
    if (name_.empty()) return;
    try {
      platform::db::connect({admin_url_, {}}, platform::db::Connection::Mode::read_write)
          ->exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
      // The server may already be gone at the end of a run: the fixture removes it whole.
    }
  }
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const platform::db::DatabaseLocation& location() const { return location_; }
  std::unique_ptr<platform::db::Connection> connect(
      platform::db::Connection::Mode mode = platform::db::Connection::Mode::read_write) const {
    return platform::db::connect(location_, mode);
  }

 private:
  std::string admin_url_;
  std::string name_;
  platform::db::DatabaseLocation location_;
};

// A scratch database with the migrations of `modules` applied, open as a Database.
class TestDatabase {
 public:
  explicit TestDatabase(const std::vector<std::string>& modules, const std::string& name = "db") : scratch_(name) {
    {
      auto connection = scratch_.connect();
      platform::db::apply_migrations(
          *connection, platform::db::load_migrations(MADOGUCHI_SOURCE_DIR, modules, connection->dialect()));
    }
    platform::db::DatabaseSettings settings;
    settings.location = scratch_.location();
    database_ = platform::db::open_database(settings);
  }
  ~TestDatabase() {
    if (database_) database_->stop();
  }

  platform::db::Database& db() { return *database_; }
  platform::db::Database& operator*() { return *database_; }
  platform::db::Database* operator->() { return database_.get(); }
  const platform::db::DatabaseLocation& location() const { return scratch_.location(); }
  std::unique_ptr<platform::db::Connection> connect(
      platform::db::Connection::Mode mode = platform::db::Connection::Mode::read_write) const {
    return scratch_.connect(mode);
  }

 private:
  ScratchDatabase scratch_;
  std::unique_ptr<platform::db::Database> database_;
};

}  // namespace madoguchi::testing
