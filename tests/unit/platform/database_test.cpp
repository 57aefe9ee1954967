// The database layer on the engine the run is for (SQLite, or PostgreSQL in
// the run named pg.): values round-trip, read connections do
// not write, a failing job is undone alone, errors are classified, savepoints
// and named locks hold, and lost races and dropped connections are survived.
#include "platform/db/database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <filesystem>
#include <thread>

#include "platform/db/pg_database.h"
#include "platform/db/sql_dialect.h"
#include "platform/db/sqlite_database.h"
#include "platform/metrics.h"
#include "support/test_database.h"

using namespace madoguchi::platform;
using namespace madoguchi::platform::db;
using madoguchi::testing::ScratchDatabase;
using madoguchi::testing::testing_postgresql;

namespace {

struct Fixture {
  ScratchDatabase scratch{"database"};
  Metrics metrics;
  std::unique_ptr<Database> db;

  explicit Fixture(DatabaseSettings settings = {}) {
    auto c = scratch.connect();
    const std::string table = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n REAL, b BLOB, k INTEGER)";
    c->exec(c->dialect() == Dialect::postgresql ? sqlite_to_postgresql(table) : table);
    settings.location = scratch.location();
    db = open_database(settings, &metrics);
  }
  int64_t count(const std::string& where = "1 = 1") {
    return db->read([&](Connection& c) { return c.query_one("SELECT count(*) FROM t WHERE " + where)->integer(0); });
  }
};

}  // namespace

TEST(Database, WritesAreVisibleToReadsAndValuesRoundTrip) {
  Fixture f;
  auto id = f.db->write([](Connection& c) {
    return c.query_one("INSERT INTO t (name, n, b, k) VALUES (?, ?, ?, ?) RETURNING id",
                       {"髙橋﨑𠮷", 1.5, Blob{0, 1, 2, 0xFF}, int64_t{1} << 40})
        ->integer(0);
  });
  auto row = f.db->read(
      [&](Connection& c) { return c.query_one("SELECT name, n, b, k, NULL, k > 0 FROM t WHERE id = ?", {id}); });
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "髙橋﨑𠮷");
  EXPECT_DOUBLE_EQ(row->real(1), 1.5);
  EXPECT_EQ(row->blob(2), (Blob{0, 1, 2, 0xFF}));
  EXPECT_EQ(row->integer(3), int64_t{1} << 40);
  EXPECT_TRUE(row->is_null(4));
  EXPECT_FALSE(row->optional_text(4));
  EXPECT_EQ(row->integer(5), 1);  // a comparison reads as 1, whatever the engine
}

TEST(Database, PlaceholdersInsideLiteralsAndCommentsAreText) {
  Fixture f;
  auto row = f.db->read([](Connection& c) {
    return c.query_one("SELECT '?', ? -- what?\n, 'it''s ?', ?2", {"x", "y"});
  });
  EXPECT_EQ(row->text(0), "?");
  EXPECT_EQ(row->text(1), "x");
  EXPECT_EQ(row->text(2), "it's ?");
  EXPECT_EQ(row->text(3), "y");
}

TEST(Database, ReadConnectionsCannotWrite) {
  Fixture f;
  EXPECT_THROW(f.db->read([](Connection& c) { c.execute("INSERT INTO t (name) VALUES ('x')"); }), DbError);
  EXPECT_EQ(f.count(), 0);
}

