#include "booking/web/citizen_pages.h"

#include "booking/ics.h"
#include "identity/qr_svg.h"
#include "platform/crypto.h"

namespace madoguchi::booking {

using platform::http::HttpError;
using platform::http::Request;
using platform::http::Response;
using platform::http::Router;

namespace {

Instant now() { return platform::Clock::now(); }

HttpError page_not_found() { return platform::http::not_found(); }

struct Place {
  OfficeDirectory directory;
  const Service* service = nullptr;
  const Office* office = nullptr;
  const Line* line = nullptr;
};

Place place_of(const BookingWeb& web, const std::string& service_code, const std::string& office_code) {
  Place p;
  p.directory = web.service.directory();
  p.service = p.directory.find_service(service_code);
  if (!p.service) throw page_not_found();
  if (office_code.empty()) return p;
  p.office = p.directory.find_office(office_code);
  if (!p.office) throw page_not_found();
  for (const auto& line : p.office->lines) {
    if (line.service == p.service->code) p.line = &line;
  }
  if (!p.line) throw page_not_found();
  return p;
}

nlohmann::json day_choices(const BookingWeb& web, const Request& request, const std::vector<Date>& days, Date current,
                           const std::string& base) {
  nlohmann::json out = nlohmann::json::array();
  for (Date d : days) {
    std::string iso = platform::iso_date(d);
    out.push_back({{"href", base + "?day=" + iso}, {"label", web.day_label(request, d)}, {"iso", iso},
                   {"current", d == current}});
  }
  return out;
}

// The slots page of a line for one day, for a new booking or a change.
nlohmann::json day_context(const BookingWeb& web, const Request& request, const Office& office, const Line& line,
                           const std::string& base) {
  auto days = web.service.open_days(office, line, now());
  Date day = days.empty() ? platform::tokyo_date(now()) : days.front();
  if (auto q = request.query_param("day")) {
    auto parsed = parse_date(*q);
    if (!parsed) {
      throw platform::http::bad_request("invalid_day", "日付の形式が正しくありません（例: 2027-06-16）。",
                                        "The date is malformed (for example 2027-06-16).");
    }
    day = *parsed;
  }
  DayView view = web.service.day(office, line, day, now());
  nlohmann::json slots = nlohmann::json::array();
  bool any = false;
  for (size_t i = 0; i < view.slots.size(); ++i) {
    auto j = web.slot_json(request, view.slots[i], view.windows[i]);
    any = any || j["bookable"].get<bool>();
    slots.push_back(std::move(j));
  }
  return {{"days", day_choices(web, request, days, day, base)},
          {"has_days", !days.empty()},
          {"day_label", web.day_label(request, day)},
          {"day_iso", platform::iso_date(day)},
          {"day_open", view.open},
          {"slots", slots},
          {"any_free", any},
          {"request_key", platform::crypto::random_token(16)}};
}

nlohmann::json booking_context(const BookingWeb& web, const Request& request, const Booking& b, const std::string& token) {
  OfficeDirectory d = web.service.directory();
  const Office* office = d.find_office(b.office);
  const Line* line = office ? office->find_line(b.line) : nullptr;
  std::string lang = web.lang(request);
  std::string status_key = "status." + std::string(to_string(b.status));
  return {{"reference", b.reference},
          {"office", office ? localized(office->name, lang) : b.office},
          {"address", office ? office->address : ""},
          {"line", line ? localized(line->name, lang) : b.line},
          {"line_code", b.line},
          {"when", web.when(request, b.slot)},
          {"status", web.text(request, status_key)},
          {"confirmed", b.status == Status::confirmed},
          {"held", b.status == Status::held},
          {"cancelled", b.status == Status::cancelled},
          {"slot_removed", b.status == Status::slot_removed},
          {"kept", b.status == Status::kept},
          {"movable", b.status == Status::confirmed || b.status == Status::slot_removed},
          {"application_reference", b.application_reference.value_or("")},
          {"base", "/booking/" + token},
          {"hold_until", b.hold_expires_at ? clock_text(tokyo_minutes(platform::parse_iso_timestamp(*b.hold_expires_at))) : ""}};
}

Booking must_find(const BookingWeb& web, const std::string& token) {
  auto b = web.service.find(token);
  if (!b) throw page_not_found();
  return *b;
}

}  // namespace

void register_citizen_pages(Router& router, const BookingWeb& web) {
  router.get("/book", [&web](Request& request) {
    OfficeDirectory d = web.service.directory();
    std::string lang = web.lang(request);
    nlohmann::json groups = nlohmann::json::array();
    for (ServiceKind kind : {ServiceKind::counter, ServiceKind::consultation, ServiceKind::facility}) {
      nlohmann::json services = nlohmann::json::array();
      for (const auto& s : d.services) {
        if (s.kind == kind && !d.offices_for(s.code).empty()) {
          services.push_back({{"href", "/book/" + s.code}, {"name", localized(s.name, lang)}});
        }
      }
      groups.push_back({{"title", web.text(request, "kind." + std::string(to_string(kind)))}, {"services", services}});
    }
    return web.page(request, "choose_service", web.text(request, "choose_service.title"), {{"groups", groups}});
  });

  router.get("/book/{service}", [&web](Request& request) {
    Place p = place_of(web, request.param("service"), "");
    std::string lang = web.lang(request);
    nlohmann::json offices = nlohmann::json::array();
    for (const Office* o : p.directory.offices_for(p.service->code)) {
      offices.push_back({{"href", "/book/" + p.service->code + "/" + o->code}, {"name", localized(o->name, lang)},
                         {"address", o->address}});
    }
    return web.page(request, "choose_office", web.text(request, "choose_office.title"),
                    {{"service", localized(p.service->name, lang)}, {"offices", offices}, {"back_href", "/book"}});
  });

  router.get("/book/{service}/{office}", [&web](Request& request) {
    Place p = place_of(web, request.param("service"), request.param("office"));
    std::string lang = web.lang(request);
    std::string base = "/book/" + p.service->code + "/" + p.office->code;
    nlohmann::json context = day_context(web, request, *p.office, *p.line, base);
    context["service"] = localized(p.service->name, lang);
    context["office"] = localized(p.office->name, lang);
    context["line"] = localized(p.line->name, lang);
    context["action"] = base + "/hold";
    context["back_href"] = "/book/" + p.service->code;
    context["bookings_open"] = p.line->booking.open;
    return web.page(request, "choose_slot", web.text(request, "choose_slot.title"), std::move(context));
  });

  router.post("/book/{service}/{office}/hold", [&web](Request& request) {
    Place p = place_of(web, request.param("service"), request.param("office"));
    auto fields = form_fields(request);
    auto slot_id = field_number(fields, "slot_id");
    std::string back = "/book/" + p.service->code + "/" + p.office->code;
    if (!slot_id) {
      return web.refused(request, BookingError("no_slot_chosen", "時間を選んでください。", "Please choose a time.", 400), back,
                         back + "/hold");
    }
    std::string key = field(fields, "request_key").substr(0, 64);
    try {
      Hold h = web.service.hold(*p.office, *p.line, *slot_id, key, web.lang(request), now());
      return Response::redirect("/booking/" + h.token + (h.booking.status == Status::held ? "/details" : ""));
    } catch (const BookingError& e) {
      return web.refused(request, e, back, back + "/hold");
    }
  });

  router.get("/booking/{token}/details", [&web](Request& request) {
    std::string token = request.param("token");
    Booking b = must_find(web, token);
    if (b.status != Status::held) return Response::redirect("/booking/" + token);
    return web.page(request, "details", web.text(request, "details.title"), booking_context(web, request, b, token));
  });

  router.post("/booking/{token}/details", [&web](Request& request) {
    std::string token = request.param("token");
    Booking b = must_find(web, token);
    auto fields = form_fields(request);
    PersonDetails details{field(fields, "name"), field(fields, "email"), field(fields, "application_reference")};
    try {
      web.service.confirm(token, details, now());
      return Response::redirect("/booking/" + token);
    } catch (const BookingError& e) {
      if (e.status() != 400) return web.refused(request, e, "/book", "");
      nlohmann::json context = booking_context(web, request, b, token);
      bool en = web.lang(request) == "en";
      std::string message = en ? e.message_en() : e.message_ja();
      std::string field_id = e.code() == "invalid_name" ? "name" : e.code() == "invalid_email" ? "email" : "application";
      context["has_errors"] = true;
      context["errors"] = nlohmann::json::array({{{"href", "#booking-" + field_id}, {"message", message}}});
      context[field_id + "_error"] = message;
      context["name_value"] = details.name;
      context["email_value"] = details.email;
      context["application_value"] = details.application_reference;
      return web.page(request, "details", web.text(request, "details.title"), std::move(context), 400);
    }
  });

  router.get("/booking/{token}", [&web](Request& request) {
    std::string token = request.param("token");
    Booking b = must_find(web, token);
    nlohmann::json context = booking_context(web, request, b, token);
    if (b.status == Status::confirmed) {
      context["qr"] = identity::qr_svg(b.reference, web.text(request, "booking.qr_title") + " " + b.reference);
    }
    return web.page(request, "booking", web.text(request, "booking.title"), std::move(context));
  });

  router.get("/booking/{token}/calendar.ics", [&web](Request& request) {
    std::string token = request.param("token");
    Booking b = must_find(web, token);
    if (b.status == Status::held || b.status == Status::expired) throw page_not_found();
    OfficeDirectory d = web.service.directory();
    const Office* office = d.find_office(b.office);
    const Line* line = office ? office->find_line(b.line) : nullptr;
    CalendarEvent e;
    e.uid = web.service.calendar_uid(b.reference);
    e.sequence = b.sequence;
    e.cancelled = b.status == Status::cancelled || b.status == Status::slot_removed;
    e.start = platform::parse_iso_timestamp(b.slot.starts_at);
    e.end = platform::parse_iso_timestamp(b.slot.ends_at);
    e.stamp = platform::parse_iso_timestamp(b.cancelled_at.value_or(b.confirmed_at.value_or(b.created_at)));
    std::string office_name = office ? office->name.ja : b.office;
    e.summary = office_name + " " + (line ? line->name.ja : b.line) + "（予約 " + b.reference + "）";
    e.location = office ? office->name.ja + " " + office->address : b.office;
    e.description = "受付番号 / Reference: " + b.reference + "\n" + web.service.booking_url(b.reference);
    e.url = web.service.booking_url(b.reference);
    e.organizer_name = office_name;
    Response r = Response::text(200, calendar_file(e), "text/calendar; charset=utf-8; method=" +
                                                           std::string(e.cancelled ? "CANCEL" : "REQUEST"));
    r.headers.set("Content-Disposition", "attachment; filename=\"" + b.reference + ".ics\"");
    r.headers.set("Cache-Control", "no-store");
    return r;
  });

  router.get("/booking/{token}/cancel", [&web](Request& request) {
    std::string token = request.param("token");
    Booking b = must_find(web, token);
    return web.page(request, "cancel", web.text(request, "cancel.title"), booking_context(web, request, b, token));
  });

  router.post("/booking/{token}/cancel", [&web](Request& request) {
    std::string token = request.param("token");
    must_find(web, token);
    try {
      web.service.cancel(token, now());
    } catch (const BookingError& e) {
      return web.refused(request, e, "/booking/" + token, "");
    }
    return Response::redirect("/booking/" + token);
  });

  router.get("/booking/{token}/change", [&web](Request& request) {
    std::string token = request.param("token");
    Booking b = must_find(web, token);
    OfficeDirectory d = web.service.directory();
    const Office* office = d.find_office(b.office);
    const Line* line = office ? office->find_line(b.line) : nullptr;
    if (!line) throw page_not_found();
    std::string base = "/booking/" + token + "/change";
    nlohmann::json context = day_context(web, request, *office, *line, base);
    context.update(booking_context(web, request, b, token));
    context["action"] = base;
    context["back_href"] = "/booking/" + token;
    context["bookings_open"] = true;
    context["changing"] = true;
    return web.page(request, "choose_slot", web.text(request, "change.title"), std::move(context));
  });

  router.post("/booking/{token}/change", [&web](Request& request) {
    std::string token = request.param("token");
    must_find(web, token);
    auto slot_id = field_number(form_fields(request), "slot_id");
    std::string back = "/booking/" + token + "/change";
    try {
      if (!slot_id) throw BookingError("no_slot_chosen", "時間を選んでください。", "Please choose a time.", 400);
      web.service.reschedule(token, *slot_id, now());
    } catch (const BookingError& e) {
      return web.refused(request, e, back, back);
    }
    return Response::redirect("/booking/" + token);
  });
}

}  // namespace madoguchi::booking
