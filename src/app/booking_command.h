// `madoguchi booking remind`: sends the day-before booking reminders due now
// (the server's reminder job does the same every minute); each is claimed in
// the database first, so running it beside servers sends nothing twice.
// Prints how many were queued for sending.
#pragma once

#include <ostream>

#include "app/settings.h"

namespace madoguchi::app {

int run_booking_remind(const Settings& settings, std::ostream& out);

}  // namespace madoguchi::app