TEST(Database, FailedJobRollsBackAloneWhileOthersCommit) {
  Fixture f;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 40; ++i) {
    threads.emplace_back([&, i] {
      try {
        f.db->write([&](Connection& c) {
          c.execute("INSERT INTO t (name) VALUES (?)", {"row" + std::to_string(i)});
          if (i % 4 == 0) throw std::runtime_error("job fails after writing");
        });
      } catch (const std::runtime_error&) {
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 10);
  EXPECT_EQ(f.count(), 30);
  EXPECT_EQ(f.count("name = 'row0'"), 0);
  EXPECT_NE(f.metrics.render().find("db_commit_duration_seconds_count"), std::string::npos);
}

TEST(Database, ErrorsAreClassifiedTheSameOnEveryEngine) {
  Fixture f;
  f.db->write([](Connection& c) { c.execute("INSERT INTO t (name) VALUES ('a')"); });
  try {
    f.db->write([](Connection& c) { c.execute("INSERT INTO t (name) VALUES ('a')"); });
    FAIL();
  } catch (const DbError& e) {
    EXPECT_TRUE(e.is_unique_violation()) << e.what();
    EXPECT_FALSE(e.is_unavailable());
  }
  EXPECT_THROW(f.db->write([](Connection& c) { c.execute("INSERT INTO t (name) VALUES (?)", {}); }), DbError);
  try {
    f.db->read([](Connection& c) { c.query("SELECT no_such_column FROM t"); });
    FAIL();
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::other);
  }
}

TEST(Database, ASavepointUndoesOnlyItsOwnPartAndTheTransactionGoesOn) {
  Fixture f;
  f.db->write([](Connection& c) { c.execute("INSERT INTO t (name) VALUES ('taken')"); });
  f.db->write([](Connection& c) {
    c.execute("INSERT INTO t (name) VALUES ('before')");
    EXPECT_THROW(c.savepoint([&] { c.execute("INSERT INTO t (name) VALUES ('taken')"); }), DbError);
    c.execute("INSERT INTO t (name) VALUES ('after')");
  });
  EXPECT_EQ(f.count(), 3);
}

TEST(Database, ANamedLockMakesReadModifyWriteSafeFromEveryConnection) {
  DatabaseSettings settings;
  settings.pool_size = 8;
  Fixture f(settings);
  f.db->write([](Connection& c) { c.execute("INSERT INTO t (name, k) VALUES ('counter', 0)"); });
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 25; ++j) {
        f.db->write([](Connection& c) {
          c.lock("counter");
          const auto k = c.query_one("SELECT k FROM t WHERE name = 'counter'")->integer(0);
          c.execute("UPDATE t SET k = ? WHERE name = 'counter'", {k + 1});
        });
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(f.db->read([](Connection& c) { return c.query_one("SELECT k FROM t WHERE name = 'counter'")->integer(0); }),
            200);
}

TEST(Database, ClaimedRowsGoToOneWorkerEach) {
  DatabaseSettings settings;
  settings.pool_size = 4;
  Fixture f(settings);
  f.db->write([](Connection& c) {
    for (int i = 0; i < 60; ++i) c.execute("INSERT INTO t (name, k) VALUES (?, 0)", {"job" + std::to_string(i)});
  });
  std::atomic<int> claimed{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&] {
      for (;;) {
        bool got = f.db->write([](Connection& c) {
          auto row = c.query_one("SELECT id FROM t WHERE k = 0 ORDER BY id LIMIT 1" + std::string(c.claim_rows()));
          if (!row) return false;
          c.execute("UPDATE t SET k = k + 1 WHERE id = ?", {row->integer(0)});
          return true;
        });
        if (!got) return;
        ++claimed;
      }
    });
  }
  for (auto& w : workers) w.join();
  EXPECT_EQ(claimed.load(), 60);
  EXPECT_EQ(f.count("k = 1"), 60);  // none done twice
}

TEST(Database, SqliteCommitsNeverCheckpointAndTheCheckpointerCopiesTheLogBack) {
  if (testing_postgresql()) GTEST_SKIP() << "the write-ahead log checkpointer is SQLite's";
  DatabaseSettings settings;
  settings.checkpoint_interval = std::chrono::hours(1);  // only when asked, in this test
  Fixture f(settings);
  // About 1,600 pages: past SQLite's automatic checkpoint at 1,000.
  for (int i = 0; i < 100; ++i) {
    f.db->write([&](Connection& c) {
      c.execute("INSERT INTO t (name, b) VALUES (?, ?)", {"row" + std::to_string(i), Blob(64 * 1024, 7)});
    });
  }
  auto result = dynamic_cast<SqliteDatabase&>(*f.db).checkpoint();
  EXPECT_GT(result.log_frames, 1500) << "no commit restarted the log with a checkpoint of its own";
  EXPECT_EQ(result.not_copied, 0) << "every frame copied back";
  EXPECT_EQ(f.count(), 100);
}

