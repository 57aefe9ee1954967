// QueueWeb: what the queue pages share: the services, the live board, the
// kiosks, the renderer, access control and audit; helpers to render a page of
// this module, turn a QueueError into a page, word a wait range, and read a
// posted form.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "identity/access_control.h"
#include "identity/audit_log.h"
#include "platform/http/url.h"
#include "platform/web/page_renderer.h"
#include "queue/kiosk_store.h"
#include "queue/live_board.h"
#include "queue/queue_service.h"

namespace madoguchi::queue {

struct QueueWeb {
  QueueService& service;
  booking::BookingService& bookings;
  LiveBoard& live;
  KioskStore& kiosks;
  platform::web::PageRenderer& pages;
  const identity::AccessControl& access;
  const identity::AuditLog& audit;
  bool secure_cookies = false;
  std::string public_url;  // the QR code on a kiosk ticket opens public_url + its phone page

  std::string lang(const platform::http::Request& request) const;
  std::string text(const platform::http::Request& request, std::string_view key) const;
  platform::http::Response page(const platform::http::Request& request, const std::string& name, std::string title,
                                nlohmann::json context, int status = 200) const;
  platform::http::Response refused(const platform::http::Request& request, const QueueError& error,
                                   const std::string& back_href) const;
  // "10〜15分" / "10–15 min"
  std::string wait_text(const platform::http::Request& request, const WaitRange& range) const;
  // Line names and wait figures of an office's board for templates.
  nlohmann::json lines_json(const platform::http::Request& request, const booking::Office& office, const Board& board) const;
};

platform::http::FormFields posted_form(const platform::http::Request& request);
std::string posted(const platform::http::FormFields& fields, std::string_view name);
std::optional<int64_t> posted_id(const platform::http::FormFields& fields, std::string_view name);

}  // namespace madoguchi::queue
