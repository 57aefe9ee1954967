// BookingModule: the booking module built from its dependencies, for the app
// to wire. It reads the office directory (offices/sendai.yaml), derives each
// booking's page token with a key under keys/ (booking.key, created on first
// start), registers the citizen, staff and API routes, adds the staff menu
// entries, and runs the day-before reminder job while the server serves.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "booking/booking_service.h"
#include "identity/identity_module.h"
#include "notify/outbox.h"
#include "platform/db/database.h"
#include "platform/http/router.h"
#include "platform/web/page_renderer.h"

namespace madoguchi::booking {

struct BookingWeb;
class ReminderJob;

struct BookingModuleSettings {
  std::filesystem::path offices_file;
  std::filesystem::path keys_dir;
  std::string public_url;
  std::chrono::seconds reminder_interval{60};
};

class BookingModule {
 public:
  // Throws std::runtime_error naming file:line if the office directory is malformed.
  BookingModule(platform::db::Database& database, notify::Outbox& outbox, platform::web::PageRenderer& pages,
                identity::IdentityModule& identity, BookingModuleSettings settings);
  ~BookingModule();
  BookingModule(const BookingModule&) = delete;
  BookingModule& operator=(const BookingModule&) = delete;

  BookingService& service() { return *service_; }
  void register_routes(platform::http::Router& router);
  void start_jobs();
  void stop_jobs();

 private:
  std::unique_ptr<BookingService> service_;
  std::unique_ptr<BookingWeb> web_;
  std::unique_ptr<ReminderJob> reminders_;
};

}  // namespace madoguchi::booking
