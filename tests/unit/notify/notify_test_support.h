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
#include "support/test_database.h"
#include "platform/time.h"

namespace notify_test {

using madoguchi::notify::TimePoint;

// A database with the notify module's migrations applied, as `madoguchi
// migrate` does, on the backend the run is for.
struct MigratedDatabase : madoguchi::testing::TestDatabase {
  MigratedDatabase() : TestDatabase({"notify"}, "notify") {}
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
