#include "booking/web/staff_pages.h"

#include "booking/office_yaml.h"
#include "identity/principal.h"

namespace madoguchi::booking {

using identity::Role;
using platform::http::Request;
using platform::http::Response;
using platform::http::Router;

namespace {

Instant now() { return platform::Clock::now(); }

struct OfficeAccess {
  OfficeDirectory directory;
  const Office* office = nullptr;
};

// The office named in the path, if the signed-in staff member's scope covers its ward.
OfficeAccess office_for(const BookingWeb& web, const Request& request) {
  OfficeAccess a;
  a.directory = web.service.directory();
  a.office = a.directory.find_office(request.param("office"));
  if (!a.office) throw platform::http::not_found();
  const auto* user = identity::current_staff(request);
  if (!user || !user->scope.wards.contains(a.office->ward)) {
    web.access.deny(request, "office", a.office->code, "scope");
  }
  return a;
}

Date day_param(const Request& request) {
  if (auto q = request.query_param("day")) {
    if (auto d = parse_date(*q)) return *d;
    throw platform::http::bad_request("invalid_day", "日付の形式が正しくありません（例: 2027-06-16）。",
                                      "The date is malformed (for example 2027-06-16).");
  }
  return platform::tokyo_date(now());
}

std::string staff_login(const Request& request) {
  const auto* user = identity::current_staff(request);
  return user ? user->login : "";
}

}  // namespace

void register_staff_pages(Router& router, const BookingWeb& web) {
  const identity::RoleSet clerks{Role::counter_clerk, Role::department_admin};
  const identity::RoleSet admins{Role::department_admin};

  router.get("/staff/bookings", web.access.require_staff([&web](Request& request) {
    OfficeDirectory d = web.service.directory();
    const auto* user = identity::current_staff(request);
    std::string lang = web.lang(request);
    nlohmann::json offices = nlohmann::json::array();
    for (const auto& o : d.offices) {
      if (!user->scope.wards.contains(o.ward)) continue;
      offices.push_back({{"name", localized(o.name, lang)},
                         {"bookings_href", "/staff/bookings/" + o.code},
                         {"queue_href", "/staff/queue/" + o.code},
                         {"settings_href", "/staff/offices/" + o.code},
                         {"has_queue", o.kind != OfficeKind::facility},
                         {"admin", user->has_role(Role::department_admin)}});
    }
    return web.page(request, "staff_offices", web.text(request, "staff.offices_title"), {{"offices", offices}});
  }, clerks));

  router.get("/staff/bookings/{office}", web.access.require_staff([&web](Request& request) {
    OfficeAccess a = office_for(web, request);
    Date day = day_param(request);
    std::string iso_day = platform::iso_date(day);
    std::string lang = web.lang(request);
    auto bookings = web.service.day_list(a.office->code, iso_day);
    nlohmann::json rows = nlohmann::json::array();
    nlohmann::json references = nlohmann::json::array();
    for (const auto& b : bookings) {
      const Line* line = a.office->find_line(b.line);
      references.push_back(b.reference);
      rows.push_back({{"id", b.id},
                      {"reference", b.reference},
                      {"time", clock_text(b.slot.start_minute)},
                      {"line", line ? localized(line->name, lang) : b.line},
                      {"name", b.name.value_or("")},
                      {"email", b.email.value_or("")},
                      {"application_reference", b.application_reference.value_or("")},
                      {"status", web.text(request, "status." + std::string(to_string(b.status)))},
                      {"can_no_show", b.status == Status::confirmed}});
    }
    web.audit.record(identity::audit_entry_for(request, "booking_day_viewed", "office", a.office->code,
                                               {{"day", iso_day}, {"references", references}}));
    nlohmann::json slots = nlohmann::json::array();
    for (const auto& s : web.service.office_slots(a.office->code, iso_day)) {
      const Line* line = a.office->find_line(s.line);
      slots.push_back({{"id", s.id},
                       {"line", line ? localized(line->name, lang) : s.line},
                       {"time", clock_text(s.start_minute) + "〜" + clock_text(s.end_minute)},
                       {"taken", s.taken},
                       {"capacity", s.capacity},
                       {"removed", s.removed}});
    }
    Date prev{std::chrono::sys_days{day} - std::chrono::days{1}};
    Date next{std::chrono::sys_days{day} + std::chrono::days{1}};
    std::string base = "/staff/bookings/" + a.office->code;
    return web.page(request, "staff_day", web.text(request, "staff.day_title"),
                    {{"office", localized(a.office->name, lang)},
                     {"office_code", a.office->code},
                     {"day_label", web.day_label(request, day)},
                     {"day", iso_day},
                     {"prev_href", base + "?day=" + platform::iso_date(prev)},
                     {"next_href", base + "?day=" + platform::iso_date(next)},
                     {"rows", rows},
                     {"has_rows", !rows.empty()},
                     {"slots", slots},
                     {"has_slots", !slots.empty()},
                     {"base", base}});
  }, clerks));

  router.post("/staff/bookings/{office}/no-show", web.access.require_staff([&web](Request& request) {
    OfficeAccess a = office_for(web, request);
    auto fields = form_fields(request);
    auto id = field_number(fields, "booking_id");
    std::string back = "/staff/bookings/" + a.office->code + "?day=" + field(fields, "day").substr(0, 10);
    try {
      if (!id) throw BookingError("no_booking", "予約を選んでください。", "Choose a booking.", 400);
      Booking b = web.service.mark_no_show(a.office->code, *id, now());
      web.audit.record(identity::audit_entry_for(request, "booking_no_show", "booking", b.reference));
    } catch (const BookingError& e) {
      return web.refused(request, e, back, "");
    }
    return Response::redirect(back);
  }, clerks));

  router.post("/staff/bookings/{office}/remove-slot", web.access.require_staff([&web](Request& request) {
    OfficeAccess a = office_for(web, request);
    auto fields = form_fields(request);
    auto id = field_number(fields, "slot_id");
    std::string back = "/staff/bookings/" + a.office->code + "?day=" + field(fields, "day").substr(0, 10);
    try {
      if (!id) throw BookingError("no_slot", "時間枠を選んでください。", "Choose a slot.", 400);
      int told = web.service.remove_slot(a.office->code, *id, now());
      web.audit.record(identity::audit_entry_for(request, "booking_slot_removed", "office", a.office->code,
                                                 {{"slot_id", *id}, {"bookings_told", told}}));
    } catch (const BookingError& e) {
      return web.refused(request, e, back, "");
    }
    return Response::redirect(back);
  }, clerks));

  router.get("/staff/offices/{office}", web.access.require_staff([&web](Request& request) {
    OfficeAccess a = office_for(web, request);
    std::string lang = web.lang(request);
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : a.office->lines) {
      lines.push_back({{"code", l.code},
                       {"name", localized(l.name, lang)},
                       {"capacity", l.booking.capacity},
                       {"counters", l.counters},
                       {"open", l.booking.open},
                       {"slot_minutes", l.booking.slot_minutes}});
    }
    nlohmann::json closures = nlohmann::json::array();
    for (const auto& c : web.service.closures(a.office->code)) closures.push_back({{"day", c.day}, {"reason", c.reason}});
    return web.page(request, "staff_office", web.text(request, "staff.office_title"),
                    {{"office", localized(a.office->name, lang)},
                     {"base", "/staff/offices/" + a.office->code},
                     {"hours", hours_text(a.office->hours)},
                     {"phone_tickets", a.office->phone_tickets},
                     {"lines", lines},
                     {"closures", closures},
                     {"has_closures", !closures.empty()},
                     {"saved", request.query_param("saved").has_value()},
                     {"error", request.query_param("error").value_or("") == "hours" ? web.text(request, "staff.hours_error")
                               : request.query_param("error").value_or("") == "closure" ? web.text(request, "staff.closure_error")
                                                                                       : ""}});
  }, admins));

