// QueueModule: the queue module built from its dependencies, for the app to
// wire: the queue service over the database and the event fan-out, this
// node's live board, the kiosks, and the public, kiosk, display, phone and
// staff routes. The phone page's link is signed with keys/queue.key
// (created on first start).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "booking/booking_service.h"
#include "identity/identity_module.h"
#include "notify/outbox.h"
#include "platform/db/database.h"
#include "platform/events.h"
#include "platform/http/router.h"
#include "platform/web/page_renderer.h"

namespace madoguchi::queue {

class QueueService;
class LiveBoard;
class KioskStore;
struct QueueWeb;

struct QueueModuleSettings {
  std::filesystem::path keys_dir;
  std::string public_url;
  bool secure_cookies = false;
};

class QueueModule {
 public:
  QueueModule(platform::db::Database& database, notify::Outbox& outbox, platform::Events& events,
              booking::BookingService& bookings, platform::web::PageRenderer& pages, identity::IdentityModule& identity,
              QueueModuleSettings settings);
  ~QueueModule();
  QueueModule(const QueueModule&) = delete;
  QueueModule& operator=(const QueueModule&) = delete;

  QueueService& service() { return *service_; }
  LiveBoard& live() { return *live_; }
  void register_routes(platform::http::Router& router);

 private:
  std::unique_ptr<QueueService> service_;
  std::unique_ptr<LiveBoard> live_;
  std::unique_ptr<KioskStore> kiosks_;
  std::unique_ptr<QueueWeb> web_;
};

}  // namespace madoguchi::queue
