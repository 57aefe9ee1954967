#include "queue/queue_module.h"

#include "platform/crypto.h"
#include "queue/kiosk_store.h"
#include "queue/live_board.h"
#include "queue/queue_service.h"
#include "queue/web/kiosk_pages.h"
#include "queue/web/public_pages.h"
#include "queue/web/queue_web.h"
#include "queue/web/staff_pages.h"

namespace madoguchi::queue {

QueueModule::QueueModule(platform::db::Database& database, notify::Outbox& outbox, platform::Events& events,
                         booking::BookingService& bookings, platform::web::PageRenderer& pages,
                         identity::IdentityModule& identity, QueueModuleSettings settings) {
  service_ = std::make_unique<QueueService>(
      database, outbox, events, bookings,
      QueueSettings{settings.public_url, platform::crypto::load_or_create_key(settings.keys_dir / "queue.key")});
  live_ = std::make_unique<LiveBoard>(*service_, events);
  kiosks_ = std::make_unique<KioskStore>(database);
  web_ = std::make_unique<QueueWeb>(QueueWeb{*service_, bookings, *live_, *kiosks_, pages, identity.access(),
                                             identity.audit(), settings.secure_cookies, settings.public_url});
}

QueueModule::~QueueModule() = default;

void QueueModule::register_routes(platform::http::Router& router) {
  register_public_pages(router, *web_);
  register_kiosk_pages(router, *web_);
  register_staff_pages(router, *web_);
}

}  // namespace madoguchi::queue
