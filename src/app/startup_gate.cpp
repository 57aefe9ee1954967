#include "app/startup_gate.h"

#include "app/migrated_database.h"
#include "platform/log.h"

namespace madoguchi::app {

StartupGate::~StartupGate() { stop(); }

std::string StartupGate::waiting_for() const {
  std::lock_guard lock(mutex_);
  return ready_ ? std::string() : waiting_for_;
}

void StartupGate::set_ready() {
  std::lock_guard lock(mutex_);
  waiting_for_.clear();
  ready_ = true;
}

void StartupGate::check_now(const Settings& settings) {
  try {
    check_migrated(settings);
    set_ready();
  } catch (const std::exception&) {
    // wait_for_database says why, and tries again.
  }
}

void StartupGate::wait_for_database(const Settings& settings, std::function<void(const std::string&)> on_failure) {
  thread_ = std::thread([this, settings, on_failure = std::move(on_failure)] {
    const std::string where = settings.database.location.describe();
    for (int attempt = 1;; ++attempt) {
      try {
        check_migrated(settings);
        set_ready();
        platform::log::info("database_ready", {{"database", where}, {"attempts", attempt}});
        return;
      } catch (const platform::db::DbError& e) {
        {
          std::lock_guard lock(mutex_);
          waiting_for_ = "the database cannot be reached";
        }
        platform::log::warn("database_unavailable",
                            {{"message", "データベースに接続できません。2秒後にもう一度試します。 / cannot reach the "
                                         "database; trying again in 2 s"},
                             {"database", where},
                             {"what", e.what()},
                             {"attempt", attempt}});
      } catch (const std::exception& e) {
        {
          std::lock_guard lock(mutex_);
          waiting_for_ = e.what();
        }
        platform::log::error("database_not_migrated", {{"database", where}, {"what", e.what()}});
        on_failure(e.what());
        return;
      }
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, std::chrono::seconds(2), [this] { return stopping_; })) return;
    }
  });
}

void StartupGate::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace madoguchi::app
