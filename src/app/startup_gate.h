// StartupGate: whether this node has found its database (/readyz is 503 until
// it has). A node on SQLite checks its database before it serves and passes
// the gate from the start. A node on PostgreSQL serves at once and passes when
// the database answers with every migration applied, retrying every two
// seconds while it cannot reach it and saying so in the log; missing
// migrations stop it. Once through, ReadinessProbe (readiness.h) answers.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "app/settings.h"

namespace madoguchi::app {

class StartupGate {
 public:
  StartupGate() = default;
  ~StartupGate();
  StartupGate(const StartupGate&) = delete;
  StartupGate& operator=(const StartupGate&) = delete;

  bool ready() const { return ready_.load(); }
  // Why the node is not ready yet ("" once it is).
  std::string waiting_for() const;
  void set_ready();
  // One check of the database, on this thread: ready if it answers, migrated.
  void check_now(const Settings& settings);
  // Checks the database on a thread of its own until it is ready;
  // `on_failure(message)` runs if it never can be (migrations not applied).
  void wait_for_database(const Settings& settings, std::function<void(const std::string&)> on_failure);
  // Ends the waiting thread. Idempotent.
  void stop();

 private:
  std::atomic<bool> ready_{false};
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::string waiting_for_ = "the database has not been checked yet";
  std::thread thread_;
};

}  // namespace madoguchi::app
