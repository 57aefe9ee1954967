// Staff booking pages: the day's bookings of an office (names and e-mail, so
// every view is audited) with no-show marking and slot removal, for counter
// clerks and department admins whose scope covers the office's ward; and the
// office's settings (hours, phone tickets, capacity, counters, closed days)
// for department admins.
#pragma once

#include "booking/web/booking_web.h"
#include "platform/http/router.h"

namespace madoguchi::booking {

void register_staff_pages(platform::http::Router& router, const BookingWeb& web);

}  // namespace madoguchi::booking
