#include "platform/db/pg_database.h"

#include <thread>

#include "platform/metrics.h"

namespace madoguchi::platform::db {

namespace {

constexpr int kWriteAttempts = 8;

PgOptions options_of(const DatabaseSettings& settings) {
  PgOptions options;
  options.prepare = settings.prepare_statements;
  options.statement_timeout_ms = settings.statement_timeout_ms;
  return options;
}

// Ends the failed transaction so the connection can serve again, or drops it.
void roll_back(PgPool::Lease& lease) {
  if (!lease->healthy()) return;
  try {
    lease->exec("ROLLBACK");
  } catch (const DbError&) {
    lease.discard();
  }
}

bool may_run_again(const DbError& e) {
  return e.kind() == DbError::Kind::serialization_failure || e.kind() == DbError::Kind::unavailable;
}

}  // namespace

PgDatabase::PgDatabase(const DatabaseSettings& settings, Metrics* metrics)
    : readers_(settings.location.url, Connection::Mode::read_only, settings.pool_size, settings.acquire_timeout,
               options_of(settings)),
      writers_(settings.location.url, Connection::Mode::read_write, settings.pool_size, settings.acquire_timeout,
               options_of(settings)),
      metrics_(metrics) {}

void PgDatabase::run_read(const std::function<void(Connection&)>& job) {
  for (int attempt = 0;; ++attempt) {
    auto lease = readers_.acquire();
    // Read-only per transaction, never per session: behind pgbouncer in
    // transaction mode a session setting would reach other clients' writes.
    try {
      lease->exec("BEGIN READ ONLY");
      job(*lease);
      lease->exec("COMMIT");
      return;
    } catch (const DbError& e) {
      roll_back(lease);
      // A read that lost its connection (a server restart, a failover) is safe to run again once.
      if (e.kind() != DbError::Kind::unavailable || lease->healthy() || attempt > 0) throw;
    } catch (...) {
      roll_back(lease);
      throw;
    }
  }
}

void PgDatabase::run_write(const std::function<void(Connection&)>& job) {
  const auto started = std::chrono::steady_clock::now();
  for (int attempt = 0;; ++attempt) {
    if (try_write(job, attempt + 1 == kWriteAttempts)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1 << std::min(attempt, 6)));
    if (metrics_) {
      metrics_->counter("db_write_retries_total", "Write transactions run again after a lost race or connection").add();
    }
  }
  if (metrics_) {
    metrics_->histogram("db_commit_duration_seconds", "Time to run and durably commit one write",
                        Metrics::latency_buckets())
        .observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
}

bool PgDatabase::try_write(const std::function<void(Connection&)>& job, bool last_attempt) {
  auto lease = writers_.acquire();
  lease->forget_after_commit(0);
  try {
    lease->exec("BEGIN");
    job(*lease);
  } catch (const DbError& e) {
    lease->forget_after_commit(0);
    roll_back(lease);
    if (may_run_again(e) && !last_attempt) return false;
    throw;
  } catch (...) {
    lease->forget_after_commit(0);
    roll_back(lease);
    throw;
  }
  auto committed = lease->take_after_commit();
  try {
    lease->exec("COMMIT");
  } catch (const DbError& e) {
    if (!lease->healthy()) {
      throw DbError(DbError::Kind::outcome_unknown,
                    std::string("the connection was lost during COMMIT; the change may or may not be saved: ") + e.what(),
                    e.native_code());
    }
    if (e.kind() == DbError::Kind::serialization_failure && !last_attempt) return false;
    throw;
  }
  for (auto& fn : committed) fn();
  return true;
}

}  // namespace madoguchi::platform::db
