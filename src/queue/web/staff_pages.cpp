#include "queue/web/staff_pages.h"

#include "identity/principal.h"
#include "queue/kiosk_store.h"

namespace madoguchi::queue {

using identity::Role;
using platform::http::Request;
using platform::http::Response;
using platform::http::Router;

namespace {

Instant now() { return platform::Clock::now(); }

struct Access {
  booking::OfficeDirectory directory;
  const booking::Office* office = nullptr;
};

Access office_for(const QueueWeb& web, const Request& request) {
  Access a;
  a.directory = web.service.directory();
  a.office = a.directory.find_office(request.param("office"));
  if (!a.office || a.office->kind == booking::OfficeKind::facility) throw platform::http::not_found();
  const auto* user = identity::current_staff(request);
  if (!user || !user->scope.wards.contains(a.office->ward)) web.access.deny(request, "office", a.office->code, "scope");
  return a;
}

// A counter name as typed: 1 to 8 letters or digits.
std::string clean_counter(const std::string& text) {
  std::string out;
  for (char c : text) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) out += c;
  }
  return out.substr(0, 8);
}

std::string console_href(const booking::Office& office, const std::string& counter) {
  return "/staff/queue/" + office.code + (counter.empty() ? "" : "?counter=" + counter);
}

}  // namespace

