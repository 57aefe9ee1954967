// A fresh SQLite database with the applications and casework migrations, for
// the tests of casework's SQL (the queue read model and the case store).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "applications/sqlite_application_store.h"
#include "platform/crypto.h"
#include "platform/db/migrations.h"

namespace madoguchi::casework::testing {

struct CaseworkDb {
  std::filesystem::path dir;
  std::unique_ptr<platform::db::Database> db;
  std::unique_ptr<applications::SqliteApplicationStore> store;

  CaseworkDb() {
    platform::crypto::init();
    static int n = 0;
    dir = std::filesystem::temp_directory_path() /
          ("madoguchi-casework-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    {
      platform::db::Connection c(dir / "db", platform::db::Connection::Mode::read_write);
      platform::db::apply_migrations(
          c, platform::db::load_migrations(MADOGUCHI_SOURCE_DIR, {"applications", "casework", "insight"}));
    }
    db = std::make_unique<platform::db::Database>(platform::db::DatabaseSettings{dir / "db"});
    store = std::make_unique<applications::SqliteApplicationStore>(*db);
  }
  ~CaseworkDb() {
    store.reset();
    db.reset();
    std::filesystem::remove_all(dir);
  }

  // A submitted application; returns its id.
  int64_t add(const std::string& procedure, const std::string& department, std::optional<std::string> ward,
              std::string due_on, const std::string& name = "髙橋　﨑子") {
    applications::NewApplication a;
    a.procedure_id = procedure;
    a.procedure_version = 1;
    a.department = department;
    a.ward = std::move(ward);
    a.answers = {{"applicant_name", name}};
    a.applicant_name = name;
    a.due_on = std::move(due_on);
    return store->submit(a, std::nullopt).submitted.id;
  }
};

}  // namespace madoguchi::casework::testing
