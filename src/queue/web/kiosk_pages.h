// The ticket machine (kiosk) pages: a touch screen with large buttons per
// line, a field for the booking's QR code (a scanner types it; a person can
// too) and the issued ticket with a QR code of its phone page. Only devices
// that staff set up (a secret cookie from a set-up link) issue tickets, for
// their own office and at most the office's number per minute, so the kiosk
// cannot be used to flood the queue.
#pragma once

#include "platform/http/router.h"
#include "queue/web/queue_web.h"

namespace madoguchi::queue {

inline constexpr const char* kKioskCookie = "mdg_kiosk";

void register_kiosk_pages(platform::http::Router& router, const QueueWeb& web);

}  // namespace madoguchi::queue
