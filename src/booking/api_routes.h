// The booking JSON API: a line's slots for a day, and booking a slot in one
// call (hold and confirm) with an optional request key so a retried request
// books once. A full slot answers 409 with the nearest free slots.
//   GET  /api/v1/booking/slots?office=aoba&line=A&day=2027-06-16
//   POST /api/v1/bookings {"office","line","slot_id","name","email","request_key"?,"application_reference"?}
#pragma once

#include "booking/booking_service.h"
#include "platform/http/router.h"

namespace madoguchi::booking {

void register_api_routes(platform::http::Router& router, BookingService& service);

}  // namespace madoguchi::booking
