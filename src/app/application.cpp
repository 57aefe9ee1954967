#include "app/application.h"

#include <stdexcept>

#include "app/health.h"
#include "platform/db/migrations.h"
#include "platform/http/security_headers.h"
#include "platform/http/server.h"
#include "platform/log.h"

namespace madoguchi::app {

const std::vector<std::string>& migration_modules() {
  static const std::vector<std::string> modules = {"platform", "identity", "applications", "casework",
                                                   "documents", "notify",   "insight"};
  return modules;
}

Application::Application(Settings settings) : settings_(std::move(settings)) {
  if (!std::filesystem::exists(settings_.database_path())) {
    throw std::runtime_error("no database at " + settings_.database_path().string() +
                             "; run `madoguchi migrate --data " + settings_.data_dir.string() + "` first");
  }
  {
    platform::db::Connection check(settings_.database_path(), platform::db::Connection::Mode::read_write);
    auto pending = platform::db::pending_migrations(
        check, platform::db::load_migrations(settings_.source_root, migration_modules()));
    if (!pending.empty()) {
      throw std::runtime_error(std::to_string(pending.size()) + " migration(s) not applied; run `madoguchi migrate --data " +
                               settings_.data_dir.string() + "`");
    }
  }
  database_ = std::make_unique<platform::db::Database>(settings_.database, &metrics_);
  register_routes();
}

Application::~Application() = default;

void Application::register_routes() {
  register_health_routes(router_, *database_, metrics_);
}

int Application::serve() {
  platform::http::Server server(settings_.server, router_, metrics_);
  server.use(platform::http::security_headers());
  server.start();
  server.run_until_signal();
  database_->stop();
  return 0;
}

}  // namespace madoguchi::app
