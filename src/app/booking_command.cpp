#include "app/booking_command.h"

#include "app/migrated_database.h"
#include "booking/booking_service.h"
#include "booking/office_yaml.h"
#include "notify/outbox.h"
#include "platform/crypto.h"

namespace madoguchi::app {

int run_booking_remind(const Settings& settings, std::ostream& out) {
  auto database = open_migrated_database(settings);
  notify::Outbox outbox([] { return platform::Clock::now(); });
  booking::BookingService service(
      *database, outbox, booking::load_office_directory(settings.offices_file()),
      {settings.public_url, platform::crypto::load_or_create_key(settings.keys_dir() / "booking.key")});
  int sent = service.send_reminders(platform::Clock::now());
  out << "reminders queued: " << sent << "\n";
  database->stop();
  return 0;
}

}  // namespace madoguchi::app