void register_staff_pages(Router& router, const QueueWeb& web) {
  const identity::RoleSet clerks{Role::counter_clerk, Role::department_admin};

  router.get("/staff/queue/{office}", web.access.require_staff([&web](Request& request) {
    Access a = office_for(web, request);
    std::string counter = clean_counter(request.query_param("counter").value_or(""));
    Board board = web.service.board(a.office->code, now());
    std::string l = web.lang(request);
    nlohmann::json line_choices = nlohmann::json::array();
    for (const auto& line : a.office->lines) {
      if (line.queue) line_choices.push_back({{"code", line.code}, {"name", booking::localized(line.name, l)}});
    }
    nlohmann::json reasons = nlohmann::json::array();
    for (auto r : kPriorityReasons) reasons.push_back({{"code", r}, {"label", web.text(request, "priority." + std::string(r))}});
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& bl : board.lines) {
      const booking::Line* line = a.office->find_line(bl.code);
      nlohmann::json waiting = nlohmann::json::array();
      for (size_t i = 0; i < bl.waiting.size(); ++i) {
        const Ticket& t = bl.waiting[i];
        waiting.push_back({{"id", t.id},
                           {"label", t.label},
                           {"source", web.text(request, "source." + std::string(to_string(t.source)))},
                           {"booked_at", t.booked_at ? booking::clock_text(booking::tokyo_minutes(platform::parse_iso_timestamp(*t.booked_at))) : ""},
                           {"priority", t.priority_reason ? web.text(request, "priority." + *t.priority_reason) : ""},
                           {"wait", web.wait_text(request, bl.estimates[i])}});
      }
      lines.push_back({{"code", bl.code},
                       {"name", line ? booking::localized(line->name, l) : bl.code},
                       {"waiting", waiting},
                       {"count", bl.waiting.size()},
                       {"counters", bl.counters},
                       {"wait", web.wait_text(request, bl.next_wait)}});
    }
    nlohmann::json called = nlohmann::json::array();
    for (const auto& t : board.calls) {
      if (t.status != TicketStatus::called) continue;
      called.push_back({{"id", t.id},
                        {"label", t.label},
                        {"counter", t.counter.value_or("")},
                        {"calls", t.call_count},
                        {"mine", !counter.empty() && t.counter == counter}});
    }
    nlohmann::json kiosks = nlohmann::json::array();
    for (const auto& k : web.kiosks.for_office(a.office->code)) {
      if (!k.revoked) kiosks.push_back({{"id", k.id}, {"name", k.name}, {"created_at", k.created_at.substr(0, 10)}});
    }
    std::string base = "/staff/queue/" + a.office->code;
    return web.page(request, "console", web.text(request, "console.title"),
                    {{"office", booking::localized(a.office->name, l)},
                     {"base", base},
                     {"counter", counter},
                     {"has_counter", !counter.empty()},
                     {"open", board.open},
                     {"lines", lines},
                     {"line_choices", line_choices},
                     {"reasons", reasons},
                     {"called", called},
                     {"has_called", !called.empty()},
                     {"kiosks", kiosks},
                     {"display_href", "/queue/display/" + a.office->code},
                     {"no_show_after", a.office->queue.no_show_after_calls}});
  }, clerks));

  // Each action: POST base/ACTION with counter (and ticket_id, line, reason as needed).
  auto act = [&web](const std::string& action) {
    return [&web, action](Request& request) {
      Access a = office_for(web, request);
      auto fields = posted_form(request);
      std::string counter = clean_counter(posted(fields, "counter"));
      std::string back = console_href(*a.office, counter);
      auto id = posted_id(fields, "ticket_id");
      Instant t = now();
      try {
        std::optional<Ticket> changed;
        if (action == "call-next") {
          if (counter.empty()) throw QueueError("no_counter", 400, "窓口番号を入力してください。", "Enter your counter number.");
          changed = web.service.call_next(a.office->code, posted(fields, "line"), counter, t);
          if (!changed) return Response::redirect(back);
        } else if (action == "issue" || action == "check-in") {
          Issued issued;
          if (action == "issue") {
            IssueRequest r{a.office->code, posted(fields, "line"), Source::clerk, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
            std::string reason = posted(fields, "reason");
            if (!reason.empty()) r.priority_reason = reason;
            issued = web.service.issue(r, t);
          } else {
            issued = web.service.check_in(a.office->code, posted(fields, "reference"), t);
          }
          changed = issued.ticket;
        } else {
          if (!id) throw QueueError("no_ticket", 400, "番号札を選んでください。", "Choose a ticket.");
          if (action == "call") {
            if (counter.empty()) throw QueueError("no_counter", 400, "窓口番号を入力してください。", "Enter your counter number.");
            changed = web.service.call(a.office->code, *id, counter, t);
          } else if (action == "recall") {
            changed = web.service.recall(a.office->code, *id, t);
          } else if (action == "done") {
            changed = web.service.finish(a.office->code, *id, TicketStatus::done, t);
          } else if (action == "no-show") {
            changed = web.service.finish(a.office->code, *id, TicketStatus::no_show, t);
          } else if (action == "transfer") {
            changed = web.service.transfer(a.office->code, *id, posted(fields, "line"), t);
          } else if (action == "priority") {
            std::string reason = posted(fields, "reason");
            changed = web.service.set_priority(a.office->code, *id,
                                               reason.empty() ? std::nullopt : std::optional<std::string>(reason), t);
          }
        }
        if (changed) {
          web.audit.record(identity::audit_entry_for(request, "queue_" + action, "ticket", changed->label,
                                                     {{"office", a.office->code},
                                                      {"day", changed->day},
                                                      {"counter", counter},
                                                      {"line", changed->line},
                                                      {"status", to_string(changed->status)},
                                                      {"priority", changed->priority_reason.value_or("")}}));
        }
      } catch (const QueueError& e) {
        return web.refused(request, e, back);
      }
      return Response::redirect(back);
    };
  };
  for (const char* action : {"call-next", "call", "recall", "done", "no-show", "transfer", "priority", "issue", "check-in"}) {
    router.post(std::string("/staff/queue/{office}/") + action, web.access.require_staff(act(action), clerks));
  }

  router.post("/staff/queue/{office}/kiosks", web.access.require_staff([&web](Request& request) {
    Access a = office_for(web, request);
    std::string name = posted(posted_form(request), "name").substr(0, 60);
    if (name.empty()) name = "kiosk";
    const auto* user = identity::current_staff(request);
    auto [kiosk, secret] = web.kiosks.create(a.office->code, name, user->login, platform::iso_timestamp(now()));
    web.audit.record(identity::audit_entry_for(request, "queue_kiosk_created", "kiosk", std::to_string(kiosk.id),
                                               {{"office", a.office->code}}));
    return web.page(request, "kiosk_created", web.text(request, "console.kiosk_created_title"),
                    {{"name", kiosk.name},
                     {"link", web.public_url + "/queue/kiosk/activate/" + secret},
                     {"back_href", "/staff/queue/" + a.office->code}});
  }, clerks));

  router.post("/staff/queue/{office}/kiosks/revoke", web.access.require_staff([&web](Request& request) {
    Access a = office_for(web, request);
    auto id = posted_id(posted_form(request), "kiosk_id");
    if (id && web.kiosks.revoke(a.office->code, *id)) {
      web.audit.record(identity::audit_entry_for(request, "queue_kiosk_revoked", "kiosk", std::to_string(*id),
                                                 {{"office", a.office->code}}));
    }
    return Response::redirect("/staff/queue/" + a.office->code);
  }, clerks));
}

}  // namespace madoguchi::queue
