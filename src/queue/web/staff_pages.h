// The clerk's queue console for one office: per line the waiting tickets in
// call order with their wait estimates; call next at the clerk's counter;
// for a called ticket recall, done, no-show and transfer (keeping its place);
// priority marks with a reason; tickets issued by the clerk or by checking a
// booking in; and setting up or revoking kiosks. Every change is audited.
// For counter clerks and department admins whose scope covers the office.
#pragma once

#include "platform/http/router.h"
#include "queue/web/queue_web.h"

namespace madoguchi::queue {

void register_staff_pages(platform::http::Router& router, const QueueWeb& web);

}  // namespace madoguchi::queue
