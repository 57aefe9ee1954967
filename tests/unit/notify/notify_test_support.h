// Helpers for the notify tests: a fresh directory per test, a database with
// the notify migrations applied, and a clock the test moves by hand.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "notify/email_message.h"
#include "notify/outbox.h"
#include "platform/crypto.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/time.h"

namespace notify_test {

using madoguchi::notify::TimePoint;

// An empty directory named after the running test, removed afterwards.
class ScratchDirectory {
 public:
  explicit ScratchDirectory(const std::string& what) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() / ("madoguchi-notify-" + std::string(info->test_suite_name()) + "-" +
                                                      info->name() + "-" + what + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A database with the notify module's migrations applied, as `madoguchi
// migrate` does, in a scratch directory of its own.
class MigratedDatabase {
 public:
  MigratedDatabase() : directory_("db") {
    madoguchi::platform::crypto::init();
    auto path = directory_.path() / "madoguchi.db";
    {
      madoguchi::platform::db::Connection connection(path, madoguchi::platform::db::Connection::Mode::read_write);
      madoguchi::platform::db::apply_migrations(
          connection, madoguchi::platform::db::load_migrations(MADOGUCHI_SOURCE_DIR, {"notify"}));
    }
    database_ = std::make_unique<madoguchi::platform::db::Database>(madoguchi::platform::db::DatabaseSettings{path});
  }
  madoguchi::platform::db::Database& operator*() { return *database_; }
  madoguchi::platform::db::Database* operator->() { return database_.get(); }

 private:
  ScratchDirectory directory_;
  std::unique_ptr<madoguchi::platform::db::Database> database_;
};

// A clock that stands still until the test advances it.
class ManualClock {
 public:
  explicit ManualClock(const std::string& start = "2025-04-01T09:00:00.000Z")
      : now_(madoguchi::platform::parse_iso_timestamp(start).time_since_epoch().count()) {}
  TimePoint now() const { return TimePoint(TimePoint::duration(now_.load())); }
  void advance(std::chrono::milliseconds by) { now_ += std::chrono::duration_cast<TimePoint::duration>(by).count(); }
  madoguchi::notify::Outbox::Now function() {
    return [this] { return now(); };
  }

 private:
  std::atomic<TimePoint::rep> now_;
};

inline madoguchi::notify::EmailMessage receipt_message(const std::string& to = "taro.yamada@example.jp") {
  madoguchi::notify::EmailMessage message;
  message.to = to;
  message.subject = "【仙台市】申請を受け付けました（受付番号 MDG-7K3Q-9XPD）";
  message.text_body =
      "山田 太郎 様\n\n住民票の写しの交付申請を受け付けました。\n受付番号: MDG-7K3Q-9XPD\n\n"
      ". この行は点で始まります。\n仙台市 市民局\n";
  message.category = "receipt";
  message.reference = "MDG-7K3Q-9XPD";
  return message;
}

}  // namespace notify_test
