// The citizen's booking pages: choose what for, where, which day and time;
// type name and e-mail while the slot is held; the booking's own page (by the
// secret link in the mail) with the reference, the check-in QR code, the
// calendar file, and change and cancel. All work without JavaScript.
#pragma once

#include "booking/web/booking_web.h"
#include "platform/http/router.h"

namespace madoguchi::booking {

void register_citizen_pages(platform::http::Router& router, const BookingWeb& web);

}  // namespace madoguchi::booking
