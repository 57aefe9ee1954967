// SqliteDatabase: the embedded engine. Reads use pooled read-only
// connections; writes go through the GroupCommitWriter (one writer thread,
// jobs that arrive together share one transaction and one fsync); a
// Checkpointer copies the WAL back into the file on a thread of its own.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "platform/db/checkpointer.h"
#include "platform/db/database.h"
#include "platform/db/group_commit_writer.h"

namespace madoguchi::platform::db {

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(DatabaseSettings settings, Metrics* metrics = nullptr);
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::sqlite; }
  void stop() override;
  const std::filesystem::path& path() const { return settings_.location.sqlite_path; }
  // Copies the WAL back into the database file now (it also happens every checkpoint_interval).
  CheckpointResult checkpoint() { return checkpointer_.checkpoint_now(); }

 protected:
  void run_read(const std::function<void(Connection&)>& job) override;
  void run_write(const std::function<void(Connection&)>& job) override { writer_.submit(job); }

 private:
  DatabaseSettings settings_;
  GroupCommitWriter writer_;
  Checkpointer checkpointer_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
};

}  // namespace madoguchi::platform::db
