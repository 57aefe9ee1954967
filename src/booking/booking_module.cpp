#include "booking/booking_module.h"

#include "booking/api_routes.h"
#include "booking/office_yaml.h"
#include "booking/reminder_job.h"
#include "booking/web/booking_web.h"
#include "booking/web/citizen_pages.h"
#include "booking/web/staff_pages.h"
#include "platform/crypto.h"

namespace madoguchi::booking {

BookingModule::BookingModule(platform::db::Database& database, notify::Outbox& outbox,
                             platform::web::PageRenderer& pages, identity::IdentityModule& identity,
                             BookingModuleSettings settings) {
  service_ = std::make_unique<BookingService>(
      database, outbox, load_office_directory(settings.offices_file),
      BookingSettings{settings.public_url, platform::crypto::load_or_create_key(settings.keys_dir / "booking.key")});
  web_ = std::make_unique<BookingWeb>(BookingWeb{*service_, pages, identity.access(), identity.audit()});
  reminders_ = std::make_unique<ReminderJob>(*service_, settings.reminder_interval);
  identity.staff_links().add({"/staff/bookings", "booking.nav.offices", "booking.nav.offices_description",
                              {identity::Role::counter_clerk, identity::Role::department_admin}});
}

BookingModule::~BookingModule() = default;

void BookingModule::register_routes(platform::http::Router& router) {
  register_citizen_pages(router, *web_);
  register_staff_pages(router, *web_);
  register_api_routes(router, *service_);
}

void BookingModule::start_jobs() { reminders_->start(); }
void BookingModule::stop_jobs() { reminders_->stop(); }

}  // namespace madoguchi::booking
