// The list of life events (/onestop), each one's introduction with its plain-language guide and
// what its list may hold, and starting a bundle.
#include "applications/display_text.h"
#include "lifeevents/life_events.h"
#include "lifeevents/web/pages.h"
#include "platform/http/http_error.h"

namespace madoguchi::lifeevents {

namespace {

using applications::pick;

Response index(const LifeEventsWeb& web, Request& request) {
  Language language = applications::language_of(request);
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : web.events.all()) {
    events.push_back({{"href", "/onestop/" + e.id}, {"name", pick(e.name, language)}, {"summary", pick(e.summary, language)}});
  }
  return applications::render(web.apps, request, "onestop/index", text(web, request, "index.title"),
                              {{"events", events}});
}

Response intro(const LifeEventsWeb& web, Request& request) {
  const auto* event = web.events.find(request.param("event"));
  if (!event) throw platform::http::not_found();
  Language language = applications::language_of(request);
  nlohmann::json guide = nlohmann::json::array();
  for (const auto& g : event->guide) guide.push_back({{"title", pick(g.title, language)}, {"text", pick(g.text, language)}});
  nlohmann::json possible = nlohmann::json::array();
  for (const auto& item : event->items) {
    const auto* p = item.outside() ? nullptr : web.apps.catalogue.find(item.procedure);
    possible.push_back(p ? pick(p->name, language) : pick(item.name, language));
  }
  return applications::render(web.apps, request, "onestop/intro", pick(event->name, language),
                              {{"name", pick(event->name, language)},
                               {"summary", pick(event->summary, language)},
                               {"guide", guide},
                               {"has_guide", !guide.empty()},
                               {"possible", possible},
                               {"start_action", "/onestop/" + event->id + "/start"}});
}

Response start(const LifeEventsWeb& web, Request& request) {
  const auto* event = web.events.find(request.param("event"));
  if (!event) throw platform::http::not_found();
  auto opened = web.bundles.create(event->id, event->version, applications::citizen_id(request));
  auto response = Response::redirect(BundleService::list_path(opened.bundle) + "/q/" + event->form.form.sections.front().id);
  response.headers.add("Set-Cookie", bundle_cookie(web, opened.bundle, opened.token));
  return response;
}

}  // namespace

void register_event_pages(platform::http::Router& router, const LifeEventsWeb& web) {
  router.get("/onestop", [&web](Request& r) { return index(web, r); });
  router.get("/onestop/{event}", [&web](Request& r) { return intro(web, r); });
  router.post("/onestop/{event}/start", [&web](Request& r) { return start(web, r); });
}

}  // namespace madoguchi::lifeevents
