// Shared by the booking and queue unit tests: a migrated database on the
// run's engine (SQLite or PostgreSQL), the real office directory (offices/sendai.yaml) and
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
#include "support/test_database.h"

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
  BookingDatabase() : database_({"notify", "booking", "queue"}, test_name()) {
    service_ = std::make_unique<BookingService>(*database_, outbox_, sendai(),
                                                BookingSettings{"https://madoguchi.example.jp", std::vector<uint8_t>(32, 7)});
  }

  platform::db::Database& db() { return *database_; }
  notify::Outbox& outbox() { return outbox_; }
  BookingService& service() { return *service_; }
  int mails(const std::string& subject_part) {
    return static_cast<int>(database_->read([&](platform::db::Connection& c) {
      return c.query_one("SELECT COUNT(*) FROM notify_email_outbox WHERE subject LIKE ?", {"%" + subject_part + "%"})->integer(0);
    }));
  }

 private:
  static std::string test_name() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    return std::string(info->test_suite_name()) + "-" + info->name();
  }

  madoguchi::testing::TestDatabase database_;
  notify::Outbox outbox_;
  std::unique_ptr<BookingService> service_;
};

}  // namespace madoguchi::booking::test
