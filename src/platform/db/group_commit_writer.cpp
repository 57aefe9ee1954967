#include "platform/db/group_commit_writer.h"

#include <chrono>

#include "platform/metrics.h"

namespace madoguchi::platform::db {

GroupCommitWriter::GroupCommitWriter(const std::filesystem::path& path, size_t max_batch, int busy_timeout_ms,
                                     Metrics* metrics)
    : connection_(path, Connection::Mode::read_write, busy_timeout_ms),
      max_batch_(max_batch ? max_batch : 1),
      metrics_(metrics),
      thread_([this] {
        // Checkpoints are the Checkpointer's: a commit must not wait for one.
        connection_.exec("PRAGMA wal_autocheckpoint = 0;");
        run();
      }) {}

GroupCommitWriter::~GroupCommitWriter() { stop(); }

void GroupCommitWriter::submit(const std::function<void(Connection&)>& job) {
  Pending pending{&job, nullptr, false};
  std::unique_lock lock(mutex_);
  if (stopping_) throw DbError(DbError::Kind::unavailable, "database writer is stopped");
  queue_.push_back(&pending);
  work_ready_.notify_one();
  work_done_.wait(lock, [&] { return pending.done; });
  if (pending.error) std::rethrow_exception(pending.error);
}

void GroupCommitWriter::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  work_ready_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void GroupCommitWriter::run() {
  while (true) {
    std::deque<Pending*> batch;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    commit_batch(batch);
    {
      std::lock_guard lock(mutex_);
      for (Pending* p : batch) p->done = true;
    }
    work_done_.notify_all();
  }
}

void GroupCommitWriter::commit_batch(std::deque<Pending*>& batch) {
  auto started = std::chrono::steady_clock::now();
  try {
    connection_.execute("BEGIN IMMEDIATE");
  } catch (...) {
    for (Pending* p : batch) p->error = std::current_exception();
    return;
  }
  // Savepoint statements go through execute() so they are prepared once.
  for (Pending* p : batch) {
    try {
      connection_.execute("SAVEPOINT job");
    } catch (...) {
      p->error = std::current_exception();
      continue;
    }
    const size_t queued = connection_.after_commit_count();
    try {
      (*p->job)(connection_);
      connection_.execute("RELEASE job");
    } catch (...) {
      p->error = std::current_exception();
      connection_.forget_after_commit(queued);
      connection_.execute("ROLLBACK TO job");
      connection_.execute("RELEASE job");
    }
  }
  try {
    connection_.execute("COMMIT");
  } catch (...) {
    connection_.forget_after_commit(0);
    auto error = std::current_exception();
    try {
      connection_.exec("ROLLBACK");
    } catch (...) {
      // The transaction is already gone; the commit error is what callers need.
    }
    for (Pending* p : batch) {
      if (!p->error) p->error = error;
    }
    return;
  }
  for (auto& fn : connection_.take_after_commit()) fn();
  if (metrics_) {
    metrics_->histogram("db_commit_batch_size", "Write jobs committed together in one transaction",
                        {1, 2, 4, 8, 16, 32, 64, 128, 256, 512})
        .observe(static_cast<double>(batch.size()));
    metrics_->histogram("db_commit_duration_seconds", "Time to run and durably commit one batch",
                        Metrics::latency_buckets())
        .observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
}

}  // namespace madoguchi::platform::db