TEST(Database, PostgresWritesThatLoseADeadlockRunAgainAndBothCommit) {
  if (!testing_postgresql()) GTEST_SKIP() << "SQLite's one writer never deadlocks";
  Fixture f;
  f.db->write([](Connection& c) {
    c.execute("INSERT INTO t (name, k) VALUES ('a', 0)");
    c.execute("INSERT INTO t (name, k) VALUES ('b', 0)");
  });
  std::barrier both_hold_one(2);
  std::atomic<int> runs{0};
  auto crosswise = [&](const char* first, const char* second) {
    return [&, first, second] {
      f.db->write([&](Connection& c) {
        const bool first_run = runs.fetch_add(1) < 2;
        c.execute("UPDATE t SET k = k + 1 WHERE name = ?", {first});
        if (first_run) both_hold_one.arrive_and_wait();
        c.execute("UPDATE t SET k = k + 1 WHERE name = ?", {second});
      });
    };
  };
  std::thread one(crosswise("a", "b")), two(crosswise("b", "a"));
  one.join();
  two.join();
  EXPECT_GE(runs.load(), 3) << "one of the two ran again";
  EXPECT_EQ(f.count("k = 2"), 2);
  EXPECT_NE(f.metrics.render().find("db_write_retries_total"), std::string::npos);
}

TEST(Database, PostgresWriteWhoseConnectionDiesBeforeCommitRunsAgainOnANewOne) {
  if (!testing_postgresql()) GTEST_SKIP() << "an embedded database has no connection to lose";
  Fixture f;
  std::atomic<int> runs{0};
  f.db->write([&](Connection& c) {
    c.execute("INSERT INTO t (name) VALUES ('kept')");
    if (runs.fetch_add(1) == 0) {
      auto pid = c.query_one("SELECT pg_backend_pid()")->integer(0);
      f.scratch.connect()->execute("SELECT pg_terminate_backend(CAST(? AS INTEGER))", {pid});
      c.execute("SELECT 1");  // the server has closed this connection
    }
  });
  EXPECT_EQ(runs.load(), 2);
  EXPECT_EQ(f.count("name = 'kept'"), 1);
}

TEST(Database, PostgresUnreachableIsUnavailableAndAPoolConnectsOnDemand) {
  if (!testing_postgresql()) GTEST_SKIP() << "an embedded database cannot be down";
  DatabaseSettings settings;
  settings.location.url = madoguchi::testing::with_database(madoguchi::testing::test_postgres_url(), "no_such_database");
  settings.acquire_timeout = std::chrono::milliseconds(500);
  PgDatabase down(settings);
  try {
    down.read([](Connection& c) { c.query_one("SELECT 1"); });
    FAIL();
  } catch (const DbError& e) {
    EXPECT_TRUE(e.is_unavailable()) << e.what();
  }
  ScratchDatabase scratch("late");
  settings.location = scratch.location();
  PgDatabase up(settings);
  EXPECT_EQ(up.read([](Connection& c) { return c.query_one("SELECT 41 + 1")->integer(0); }), 42);
  EXPECT_EQ(up.readers().open(), 1u);
  EXPECT_EQ(up.writers().open(), 0u);
}

TEST(Database, AfterCommitRunsOnlyForTransactionsThatCommit) {
  Fixture f;
  std::atomic<int> told{0};
  f.db->write([&](Connection& c) {
    c.execute("INSERT INTO t (name) VALUES ('kept')");
    c.after_commit([&] {
      // The change is visible to everyone by the time we are told.
      EXPECT_EQ(f.count("name = 'kept'"), 1);
      ++told;
    });
  });
  EXPECT_THROW(f.db->write([&](Connection& c) {
    c.execute("INSERT INTO t (name) VALUES ('undone')");
    c.after_commit([&] { ++told; });
    throw std::runtime_error("rolled back");
  }),
               std::runtime_error);
  EXPECT_EQ(told.load(), 1);
}
