#include "platform/db/checkpointer.h"

#include "platform/log.h"
#include "platform/metrics.h"

namespace madoguchi::platform::db {

Checkpointer::Checkpointer(const std::filesystem::path& path, std::chrono::milliseconds interval, int busy_timeout_ms,
                           Metrics* metrics)
    : connection_(path, Connection::Mode::read_write, busy_timeout_ms),
      interval_(interval),
      metrics_(metrics),
      thread_([this] { run(); }) {}

Checkpointer::~Checkpointer() { stop(); }

CheckpointResult Checkpointer::checkpoint_now() {
  std::lock_guard lock(mutex_);
  auto started = std::chrono::steady_clock::now();
  // One row: busy (0/1), frames in the WAL, frames copied back.
  auto row = connection_.query_one("PRAGMA wal_checkpoint(PASSIVE)");
  if (metrics_) {
    metrics_->histogram("db_checkpoint_duration_seconds", "Time to copy the WAL back into the database file",
                        Metrics::latency_buckets())
        .observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  if (!row || row->integer(1) < 0) return {};
  return {row->integer(1), row->integer(1) - row->integer(2)};
}

void Checkpointer::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Checkpointer::run() {
  while (true) {
    {
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) break;
    }
    try {
      checkpoint_now();
    } catch (const std::exception& e) {
      log::warn("db_checkpoint_failed", {{"error", e.what()}});
    }
  }
  try {
    checkpoint_now();
  } catch (const std::exception& e) {
    log::warn("db_checkpoint_failed", {{"error", e.what()}});
  }
}

}  // namespace madoguchi::platform::db
