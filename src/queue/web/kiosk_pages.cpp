#include "queue/web/kiosk_pages.h"

#include "identity/qr_svg.h"
#include "platform/web/cookies.h"

namespace madoguchi::queue {

using platform::http::Request;
using platform::http::Response;
using platform::http::Router;

namespace {

Instant now() { return platform::Clock::now(); }

std::optional<Kiosk> kiosk_of(const QueueWeb& web, const Request& request, const std::string& office) {
  auto secret = request.cookie(kKioskCookie);
  if (!secret) return std::nullopt;
  auto k = web.kiosks.by_secret(*secret);
  if (!k || k->office != office) return std::nullopt;
  return k;
}

QueueError not_a_kiosk() {
  return QueueError("not_a_kiosk", 403, "この端末は受付機として設定されていません。職員にお声がけください。",
                    "This device is not set up as a ticket machine. Please ask a member of staff.");
}

}  // namespace

void register_kiosk_pages(Router& router, const QueueWeb& web) {
  router.get("/queue/kiosk/activate/{token}", [&web](Request& request) {
    std::string secret = request.param("token");
    auto k = web.kiosks.by_secret(secret);
    if (!k) throw platform::http::not_found();
    Response r = Response::redirect("/queue/kiosk/" + k->office);
    platform::web::CookieOptions options;
    options.max_age_seconds = 400L * 24 * 3600;
    options.same_site = "Strict";
    options.secure = web.secure_cookies;
    r.headers.add("Set-Cookie", platform::web::set_cookie(kKioskCookie, secret, options));
    return r;
  });

  router.get("/queue/kiosk/{office}", [&web](Request& request) {
    booking::OfficeDirectory d = web.service.directory();
    const booking::Office* office = d.find_office(request.param("office"));
    if (!office || office->kind == booking::OfficeKind::facility) throw platform::http::not_found();
    auto kiosk = kiosk_of(web, request, office->code);
    auto board = web.live.current(office->code);
    std::string l = web.lang(request);
    nlohmann::json lines = web.lines_json(request, *office, *board);
    std::string base = "/queue/kiosk/" + office->code;
    return web.page(request, "kiosk", web.text(request, "kiosk.title"),
                    {{"office", booking::localized(office->name, l)},
                     {"is_kiosk", kiosk.has_value()},
                     {"open", board->open},
                     {"lines", lines},
                     {"ticket_action", base + "/ticket"},
                     {"check_in_action", base + "/check-in"},
                     {"body_class", "queue-kiosk"},
                     {"scripts", nlohmann::json::array({"/static/js/queue-kiosk.js"})}});
  });

  auto issued_page = [&web](const Request& request, const booking::Office& office, const Issued& issued) {
    std::string l = web.lang(request);
    const booking::Line* line = office.find_line(issued.ticket.line);
    auto board = web.live.current(office.code);
    auto place = board->place_of(issued.ticket.id);
    std::string url = "/queue/t/" + issued.token;
    return web.page(request, "kiosk_ticket", web.text(request, "kiosk.ticket_title") + " " + issued.ticket.label,
                    {{"label", issued.ticket.label},
                     {"line", line ? booking::localized(line->name, l) : issued.ticket.line},
                     {"ahead", place.ahead},
                     {"wait", web.wait_text(request, place.estimate)},
                     {"booked", issued.ticket.source == Source::booking},
                     {"phone_href", url},
                     {"qr", identity::qr_svg(web.public_url + url,
                                             web.text(request, "kiosk.qr_title"))},
                     {"back_href", "/queue/kiosk/" + office.code},
                     {"body_class", "queue-kiosk"},
                     {"scripts", nlohmann::json::array({"/static/js/queue-kiosk.js"})}});
  };

  router.post("/queue/kiosk/{office}/ticket", [&web, issued_page](Request& request) {
    booking::OfficeDirectory d = web.service.directory();
    const booking::Office* office = d.find_office(request.param("office"));
    if (!office) throw platform::http::not_found();
    std::string back = "/queue/kiosk/" + office->code;
    auto kiosk = kiosk_of(web, request, office->code);
    if (!kiosk) return web.refused(request, not_a_kiosk(), back);
    IssueRequest r;
    r.office = office->code;
    r.line = posted(posted_form(request), "line");
    r.source = Source::kiosk;
    r.kiosk_id = kiosk->id;
    try {
      return issued_page(request, *office, web.service.issue(r, now()));
    } catch (const QueueError& e) {
      return web.refused(request, e, back);
    }
  });

  router.post("/queue/kiosk/{office}/check-in", [&web, issued_page](Request& request) {
    booking::OfficeDirectory d = web.service.directory();
    const booking::Office* office = d.find_office(request.param("office"));
    if (!office) throw platform::http::not_found();
    std::string back = "/queue/kiosk/" + office->code;
    if (!kiosk_of(web, request, office->code)) return web.refused(request, not_a_kiosk(), back);
    try {
      return issued_page(request, *office, web.service.check_in(office->code, posted(posted_form(request), "reference"), now()));
    } catch (const QueueError& e) {
      return web.refused(request, e, back);
    }
  });
}

}  // namespace madoguchi::queue
