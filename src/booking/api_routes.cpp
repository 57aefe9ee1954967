#include "booking/api_routes.h"

#include "platform/http/http_error.h"
#include "platform/http/json_body.h"

namespace madoguchi::booking {

using platform::http::Request;
using platform::http::Response;

namespace {

nlohmann::json slot_json(const Slot& s) {
  return {{"id", s.id},         {"office", s.office}, {"line", s.line},         {"day", s.day},
          {"starts_at", s.starts_at}, {"ends_at", s.ends_at}, {"start", clock_text(s.start_minute)},
          {"capacity", s.capacity}, {"free", s.free()}, {"removed", s.removed}};
}

Response error_json(const BookingError& e) {
  nlohmann::json alternatives = nlohmann::json::array();
  for (const auto& s : e.alternatives()) alternatives.push_back(slot_json(s));
  return Response::json(e.status(), {{"error",
                                      {{"status", e.status()},
                                       {"code", e.code()},
                                       {"message", {{"ja", e.message_ja()}, {"en", e.message_en()}}},
                                       {"alternatives", alternatives}}}});
}

std::string text_member(const nlohmann::json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return "";
  if (!it->is_string()) {
    throw platform::http::bad_request("invalid_" + std::string(name), std::string(name) + " は文字列で指定してください。",
                                      std::string(name) + " must be a string.");
  }
  return it->get<std::string>();
}

}  // namespace

void register_api_routes(platform::http::Router& router, BookingService& service) {
  router.get("/api/v1/booking/slots", [&service](Request& request) {
    OfficeDirectory d = service.directory();
    const Office* office = d.find_office(request.query_param("office").value_or(""));
    const Line* line = office ? office->find_line(request.query_param("line").value_or("")) : nullptr;
    if (!line) throw platform::http::not_found();
    auto day = parse_date(request.query_param("day").value_or(""));
    if (!day) {
      throw platform::http::bad_request("invalid_day", "day は 2027-06-16 の形式で指定してください。",
                                        "day must be a date such as 2027-06-16.");
    }
    DayView view = service.day(*office, *line, *day, platform::Clock::now());
    nlohmann::json slots = nlohmann::json::array();
    for (size_t i = 0; i < view.slots.size(); ++i) {
      auto j = slot_json(view.slots[i]);
      j["bookable"] = view.windows[i] == Window::ok && view.slots[i].free() > 0;
      slots.push_back(std::move(j));
    }
    return Response::json(200, {{"office", office->code}, {"line", line->code}, {"day", view.day == *day ? platform::iso_date(*day) : ""},
                                {"open", view.open}, {"slots", slots}});
  });

  router.post("/api/v1/bookings", [&service](Request& request) {
    nlohmann::json body = platform::http::parse_json_body(request);
    if (!body.is_object()) {
      throw platform::http::bad_request("invalid_body", "JSON オブジェクトを送ってください。", "Send a JSON object.");
    }
    OfficeDirectory d = service.directory();
    const Office* office = d.find_office(text_member(body, "office"));
    const Line* line = office ? office->find_line(text_member(body, "line")) : nullptr;
    if (!line) throw platform::http::not_found();
    auto slot = body.find("slot_id");
    if (slot == body.end() || !slot->is_number_integer()) {
      throw platform::http::bad_request("invalid_slot_id", "slot_id（整数）を指定してください。", "slot_id (an integer) is required.");
    }
    PersonDetails details{text_member(body, "name"), text_member(body, "email"), text_member(body, "application_reference")};
    std::string key = text_member(body, "request_key").substr(0, 64);
    try {
      Booking b = service.book(*office, *line, slot->get<int64_t>(), key, details, "ja", platform::Clock::now());
      return Response::json(201, {{"reference", b.reference},
                                  {"status", to_string(b.status)},
                                  {"slot", slot_json(b.slot)},
                                  {"url", service.booking_url(b.reference)}});
    } catch (const BookingError& e) {
      return error_json(e);
    }
  });
}

}  // namespace madoguchi::booking
