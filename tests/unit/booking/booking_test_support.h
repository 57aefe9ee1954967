// Shared by the booking and queue unit tests: a migrated database in a
// scratch folder, the real office directory (offices/sendai.yaml) and
// instants in Japan time on the tests' own timeline (never the real date).
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "booking/booking_service.h"
#include "booking/office_yaml.h"
#include "notify/outbox.h"
#include "platform/crypto.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "support/scratch.h"

namespace madoguchi::booking::test {

// 2027-06-15 (a Tuesday) at hh:mm in Japan.
inline Instant at(int day_offset, int hh, int mm) {
  using namespace std::chrono;
  Date d{sys_days{Date{year{2027}, month{6}, day{15}}} + days{day_offset}};
  return tokyo_instant(d, hh * 60 + mm);
}

inline OfficeDirectory sendai() { return load_office_directory(std::string(MADOGUCHI_SOURCE_DIR) + "/offices/sendai.yaml"); }

class BookingDatabase {
 public:
  BookingDatabase() {
    platform::crypto::init();
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = testing::scratch_dir(std::string(info->test_suite_name()) + "-" + info->name());
    {
      platform::db::Connection c(dir_ / "madoguchi.db", platform::db::Connection::Mode::read_write);
      platform::db::apply_migrations(c, platform::db::load_migrations(MADOGUCHI_SOURCE_DIR,
                                                                      {"notify", "booking", "queue"}));
    }
    db_ = std::make_unique<platform::db::Database>(platform::db::DatabaseSettings{dir_ / "madoguchi.db"});
    service_ = std::make_unique<BookingService>(*db_, outbox_, sendai(),
                                                BookingSettings{"https://madoguchi.example.jp", std::vector<uint8_t>(32, 7)});
  }
  ~BookingDatabase() { db_->stop(); }

  platform::db::Database& db() { return *db_; }
  notify::Outbox& outbox() { return outbox_; }
  BookingService& service() { return *service_; }
  int mails(const std::string& subject_part) {
    return static_cast<int>(db_->read([&](platform::db::Connection& c) {
      return c.query_one("SELECT COUNT(*) FROM notify_email_outbox WHERE subject LIKE ?", {"%" + subject_part + "%"})->integer(0);
    }));
  }

 private:
  std::filesystem::path dir_;
  notify::Outbox outbox_;
  std::unique_ptr<platform::db::Database> db_;
  std::unique_ptr<BookingService> service_;
};

}  // namespace madoguchi::booking::test