  router.post("/staff/offices/{office}/settings", web.access.require_staff([&web](Request& request) {
    OfficeAccess a = office_for(web, request);
    auto fields = form_fields(request);
    std::string base = "/staff/offices/" + a.office->code;
    OfficeEdit edit;
    std::string hours = field(fields, "hours");
    if (!parse_hours(hours)) return Response::redirect(base + "?error=hours");
    edit.hours = hours;
    edit.phone_tickets = field(fields, "phone_tickets") == "1";
    const auto* user = identity::current_staff(request);
    web.service.edit_office(a.office->code, edit, user->login, now());
    for (const auto& l : a.office->lines) {
      auto capacity = field_number(fields, "capacity_" + l.code);
      auto counters = field_number(fields, "counters_" + l.code);
      LineEdit le{capacity && *capacity >= 0 && *capacity <= 1000 ? static_cast<int>(*capacity) : l.booking.capacity,
                  counters && *counters >= 0 && *counters <= 100 ? static_cast<int>(*counters) : l.counters,
                  field(fields, "open_" + l.code) == "1"};
      web.service.edit_line(a.office->code, l.code, le, user->login, now());
    }
    web.audit.record(identity::audit_entry_for(request, "office_settings_changed", "office", a.office->code,
                                               {{"hours", hours}}));
    return Response::redirect(base + "?saved=1");
  }, admins));

  router.post("/staff/offices/{office}/closures", web.access.require_staff([&web](Request& request) {
    OfficeAccess a = office_for(web, request);
    auto fields = form_fields(request);
    std::string base = "/staff/offices/" + a.office->code;
    auto day = parse_date(field(fields, "day"));
    std::string reason = field(fields, "reason").substr(0, 200);
    if (!day || reason.empty()) return Response::redirect(base + "?error=closure");
    web.service.add_closure(a.office->code, {platform::iso_date(*day), reason}, staff_login(request), now());
    web.audit.record(identity::audit_entry_for(request, "office_closed_day_added", "office", a.office->code,
                                               {{"day", platform::iso_date(*day)}}));
    return Response::redirect(base + "?saved=1");
  }, admins));

  router.post("/staff/offices/{office}/closures/remove", web.access.require_staff([&web](Request& request) {
    OfficeAccess a = office_for(web, request);
    auto day = parse_date(field(form_fields(request), "day"));
    if (day) web.service.remove_closure(a.office->code, platform::iso_date(*day));
    web.audit.record(identity::audit_entry_for(request, "office_closed_day_removed", "office", a.office->code,
                                               {{"day", day ? platform::iso_date(*day) : ""}}));
    return Response::redirect("/staff/offices/" + a.office->code + "?saved=1");
  }, admins));
}

}  // namespace madoguchi::booking
