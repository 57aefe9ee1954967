// The citizen's list (/onestop/b/{bundle}): its printable copy (both with the visit's pre-entry
// QR code for the counter once issued), submitting every ready online procedure together, and
// saving with a resume code that opens the list, with all its drafts, in another browser.
#include "applications/draft_rules.h"
#include "applications/status_grant.h"
#include "lifeevents/web/list_model.h"
#include "lifeevents/web/pages.h"
#include "lifeevents/web/visit_code.h"

namespace madoguchi::lifeevents {

namespace {

std::string resume_flash_cookie(std::string_view public_id) { return "mdg_bresume_" + std::string(public_id); }

// Where the citizen must go before the list can be shown: an open questionnaire page, or the
// page of an event date that needs confirming or correcting.
std::optional<std::string> detour(const OpenBundle& open, const BundleState& state) {
  const std::string list = BundleService::list_path(open.bundle);
  if (!state.questionnaire_done && state.open_section) return list + "/q/" + *state.open_section;
  if (state.date_check && !state.date_confirmed) {
    const auto* section = open.event->form.form.section_of(open.event->event_field);
    if (section) return list + "/q/" + section->id;
  }
  return std::nullopt;
}

Response list_page(const LifeEventsWeb& web, Request& request, bool print) {
  auto opened = open_bundle(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<OpenBundle>(opened);
  const auto citizen = applications::citizen_id(request);
  auto state = web.service.state(open.bundle, citizen);
  if (auto elsewhere = detour(open, state)) return Response::redirect(*elsewhere);
  std::vector<applications::OpenedDraft> created;
  if (!print) {
    created = web.service.sync(open.bundle, citizen);
    if (auto again = web.bundles.find(open.bundle.public_id)) open.bundle = std::move(*again);
    state = web.service.state(open.bundle, citizen);
  }
  nlohmann::json model = list_model(web, request, open, state);
  model["visit"] = visit_code_model(web, request, open, state, print);
  const auto submitted = request.query_param("submitted");
  const auto refused = request.query_param("refused");
  nlohmann::json notices = nlohmann::json::array();
  if (submitted && *submitted != "0") {
    notices.push_back({{"kind", "success"}, {"text", text(web, request, "list.submitted_notice")}});
  }
  if (refused && *refused != "0") {
    notices.push_back({{"kind", "error"}, {"text", text(web, request, "list.refused_notice")}});
  }
  if (request.query_param("code") == std::optional<std::string>("none")) {
    notices.push_back({{"kind", "error"}, {"text", text(web, request, "visit.none_ready_notice")}});
  }
  model["notices"] = notices;
  model["body_class"] = print ? "page-print" : "";
  if (print) model["scripts"] = nlohmann::json::array({"/static/js/print.js"});
  std::string title = text(web, request, print ? "print.title" : "list.title") + " - " + model["event_name"].get<std::string>();
  auto response = applications::render(web.apps, request, print ? "onestop/print" : "onestop/list", title, std::move(model));
  for (const auto& draft : created) response.headers.add("Set-Cookie", draft_cookie(web, draft.draft, draft.token));
  return response;
}

Response submit(const LifeEventsWeb& web, Request& request) {
  auto opened = open_bundle(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<OpenBundle>(opened);
  const auto citizen = applications::citizen_id(request);
  auto created = web.service.sync(open.bundle, citizen);
  if (auto again = web.bundles.find(open.bundle.public_id)) open.bundle = std::move(*again);
  auto report = web.service.submit_ready(open.bundle, citizen, applications::language_of(request));
  auto response = Response::redirect(BundleService::list_path(open.bundle) + "?submitted=" +
                                     std::to_string(report.submitted.size()) +
                                     "&refused=" + std::to_string(report.refused.size()));
  for (const auto& draft : created) response.headers.add("Set-Cookie", draft_cookie(web, draft.draft, draft.token));
  if (!report.references.empty()) {
    std::string grant(request.cookie(applications::kStatusGrantCookie).value_or(""));
    for (const auto& reference : report.references) grant = web.apps.grants.add(grant, reference, web.bundles.now());
    response.headers.add("Set-Cookie", applications::cookie(web.apps, applications::kStatusGrantCookie, grant, "/status",
                                                            static_cast<long>(std::chrono::seconds(applications::kStatusGrantLifetime).count())));
  }
  return response;
}

Response save(const LifeEventsWeb& web, Request& request) {
  auto opened = open_bundle(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  return show_resume_code(web, std::get<OpenBundle>(opened).bundle);
}

Response saved(const LifeEventsWeb& web, Request& request) {
  auto opened = open_bundle(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<OpenBundle>(opened);
  const auto language = applications::language_of(request);
  auto code = request.cookie(resume_flash_cookie(open.bundle.public_id));
  bool shown = code && web.bundles.resume_code_matches(open.bundle.id, *code);
  return applications::render(web.apps, request, "onestop/saved", text(web, request, "saved.title"),
                              {{"event_name", applications::pick(open.event->name, language)},
                               {"code", shown ? *code : std::string()},
                               {"has_code", shown},
                               {"expires", applications::format_instant(open.bundle.expires_at, language)},
                               {"list_href", BundleService::list_path(open.bundle)},
                               {"save_action", BundleService::list_path(open.bundle) + "/save"}});
}

}  // namespace

Response show_resume_code(const LifeEventsWeb& web, const Bundle& bundle) {
  std::string code = web.bundles.issue_resume_code(bundle.id);
  auto response = Response::redirect(BundleService::list_path(bundle) + "/saved");
  response.headers.add("Set-Cookie", applications::cookie(web.apps, resume_flash_cookie(bundle.public_id), code,
                                                          BundleService::list_path(bundle), 15 * 60));
  return response;
}

std::optional<Response> resume_bundle(const LifeEventsWeb& web, const std::string& code, const Request& request) {
  auto bundle = web.bundles.find_by_resume_code(code);
  if (!bundle) return std::nullopt;
  if (applications::draft_expired(bundle->expires_at, web.bundles.now())) return explain(web, request, "bundle.expired", 410);
  auto response = Response::redirect(BundleService::list_path(*bundle));
  response.headers.add("Set-Cookie", bundle_cookie(web, *bundle, web.bundles.move_to_new_browser(bundle->id)));
  for (const auto& link : bundle->drafts) {
    auto draft = web.apps.drafts.find(link.draft_public_id);
    if (!draft || draft->application_id) continue;
    response.headers.add("Set-Cookie", draft_cookie(web, *draft, web.apps.drafts.move_to_new_browser(draft->id)));
  }
  if (auto citizen = applications::citizen_id(request)) {
    web.bundles.save(bundle->id, bundle->answers, bundle->completed_sections, bundle->confirmed_event_date,
                     bundle->event_version, citizen);
  }
  return response;
}

void register_list_pages(platform::http::Router& router, const LifeEventsWeb& web) {
  router.get("/onestop/b/{bundle}", [&web](Request& r) { return list_page(web, r, false); });
  router.get("/onestop/b/{bundle}/print", [&web](Request& r) { return list_page(web, r, true); });
  router.post("/onestop/b/{bundle}/submit", [&web](Request& r) { return submit(web, r); });
  router.post("/onestop/b/{bundle}/save", [&web](Request& r) { return save(web, r); });
  router.get("/onestop/b/{bundle}/saved", [&web](Request& r) { return saved(web, r); });
}

}  // namespace madoguchi::lifeevents
