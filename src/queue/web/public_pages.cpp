#include "queue/web/public_pages.h"

#include "booking/opening.h"
#include "identity/qr_svg.h"
#include "platform/crypto.h"
#include "queue/queue_figures.h"

namespace madoguchi::queue {

using platform::http::Request;
using platform::http::Response;
using platform::http::Router;

namespace {

Instant now() { return platform::Clock::now(); }

struct OfficeView {
  booking::OfficeDirectory directory;
  const booking::Office* office = nullptr;
};

OfficeView office_of(const QueueWeb& web, const std::string& code) {
  OfficeView v;
  v.directory = web.service.directory();
  v.office = v.directory.find_office(code);
  if (!v.office || v.office->kind == booking::OfficeKind::facility) throw platform::http::not_found();
  return v;
}

nlohmann::json ticket_context(const QueueWeb& web, const Request& request, const booking::Office& office,
                              const Ticket& t, const Board& board) {
  std::string l = web.lang(request);
  const booking::Line* line = office.find_line(t.line);
  auto place = board.place_of(t.id);
  nlohmann::json c = {{"label", t.label},
                      {"office", booking::localized(office.name, l)},
                      {"office_code", office.code},
                      {"line", line ? booking::localized(line->name, l) : t.line},
                      {"waiting", place.waiting},
                      {"ahead", place.ahead},
                      {"wait", web.wait_text(request, place.estimate)},
                      {"called", t.status == TicketStatus::called},
                      {"done", t.status == TicketStatus::done},
                      {"no_show", t.status == TicketStatus::no_show},
                      {"counter", t.counter.value_or("")},
                      {"alert_when_ahead", office.queue.alert_when_ahead},
                      {"version", board.version}};
  if (!board.calls.empty()) {
    c["latest_label"] = board.calls.front().label;
    c["latest_counter"] = board.calls.front().counter.value_or("");
  }
  return c;
}

}  // namespace

void register_public_pages(Router& router, const QueueWeb& web) {
  router.get("/queue", [&web](Request& request) {
    booking::OfficeDirectory d = web.service.directory();
    std::string l = web.lang(request);
    nlohmann::json offices = nlohmann::json::array();
    for (const auto& o : d.offices) {
      if (o.kind == booking::OfficeKind::facility) continue;
      auto board = web.live.current(o.code);
      offices.push_back({{"name", booking::localized(o.name, l)},
                         {"href", "/queue/" + o.code},
                         {"open", board->open},
                         {"lines", web.lines_json(request, o, *board)}});
    }
    return web.page(request, "waits", web.text(request, "waits.title"), {{"offices", offices}});
  });

  router.get("/queue/{office}", [&web](Request& request) {
    OfficeView v = office_of(web, request.param("office"));
    auto board = web.live.current(v.office->code);
    std::string l = web.lang(request);
    nlohmann::json choices = nlohmann::json::array();
    for (const auto& line : v.office->lines) {
      if (line.queue) choices.push_back({{"code", line.code}, {"name", booking::localized(line.name, l)}});
    }
    nlohmann::json calls = nlohmann::json::array();
    for (const auto& t : board->calls) {
      if (t.status == TicketStatus::called) calls.push_back({{"label", t.label}, {"counter", t.counter.value_or("")}});
    }
    return web.page(request, "office", booking::localized(v.office->name, l),
                    {{"office", booking::localized(v.office->name, l)},
                     {"office_code", v.office->code},
                     {"address", v.office->address},
                     {"open", board->open},
                     {"lines", web.lines_json(request, *v.office, *board)},
                     {"calls", calls},
                     {"has_calls", !calls.empty()},
                     {"phone_tickets", v.office->phone_tickets && board->open},
                     {"choices", choices},
                     {"display_href", "/queue/display/" + v.office->code}});
  });

  router.post("/queue/{office}/take", [&web](Request& request) {
    OfficeView v = office_of(web, request.param("office"));
    auto fields = posted_form(request);
    std::string back = "/queue/" + v.office->code;
    std::string email = posted(fields, "email");
    IssueRequest r;
    r.office = v.office->code;
    r.line = posted(fields, "line");
    r.source = Source::phone;
    if (!email.empty()) r.email = email;
    r.client_key = platform::crypto::sha256_hex("client:" + request.remote_address).substr(0, 32);
    try {
      Issued issued = web.service.issue(r, now());
      return Response::redirect("/queue/t/" + issued.token);
    } catch (const QueueError& e) {
      return web.refused(request, e, back);
    }
  });

  router.get("/queue/t/{token}", [&web](Request& request) {
    std::string token = request.param("token");
    auto t = web.service.ticket_for_token(token);
    if (!t) throw platform::http::not_found();
    OfficeView v = office_of(web, t->office);
    auto board = web.live.current(t->office);
    nlohmann::json context = ticket_context(web, request, *v.office, *t, *board);
    context["events_href"] = "/queue/t/" + token + "/events";
    context["scripts"] = nlohmann::json::array({"/static/js/queue-phone.js"});
    return web.page(request, "ticket", web.text(request, "ticket.title") + " " + t->label, std::move(context));
  });

  router.get("/queue/t/{token}/events", [&web](Request& request) {
    auto t = web.service.ticket_for_token(request.param("token"));
    if (!t) throw platform::http::not_found();
    auto board = web.live.current(t->office);
    LiveBoard& live = web.live;
    return Response::event_stream([&live, office = t->office, id = t->id, board](auto stream) {
      live.watch(office, id, std::move(stream), board);
    });
  });

  router.get("/queue/display/{office}", [&web](Request& request) {
    OfficeView v = office_of(web, request.param("office"));
    auto board = web.live.current(v.office->code);
    std::string l = web.lang(request);
    nlohmann::json calls = nlohmann::json::array();
    for (const auto& t : board->calls) {
      if (t.status == TicketStatus::called) calls.push_back({{"label", t.label}, {"counter", t.counter.value_or("")}});
    }
    nlohmann::json names = nlohmann::json::object();
    for (const auto& line : v.office->lines) names[line.code] = booking::localized(line.name, l);
    return web.page(request, "display", web.text(request, "display.title") + " " + booking::localized(v.office->name, l),
                    {{"office", booking::localized(v.office->name, l)},
                     {"office_en", v.office->name.en},
                     {"events_href", "/queue/display/" + v.office->code + "/events"},
                     {"calls", calls},
                     {"has_calls", !calls.empty()},
                     {"lines", web.lines_json(request, *v.office, *board)},
                     {"version", board->version},
                     {"body_class", "queue-display"},
                     {"scripts", nlohmann::json::array({"/static/js/queue-display.js"})}});
  });

  router.get("/queue/display/{office}/events", [&web](Request& request) {
    OfficeView v = office_of(web, request.param("office"));
    auto board = web.live.current(v.office->code);
    LiveBoard& live = web.live;
    return Response::event_stream([&live, office = v.office->code, board](auto stream) {
      live.watch(office, 0, std::move(stream), board);
    });
  });

  router.get("/api/v1/queue/{office}", [&web](Request& request) {
    OfficeView v = office_of(web, request.param("office"));
    return Response::json(200, web.live.current(v.office->code)->public_json());
  });

  router.get("/stats/queue", [&web](Request& request) {
    auto range = figures_range(request.query_param("from"), request.query_param("to"), now());
    auto figures = combined_figures(web.service, web.bookings, range);
    booking::OfficeDirectory d = web.service.directory();
    std::string l = web.lang(request);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& f : figures) {
      const auto* office = d.find_office(f.office);
      const auto* line = office ? office->find_line(f.line) : nullptr;
      nlohmann::json row = figures_json(f);
      row["office_name"] = office ? booking::localized(office->name, l) : f.office;
      row["line_name"] = line ? booking::localized(line->name, l) : f.line;
      rows.push_back(std::move(row));
    }
    return web.page(request, "stats", web.text(request, "stats.title"),
                    {{"rows", rows}, {"has_rows", !rows.empty()}, {"from", range.from}, {"to", range.to},
                     {"json_href", "/api/v1/stats/queue?from=" + range.from + "&to=" + range.to}});
  });

  router.get("/api/v1/stats/queue", [&web](Request& request) {
    auto range = figures_range(request.query_param("from"), request.query_param("to"), now());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& f : combined_figures(web.service, web.bookings, range)) rows.push_back(figures_json(f));
    return Response::json(200, {{"from", range.from}, {"to", range.to}, {"figures", rows}});
  });
}

}  // namespace madoguchi::queue
