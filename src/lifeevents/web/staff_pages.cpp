// The staff view of one visit across departments (/staff/onestop/{reference}): the answers the
// family gave once, and every procedure of its list grouped by department with the state of its
// draft or application and a link to the case (where the case page checks the viewer's scope).
// Every view is recorded in the audit log; the reference is looked up by the visit's number.
#include <algorithm>

#include "applications/answer_summary.h"
#include "applications/display_text.h"
#include "applications/reference.h"
#include "identity/access_control.h"
#include "identity/principal.h"
#include "lifeevents/web/list_model.h"
#include "lifeevents/web/pages.h"

namespace madoguchi::lifeevents {

namespace {

using applications::pick;
using nlohmann::json;

const identity::RoleSet kViewers{identity::Role::counter_clerk, identity::Role::processor, identity::Role::approver,
                                 identity::Role::department_admin};

Response find_page(const LifeEventsWeb& web, Request& request, const std::string& typed, const std::string& error,
                   int status) {
  return applications::render(web.apps, request, "onestop/staff_find", text(web, request, "staff.find_title"),
                              {{"reference", typed}, {"error", error}, {"has_error", !error.empty()},
                               {"body_class", "staff-wide"}},
                              status);
}

Response find(const LifeEventsWeb& web, Request& request) {
  auto typed = request.query_param("reference");
  if (!typed) return find_page(web, request, "", "", 200);
  json shown = typed->substr(0, 40);
  applications::drop_invalid_text(shown);
  auto reference = applications::parse_reference(*typed);
  if (!reference) return find_page(web, request, shown, text(web, request, "staff.malformed"), 422);
  if (!web.bundles.find_by_reference(*reference)) {
    return find_page(web, request, shown, text(web, request, "staff.not_found"), 404);
  }
  return Response::redirect("/staff/onestop/" + *reference);
}

json shared_answers(const LifeEvent& event, const BundleState& state, Language language) {
  applications::FormState form_state(event.form.form, state.effective, std::nullopt);
  json sections = json::array();
  for (const auto& s : applications::summarize(form_state, state.answers, {}, language)) {
    if (event.in_questionnaire(s.id)) continue;
    json rows = json::array();
    for (const auto& block : s.blocks) {
      for (const auto& row : block.rows) {
        rows.push_back({{"label", block.title.empty() ? row.label : block.title + " " + row.label},
                        {"value", row.value},
                        {"answered", !row.value.empty()}});
      }
    }
    sections.push_back({{"title", s.title}, {"rows", rows}});
  }
  return sections;
}

Response visit(const LifeEventsWeb& web, Request& request) {
  auto reference = applications::parse_reference(request.param("reference"));
  auto bundle = reference ? web.bundles.find_by_reference(*reference) : std::nullopt;
  if (!bundle) return find_page(web, request, request.param("reference").substr(0, 40), text(web, request, "staff.not_found"), 404);
  const auto* event = web.events.find(bundle->event_id);
  if (!event) return explain(web, request, "bundle.event_gone", 410);
  const Language language = applications::language_of(request);
  const auto* staff = identity::current_staff(request);
  auto state = web.service.state(*bundle, bundle->citizen_account_id);
  OpenBundle open{*bundle, event};
  json model = list_model(web, request, open, state);

  // The procedures by department, marking those the viewer works for.
  json departments = json::array();
  for (const auto& group : {"online", "counter"}) {
    for (const auto& entry : model[group]) {
      const std::string code = entry["department_code"];
      auto it = std::find_if(departments.begin(), departments.end(), [&](const json& d) { return d["code"] == code; });
      if (it == departments.end()) {
        bool mine = staff && staff->scope.departments.contains(code);
        departments.push_back({{"code", code}, {"name", entry["department"]}, {"items", json::array()}, {"mine", mine}});
        it = departments.end() - 1;
      }
      json item = entry;
      item["at_counter"] = std::string(group) == "counter";
      if (!entry["reference"].get<std::string>().empty()) item["case_href"] = "/staff/cases/" + entry["reference"].get<std::string>();
      (*it)["items"].push_back(item);
    }
  }
  web.audit.record(identity::audit_entry_for(request, "life_event_visit_viewed", "life_event_bundle", bundle->reference,
                                             {{"event", event->id}}));
  model["departments"] = departments;
  model["shared"] = shared_answers(*event, state, language);
  model["updated_at"] = applications::format_instant(bundle->updated_at, language);
  model["body_class"] = "staff-wide";
  return applications::render(web.apps, request, "onestop/staff_visit",
                              bundle->reference + " " + text(web, request, "staff.visit_title"), std::move(model));
}

}  // namespace

void register_staff_pages(platform::http::Router& router, const LifeEventsWeb& web) {
  router.get("/staff/onestop", web.apps.access.require_staff([&web](Request& r) { return find(web, r); }, kViewers));
  router.get("/staff/onestop/{reference}",
             web.apps.access.require_staff([&web](Request& r) { return visit(web, r); }, kViewers));
}

}  // namespace madoguchi::lifeevents
