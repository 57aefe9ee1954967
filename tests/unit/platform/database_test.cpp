#include "platform/db/database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "platform/metrics.h"
#include "support/scratch.h"

using namespace madoguchi::platform;
using namespace madoguchi::platform::db;

namespace {
std::filesystem::path temp_db(const std::string& name) { return madoguchi::testing::scratch_dir(name) / "test.db"; }

void create_table(const std::filesystem::path& path) {
  Connection c(path, Connection::Mode::read_write);
  c.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n REAL, b BLOB)");
}
}  // namespace

TEST(Database, WritesAreVisibleToReadsAndValuesRoundTrip) {
  auto path = temp_db("roundtrip");
  create_table(path);
  Database db({path});
  auto id = db.write([](Connection& c) {
    c.execute("INSERT INTO t (name, n, b) VALUES (?, ?, ?)", {"髙橋﨑", 1.5, Blob{0, 1, 2}});
    return c.last_insert_rowid();
  });
  auto row = db.read([&](Connection& c) { return c.query_one("SELECT name, n, b, NULL FROM t WHERE id = ?", {id}); });
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "髙橋﨑");
  EXPECT_DOUBLE_EQ(row->real(1), 1.5);
  EXPECT_EQ(row->blob(2), (Blob{0, 1, 2}));
  EXPECT_TRUE(row->is_null(3));
  EXPECT_FALSE(row->optional_text(3));
}

TEST(Database, ReadConnectionsCannotWrite) {
  auto path = temp_db("readonly");
  create_table(path);
  Database db({path});
  EXPECT_THROW(db.read([](Connection& c) { c.execute("INSERT INTO t (name) VALUES ('x')"); }), DbError);
}

TEST(Database, FailedJobRollsBackAloneWhileOthersCommit) {
  auto path = temp_db("isolation");
  create_table(path);
  Metrics metrics;
  Database db({path, 64, 5000}, &metrics);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 40; ++i) {
    threads.emplace_back([&, i] {
      try {
        db.write([&](Connection& c) {
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
  auto count = db.read([](Connection& c) { return c.query_one("SELECT count(*) FROM t")->integer(0); });
  EXPECT_EQ(count, 30);
  auto failed_rows = db.read([](Connection& c) { return c.query_one("SELECT count(*) FROM t WHERE name = 'row0'")->integer(0); });
  EXPECT_EQ(failed_rows, 0);
  EXPECT_NE(metrics.render().find("db_commit_batch_size_count"), std::string::npos);
}

TEST(Database, UniqueViolationIsRecognisable) {
  auto path = temp_db("unique");
  create_table(path);
  Database db({path});
  db.write([](Connection& c) { c.execute("INSERT INTO t (name) VALUES ('a')"); });
  try {
    db.write([](Connection& c) { c.execute("INSERT INTO t (name) VALUES ('a')"); });
    FAIL();
  } catch (const DbError& e) {
    EXPECT_TRUE(e.is_unique_violation());
  }
}

TEST(Database, ParameterCountMismatchIsAnError) {
  auto path = temp_db("params");
  create_table(path);
  Database db({path});
  EXPECT_THROW(db.write([](Connection& c) { c.execute("INSERT INTO t (name) VALUES (?)", {}); }), DbError);
}

TEST(Database, CommitsNeverCheckpointAndTheCheckpointerCopiesTheLogBack) {
  auto path = temp_db("checkpoint");
  create_table(path);
  DatabaseSettings settings{path};
  settings.checkpoint_interval = std::chrono::hours(1);  // only when asked, in this test
  Database db(settings);
  // About 1,600 pages: past SQLite's automatic checkpoint at 1,000.
  for (int i = 0; i < 100; ++i) {
    db.write([&](Connection& c) {
      c.execute("INSERT INTO t (name, b) VALUES (?, ?)", {"row" + std::to_string(i), Blob(64 * 1024, 7)});
    });
  }
  auto result = db.checkpoint();
  EXPECT_GT(result.log_frames, 1500) << "no commit restarted the log with a checkpoint of its own";
  EXPECT_EQ(result.not_copied, 0) << "every frame copied back";
  EXPECT_EQ(db.read([](Connection& c) { return c.query_one("SELECT count(*) FROM t")->integer(0); }), 100);
}
