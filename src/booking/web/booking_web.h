// BookingWeb: what the booking pages share: the service, the page renderer,
// access control and audit, and helpers to render a page of this module, read
// posted form fields, word dates in the viewer's language and turn a
// BookingError into a page with the nearest free slots.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "booking/booking_service.h"
#include "identity/access_control.h"
#include "identity/audit_log.h"
#include "platform/http/url.h"
#include "platform/web/page_renderer.h"

namespace madoguchi::booking {

struct BookingWeb {
  BookingService& service;
  platform::web::PageRenderer& pages;
  const identity::AccessControl& access;
  const identity::AuditLog& audit;

  std::string lang(const platform::http::Request& request) const;
  std::string text(const platform::http::Request& request, std::string_view key) const;
  platform::http::Response page(const platform::http::Request& request, const std::string& name, std::string title,
                                nlohmann::json context, int status = 200) const;
  // A refused booking action as a page: the message, and the nearest free slots as choices.
  platform::http::Response refused(const platform::http::Request& request, const BookingError& error,
                                   const std::string& back_href, const std::string& choose_action) const;
  // "6月16日(水)" / "Wed 16 June"
  std::string day_label(const platform::http::Request& request, Date day) const;
  std::string when(const platform::http::Request& request, const Slot& slot) const;
  nlohmann::json slot_json(const platform::http::Request& request, const Slot& slot, Window window) const;
};

platform::http::FormFields form_fields(const platform::http::Request& request);
std::string field(const platform::http::FormFields& fields, std::string_view name);
std::optional<int64_t> field_number(const platform::http::FormFields& fields, std::string_view name);

}  // namespace madoguchi::booking
