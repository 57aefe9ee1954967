// A fresh database with the applications and casework migrations, on the
// backend the run is for, for the tests of casework's SQL (the queue read
// model and the case store).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "applications/sql_application_store.h"
#include "support/test_database.h"

namespace madoguchi::casework::testing {

struct CaseworkDb {
  madoguchi::testing::TestDatabase database{{"applications", "casework", "insight"}, "casework"};
  platform::db::Database* db = &database.db();
  std::unique_ptr<applications::SqlApplicationStore> store = std::make_unique<applications::SqlApplicationStore>(*db);

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
