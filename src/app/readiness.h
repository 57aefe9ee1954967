// ReadinessProbe: whether this node can take work, which for madoguchi means
// whether it can commit. A probe updates the one-row readiness_heartbeat
// table through the same group-commit writer as every submission, and writes,
// fsyncs and removes a small file in the data directory (uploads and the WAL
// need new disk blocks; a full disk refuses them even while old blocks can
// be rewritten). The result is kept for a second so probes from load
// balancers never add more than one write a second; one probe runs at a time.
#pragma once

#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "platform/db/database.h"

namespace madoguchi::app {

struct Readiness {
  bool ready = false;
  std::string database;  // "ok", or "cannot_commit"
  std::string disk;      // "ok", "full" or "unwritable"
};

class ReadinessProbe {
 public:
  ReadinessProbe(platform::db::Database& database, std::filesystem::path data_dir,
                 std::chrono::milliseconds keep_for = std::chrono::seconds(1));

  Readiness check();

 private:
  Readiness probe();

  platform::db::Database& database_;
  std::filesystem::path data_dir_;
  std::chrono::milliseconds keep_for_;
  std::mutex mutex_;
  std::optional<Readiness> last_;
  std::chrono::steady_clock::time_point last_at_;
};

}  // namespace madoguchi::app
