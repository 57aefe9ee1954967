#include "lifeevents/web/web_support.h"

#include "applications/draft_rules.h"
#include "forms/messages.h"
#include "forms/spec_json.h"
#include "lifeevents/life_events.h"

namespace madoguchi::lifeevents {

std::string text(const LifeEventsWeb& web, const Request& request, std::string_view key) {
  return web.apps.pages.messages().text(applications::language_of(request), "lifeevents." + std::string(key));
}

Response explain(const LifeEventsWeb& web, const Request& request, std::string_view key, int status) {
  std::string base(key);
  nlohmann::json context = {{"heading", text(web, request, base + ".title")},
                            {"message", text(web, request, base + ".message")},
                            {"links", nlohmann::json::array({{{"href", "/onestop"}, {"label", text(web, request, "index.title")}},
                                                             {{"href", "/resume"}, {"label", text(web, request, "resume_link")}}})}};
  std::string title = context["heading"];
  return applications::render(web.apps, request, "citizen/explain", title, std::move(context), status);
}

std::string bundle_cookie_name(std::string_view public_id) { return "mdg_bundle_" + std::string(public_id); }

std::variant<OpenBundle, Response> open_bundle(const LifeEventsWeb& web, const Request& request) {
  std::string public_id = request.param("bundle");
  if (!applications::is_draft_public_id(public_id)) return explain(web, request, "bundle.not_found", 404);
  auto bundle = web.bundles.find(public_id);
  if (!bundle) return explain(web, request, "bundle.not_found", 404);
  auto token = request.cookie(bundle_cookie_name(public_id));
  if (!token || !web.bundles.token_matches(bundle->id, *token)) return explain(web, request, "bundle.not_here", 403);
  if (applications::draft_expired(bundle->expires_at, web.bundles.now())) {
    return explain(web, request, "bundle.expired", 410);
  }
  const auto* event = web.events.find(bundle->event_id);
  if (!event) return explain(web, request, "bundle.event_gone", 410);
  return OpenBundle{std::move(*bundle), event};
}

std::string bundle_cookie(const LifeEventsWeb& web, const Bundle& bundle, const std::string& token) {
  return applications::cookie(web.apps, bundle_cookie_name(bundle.public_id), token, BundleService::list_path(bundle),
                              static_cast<long>(web.bundles.lifetime().count()));
}

std::string draft_cookie(const LifeEventsWeb& web, const applications::Draft& draft, const std::string& token) {
  return applications::cookie(web.apps, applications::draft_cookie_name(draft.public_id), token,
                              applications::draft_path(draft.public_id),
                              static_cast<long>(web.apps.drafts.lifetime().count()));
}

std::string hints_json(const LifeEventsWeb& web, const Request& request, const forms::FormSpec& spec) {
  Language language = applications::language_of(request);
  nlohmann::json ui = nlohmann::json::object();
  for (const char* key : {"checking_postal", "postal_found", "postal_not_found"}) {
    ui[key] = web.apps.pages.messages().text(language, std::string("applications.form.") + key);
  }
  nlohmann::json hints = {{"lang", std::string(platform::web::code(language))},
                          {"spec", forms::spec_to_json(spec)},
                          {"messages", forms::message_templates_json()},
                          {"ui", ui}};
  std::string out;
  for (char c : hints.dump()) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace madoguchi::lifeevents
