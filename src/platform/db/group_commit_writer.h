// GroupCommitWriter: the one thread that writes to the database. Callers
// submit a job and block until it is durably committed; jobs that arrive
// together share one transaction (and one fsync). Each job runs in its own
// savepoint, so a job that throws is rolled back alone and its caller gets
// the exception, while the others still commit.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "platform/db/sqlite_connection.h"

namespace madoguchi::platform {
class Metrics;
}

namespace madoguchi::platform::db {

class GroupCommitWriter {
 public:
  GroupCommitWriter(const std::filesystem::path& path, size_t max_batch, int busy_timeout_ms, Metrics* metrics);
  ~GroupCommitWriter();
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  // Runs job inside a transaction on the writer thread; returns once the
  // transaction is committed with synchronous=FULL. Rethrows the job's own
  // exception, or a DbError if the commit failed.
  void submit(const std::function<void(Connection&)>& job);
  // Commits what is queued, then ends the thread. Idempotent.
  void stop();

 private:
  struct Pending {
    const std::function<void(Connection&)>* job;
    std::exception_ptr error;
    bool done = false;
  };
  void run();
  void commit_batch(std::deque<Pending*>& batch);

  SqliteConnection connection_;
  size_t max_batch_;
  Metrics* metrics_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable work_done_;
  std::deque<Pending*> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace madoguchi::platform::db
