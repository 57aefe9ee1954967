// The signed-in citizen's page: their applications with where each stands,
// and their unfinished drafts, which they may continue in this browser.
#include "applications/draft_rules.h"
#include "applications/status.h"
#include "applications/web/draft_access.h"
#include "applications/web/web_pages.h"
#include "platform/http/http_error.h"

namespace madoguchi::applications {

using platform::http::Request;
using platform::http::Response;

namespace {

Response account(const WebDependencies& deps, Request& request) {
  int64_t me = *citizen_id(request);
  Language language = language_of(request);
  nlohmann::json applications = nlohmann::json::array();
  for (const auto& a : deps.store.list_for_account(me)) {
    const auto* p = deps.catalogue.find(a.procedure_id);
    const auto& w = words(a.status);
    applications.push_back({{"reference", a.reference},
                            {"procedure_name", p ? pick(p->name, language) : a.procedure_id},
                            {"status", language == Language::en ? w.en : (language == Language::easy ? w.easy : w.ja)},
                            {"status_code", std::string(to_string(a.status))},
                            {"submitted_at", format_instant(a.submitted_at, language)},
                            {"href", "/status/" + a.reference}});
  }
  nlohmann::json drafts = nlohmann::json::array();
  for (const auto& d : deps.drafts.list_for_account(me)) {
    const auto* p = deps.catalogue.find(d.procedure_id);
    if (!p) continue;
    drafts.push_back({{"procedure_name", pick(p->name, language)},
                      {"updated_at", format_instant(d.updated_at, language)},
                      {"expires", format_instant(d.expires_at, language)},
                      {"action", "/account/drafts/" + d.public_id + "/continue"}});
  }
  return render(deps, request, "citizen/account", text(deps, request, "account.title"),
                {{"applications", applications},
                 {"has_applications", !applications.empty()},
                 {"drafts", drafts},
                 {"has_drafts", !drafts.empty()}});
}

Response continue_draft(const WebDependencies& deps, Request& request) {
  int64_t me = *citizen_id(request);
  std::string public_id = request.param("draft");
  auto draft = is_draft_public_id(public_id) ? deps.drafts.find(public_id) : std::nullopt;
  if (!draft || draft->citizen_account_id != me) throw platform::http::not_found();
  if (draft->application_id) return Response::redirect("/account");
  if (draft_expired(draft->expires_at, deps.drafts.now())) return explain(deps, request, "draft.expired", 410);
  std::string token = deps.drafts.move_to_new_browser(draft->id);
  auto response = Response::redirect(draft_url(*draft));
  response.headers.add("Set-Cookie", draft_cookie(deps, draft->public_id, token));
  return response;
}

}  // namespace

void register_account_page(platform::http::Router& router, const WebDependencies& deps) {
  router.get("/account", deps.access.require_citizen([&deps](Request& r) { return account(deps, r); }));
  router.post("/account/drafts/{draft}/continue",
              deps.access.require_citizen([&deps](Request& r) { return continue_draft(deps, r); }));
}

}  // namespace madoguchi::applications
