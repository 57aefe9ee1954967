// The queue's public pages: current waits per office, the citizen's phone
// page for one ticket (position, wait range, called counter; live over SSE,
// refreshing itself without JavaScript), taking a ticket from a phone where
// the office allows it, the calling display for a large screen (numbers and
// counters only, a chime and speech in the browser), and the public queue
// and booking figures per office, line and day (HTML and JSON).
#pragma once

#include "platform/http/router.h"
#include "queue/web/queue_web.h"

namespace madoguchi::queue {

void register_public_pages(platform::http::Router& router, const QueueWeb& web);

}  // namespace madoguchi::queue
