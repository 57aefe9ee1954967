#include "platform/db/migrations.h"

#include <gtest/gtest.h>

#include <fstream>

#include "platform/crypto.h"
#include "support/scratch.h"

using namespace madoguchi::platform::db;

namespace {
struct Tree {
  std::filesystem::path root;
  explicit Tree(const std::string& name) {
    madoguchi::platform::crypto::init();
    root = madoguchi::testing::scratch_dir(name);
  }
  void write(const std::string& module, const std::string& file, const std::string& sql) {
    auto dir = root / "src" / module / "migrations";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / file) << sql;
  }
};
}  // namespace

TEST(Migrations, AppliesInModuleThenNumberOrderOnce) {
  Tree t("order");
  t.write("b", "0001_second_module.sql", "CREATE TABLE b1 (x REFERENCES a1(x));");
  t.write("a", "0002_more.sql", "ALTER TABLE a1 ADD COLUMN y TEXT;");
  t.write("a", "0001_init.sql", "CREATE TABLE a1 (x INTEGER PRIMARY KEY);");
  Connection c(t.root / "db.sqlite", Connection::Mode::read_write);
  auto all = load_migrations(t.root, {"a", "b"});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "init");
  EXPECT_EQ(all[2].module, "b");
  EXPECT_EQ(apply_migrations(c, all).size(), 3u);
  EXPECT_EQ(apply_migrations(c, all).size(), 0u);
  EXPECT_TRUE(pending_migrations(c, all).empty());
}

TEST(Migrations, ChangedAppliedMigrationIsAnError) {
  Tree t("changed");
  t.write("a", "0001_init.sql", "CREATE TABLE a1 (x INTEGER);");
  Connection c(t.root / "db.sqlite", Connection::Mode::read_write);
  apply_migrations(c, load_migrations(t.root, {"a"}));
  t.write("a", "0001_init.sql", "CREATE TABLE a1 (x INTEGER, y INTEGER);");
  EXPECT_THROW(pending_migrations(c, load_migrations(t.root, {"a"})), std::runtime_error);
}

TEST(Migrations, FailedMigrationLeavesNothingBehind) {
  Tree t("failed");
  t.write("a", "0001_init.sql", "CREATE TABLE a1 (x INTEGER); CREATE TABLE broken (;");
  Connection c(t.root / "db.sqlite", Connection::Mode::read_write);
  EXPECT_THROW(apply_migrations(c, load_migrations(t.root, {"a"})), std::runtime_error);
  EXPECT_FALSE(c.query_one("SELECT 1 FROM sqlite_master WHERE name = 'a1'"));
}

TEST(Migrations, BadFileNameIsNamed) {
  Tree t("badname");
  t.write("a", "init.sql", "SELECT 1;");
  try {
    load_migrations(t.root, {"a"});
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("init.sql"), std::string::npos);
  }
}
