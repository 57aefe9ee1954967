#include "applications/web/draft_access.h"

#include <algorithm>

#include "applications/draft_rules.h"
#include "applications/form_state.h"
#include "platform/time.h"

namespace madoguchi::applications {

using platform::http::Request;
using platform::http::Response;

std::string draft_url(const Draft& draft, std::string_view suffix) {
  return draft_path(draft.public_id) + std::string(suffix);
}

std::variant<OpenDraft, Response> open_draft(const WebDependencies& deps, const Request& request,
                                             bool allow_submitted) {
  std::string public_id = request.param("draft");
  nlohmann::json resume_link = nlohmann::json::array(
      {{{"href", "/resume"}, {"label", text(deps, request, "draft.resume_link")}},
       {{"href", "/"}, {"label", text(deps, request, "common_links.home")}}});
  if (!is_draft_public_id(public_id)) return explain(deps, request, "draft.not_found", 404, {{"links", resume_link}});
  auto draft = deps.drafts.find(public_id);
  if (!draft) return explain(deps, request, "draft.not_found", 404, {{"links", resume_link}});
  auto token = request.cookie(draft_cookie_name(public_id));
  if (!token || !deps.drafts.token_matches(draft->id, *token)) {
    return explain(deps, request, "draft.not_here", 403, {{"links", resume_link}});
  }
  const auto* procedure = deps.catalogue.find(draft->procedure_id);
  nlohmann::json home = nlohmann::json::array({{{"href", "/"}, {"label", text(deps, request, "common_links.home")}}});
  if (!procedure) return explain(deps, request, "draft.procedure_gone", 410, {{"links", home}});
  if (draft->application_id) {
    if (!allow_submitted) return Response::redirect(draft_url(*draft, "/receipt"));
    return OpenDraft{std::move(*draft), procedure};
  }
  if (draft_expired(draft->expires_at, deps.drafts.now())) {
    nlohmann::json again = nlohmann::json::array(
        {{{"href", "/procedures/" + procedure->id},
          {"label", text(deps, request, "draft.start_again") + pick(procedure->name, language_of(request))}}});
    return explain(deps, request, "draft.expired", 410, {{"links", again}});
  }
  return OpenDraft{std::move(*draft), procedure};
}

std::string draft_cookie(const WebDependencies& deps, const std::string& public_id, const std::string& token) {
  return cookie(deps, draft_cookie_name(public_id), token, draft_path(public_id),
                static_cast<long>(deps.drafts.lifetime().count()));
}

std::string resume_flash_cookie(std::string_view public_id) { return "mdg_resume_" + std::string(public_id); }

Response show_resume_code(const WebDependencies& deps, const Draft& draft) {
  std::string code = deps.drafts.issue_resume_code(draft.id);
  auto response = Response::redirect(draft_url(draft, "/saved"));
  response.headers.add("Set-Cookie", cookie(deps, resume_flash_cookie(draft.public_id), code,
                                            draft_path(draft.public_id), 15 * 60));
  return response;
}

nlohmann::json current_answers(const procedures::Procedure& procedure, const nlohmann::json& answers,
                               nlohmann::json* dropped) {
  nlohmann::json kept = nlohmann::json::object();
  if (!answers.is_object()) return kept;
  for (const auto& [key, value] : answers.items()) {
    if (procedure.form.section_of(key)) {
      kept[key] = value;
    } else if (dropped) {
      (*dropped)[key] = value;
    }
  }
  return kept;
}

std::string continue_location(const WebDependencies& deps, const OpenDraft& open) {
  const auto& procedure = *open.procedure;
  nlohmann::json answers = current_answers(procedure, open.draft.answers);
  auto whole = deps.submissions.check(procedure, answers);
  FormState state(procedure.form, whole.answers, platform::today_in_tokyo());
  const auto& done = open.draft.completed_sections;
  for (const auto* section : state.visible_sections()) {
    bool completed = std::find(done.begin(), done.end(), section->id) != done.end();
    if (!completed || !deps.submissions.check(procedure, answers, section->id).ok()) {
      return draft_url(open.draft, "/step/" + section->id);
    }
  }
  return draft_url(open.draft, "/check");
}

}  // namespace madoguchi::applications
