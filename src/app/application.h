// Application: the one place where modules meet. It opens the database,
// builds each module from the settings, registers their routes on one router
// and runs the HTTP server until SIGTERM.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/settings.h"
#include "platform/db/database.h"
#include "platform/http/router.h"
#include "platform/metrics.h"

namespace madoguchi::app {

// Modules that own SQL migrations, in the order they are applied.
const std::vector<std::string>& migration_modules();

class Application {
 public:
  // Throws std::runtime_error with a clear message if the database is not
  // migrated or a module cannot start (for example a bad procedure file).
  explicit Application(Settings settings);
  ~Application();

  // Serves until SIGTERM/SIGINT; returns the process exit code.
  int serve();

 private:
  void register_routes();

  Settings settings_;
  platform::Metrics metrics_;
  std::unique_ptr<platform::db::Database> database_;
  platform::http::Router router_;
};

}  // namespace madoguchi::app
