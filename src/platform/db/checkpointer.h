// Checkpointer: copies the write-ahead log back into the database file on
// its own thread and connection, every `interval`, with a PASSIVE checkpoint
// that never blocks the writer or readers. The writer's own automatic
// checkpoint is turned off (Database does it), so a commit never waits for
// the database file's fsync — which on a large database took ~100 ms and
// was the tail of every latency measured.
#pragma once

#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "platform/db/sqlite_connection.h"

namespace madoguchi::platform {
class Metrics;
}

namespace madoguchi::platform::db {

struct CheckpointResult {
  int64_t log_frames = 0;  // frames in the WAL when it ran
  int64_t not_copied = 0;  // of those, frames still to copy back (readers were on them)
};

class Checkpointer {
 public:
  Checkpointer(const std::filesystem::path& path, std::chrono::milliseconds interval, int busy_timeout_ms,
               Metrics* metrics);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Checkpoints now, on the caller's thread.
  CheckpointResult checkpoint_now();
  // Ends the thread (a last checkpoint runs first). Idempotent.
  void stop();

 private:
  void run();

  SqliteConnection connection_;
  std::chrono::milliseconds interval_;
  Metrics* metrics_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace madoguchi::platform::db
