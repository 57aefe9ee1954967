#include "booking/web/booking_web.h"

#include <charconv>

#include "booking/booking_mail.h"
#include "platform/crypto.h"
#include "platform/web/csrf.h"
#include "platform/web/language.h"

namespace madoguchi::booking {

using platform::http::Request;
using platform::http::Response;
using namespace std::chrono;

std::string BookingWeb::lang(const Request& request) const {
  return std::string(platform::web::code(platform::web::request_language(request)));
}

std::string BookingWeb::text(const Request& request, std::string_view key) const {
  return pages.messages().text(platform::web::request_language(request), "booking." + std::string(key));
}

Response BookingWeb::page(const Request& request, const std::string& name, std::string title, nlohmann::json context,
                          int status) const {
  context["title"] = std::move(title);
  context["csrf"] = platform::web::Csrf::token(request);
  return pages.page(request, "booking/" + name, std::move(context), status);
}

std::string BookingWeb::day_label(const Request& request, Date day) const {
  unsigned wd = weekday{sys_days{day}}.c_encoding();
  if (lang(request) == "en") {
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::string(days[wd]) + " " + std::to_string(static_cast<unsigned>(day.day())) + " " +
           months[static_cast<unsigned>(day.month())];
  }
  static const char* days[] = {"日", "月", "火", "水", "木", "金", "土"};
  return std::to_string(static_cast<unsigned>(day.month())) + "月" + std::to_string(static_cast<unsigned>(day.day())) +
         "日(" + days[wd] + ")";
}

std::string BookingWeb::when(const Request& request, const Slot& slot) const {
  return lang(request) == "en" ? when_en(slot) : when_ja(slot);
}

nlohmann::json BookingWeb::slot_json(const Request& request, const Slot& slot, Window window) const {
  bool bookable = window == Window::ok && slot.free() > 0;
  std::string state;
  if (slot.removed) {
    state = text(request, "slot.removed");
  } else if (window == Window::past || window == Window::too_soon) {
    state = text(request, "slot.closed");
  } else if (slot.free() == 0) {
    state = text(request, "slot.full");
  } else {
    state = text(request, "slot.free") + " " + std::to_string(slot.free());
  }
  return {{"id", slot.id},
          {"time", clock_text(slot.start_minute) + "〜" + clock_text(slot.end_minute)},
          {"when", when(request, slot)},
          {"state", state},
          {"bookable", bookable}};
}

Response BookingWeb::refused(const Request& request, const BookingError& error, const std::string& back_href,
                             const std::string& choose_action) const {
  bool en = lang(request) == "en";
  nlohmann::json alternatives = nlohmann::json::array();
  for (const auto& slot : error.alternatives()) alternatives.push_back(slot_json(request, slot, Window::ok));
  return page(request, "refused", text(request, "refused.title"),
              {{"message", en ? error.message_en() : error.message_ja()},
               {"message_en", error.message_en()},
               {"show_english", !en},
               {"code", error.code()},
               {"alternatives", alternatives},
               {"has_alternatives", !alternatives.empty()},
               {"choose_action", choose_action},
               {"request_key", platform::crypto::random_token(16)},
               {"back_href", back_href}},
              error.status());
}

platform::http::FormFields form_fields(const Request& request) {
  if (!request.has_content_type("application/x-www-form-urlencoded")) return {};
  return platform::http::parse_urlencoded(request.body);
}

std::string field(const platform::http::FormFields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return value.size() > 2000 ? value.substr(0, 2000) : value;
  }
  return "";
}

std::optional<int64_t> field_number(const platform::http::FormFields& fields, std::string_view name) {
  std::string v = field(fields, name);
  int64_t out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size()) return std::nullopt;
  return out;
}

}  // namespace madoguchi::booking
