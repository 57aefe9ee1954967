// Saving and resuming: the page showing a draft's resume code (and mailing
// it on request), and /resume, where the code opens the draft in this
// browser. Guessing codes is limited per client; mailing is limited per draft.
// A member of staff who opens a citizen's draft with its code is audited
// (draft_opened): they now see the answers.
#include "applications/citizen_mail.h"
#include "applications/draft_rules.h"
#include "applications/web/draft_access.h"
#include "applications/web/web_pages.h"
#include "identity/principal.h"
#include "notify/address.h"

namespace madoguchi::applications {

using platform::http::Request;
using platform::http::Response;

namespace {

const AttemptLimit kResumeGuesses{"resume_client", 20, std::chrono::hours(1)};
const AttemptLimit kResumeMails{"resume_mail", 3, std::chrono::hours(1)};

Response saved(const WebDependencies& deps, Request& request) {
  auto opened = open_draft(deps, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<OpenDraft>(opened);
  Language language = language_of(request);
  auto code = request.cookie(resume_flash_cookie(open.draft.public_id));
  bool shown = code && deps.drafts.resume_code_matches(open.draft.id, *code);
  std::string sent = request.query_param("sent").value_or("");
  return render(deps, request, "citizen/saved", text(deps, request, "saved.title"),
                {{"procedure_name", pick(open.procedure->name, language)},
                 {"code", shown ? *code : std::string()},
                 {"has_code", shown},
                 {"expires", format_instant(open.draft.expires_at, language)},
                 {"continue_href", draft_url(open.draft)},
                 {"save_action", draft_url(open.draft, "/save")},
                 {"email_action", draft_url(open.draft, "/saved/email")},
                 {"sent", sent == "1"},
                 {"mail_limited", sent == "limited"},
                 {"email_error", ""},
                 {"email", ""},
                 {"in_account", open.draft.citizen_account_id.has_value() || citizen_id(request).has_value()}});
}

Response mail_code(const WebDependencies& deps, Request& request) {
  auto opened = open_draft(deps, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<OpenDraft>(opened);
  Language language = language_of(request);
  auto code = request.cookie(resume_flash_cookie(open.draft.public_id));
  if (!code || !deps.drafts.resume_code_matches(open.draft.id, *code)) {
    return Response::redirect(draft_url(open.draft, "/saved"));
  }
  std::string email = field_value(form_fields(request), "email").value_or("");
  while (!email.empty() && email.back() == ' ') email.pop_back();
  while (!email.empty() && email.front() == ' ') email.erase(email.begin());
  if (!notify::is_plausible_address(email)) {
    nlohmann::json value = email;
    drop_invalid_text(value);
    return render(deps, request, "citizen/saved", text(deps, request, "saved.title"),
                  {{"procedure_name", pick(open.procedure->name, language)},
                   {"code", *code},
                   {"has_code", true},
                   {"expires", format_instant(open.draft.expires_at, language)},
                   {"continue_href", draft_url(open.draft)},
                   {"save_action", draft_url(open.draft, "/save")},
                   {"email_action", draft_url(open.draft, "/saved/email")},
                   {"sent", false},
                   {"mail_limited", false},
                   {"email_error", text(deps, request, "saved.email_invalid")},
                   {"email", value},
                   {"in_account", open.draft.citizen_account_id.has_value()}},
                  422);
  }
  if (deps.attempts.blocked(kResumeMails, open.draft.public_id)) {
    return Response::redirect(draft_url(open.draft, "/saved?sent=limited"));
  }
  deps.attempts.record_failure(kResumeMails, open.draft.public_id);
  auto mail = resume_mail(*open.procedure, *code, open.draft.expires_at, email, language, deps.public_url);
  deps.database.write([&](platform::db::Connection& c) { deps.outbox.enqueue(c, mail); });
  return Response::redirect(draft_url(open.draft, "/saved?sent=1"));
}

Response resume_form(const WebDependencies& deps, const Request& request, const std::string& code,
                     const std::string& error, int status) {
  return render(deps, request, "citizen/resume", text(deps, request, "resume.title"),
                {{"code", code}, {"error", error}, {"has_error", !error.empty()}}, status);
}

Response resume_get(const WebDependencies& deps, Request& request) {
  nlohmann::json code = request.query_param("code").value_or("");
  drop_invalid_text(code);
  return resume_form(deps, request, code.get<std::string>().substr(0, 40), "", 200);
}

Response resume_post(const WebDependencies& deps, Request& request) {
  nlohmann::json typed = field_value(form_fields(request), "code").value_or("");
  drop_invalid_text(typed);
  std::string shown = typed.get<std::string>().substr(0, 40);
  std::string client = request.remote_address;
  if (deps.attempts.blocked(kResumeGuesses, client)) {
    return resume_form(deps, request, shown, text(deps, request, "resume.too_many"), 429);
  }
  auto code = parse_resume_code(shown);
  if (!code) return resume_form(deps, request, shown, text(deps, request, "resume.malformed"), 422);
  auto draft = deps.drafts.find_by_resume_code(*code);
  if (!draft && deps.resume_elsewhere) {
    if (auto opened = deps.resume_elsewhere(*code, request)) return std::move(*opened);
  }
  if (!draft) {
    deps.attempts.record_failure(kResumeGuesses, client);
    return resume_form(deps, request, shown, text(deps, request, "resume.unknown"), 422);
  }
  if (draft->application_id) return explain(deps, request, "resume.already_submitted", 410,
                                            {{"links", {{{"href", "/status"}, {"label", text(deps, request, "status.title")}}}}});
  if (draft_expired(draft->expires_at, deps.drafts.now())) return explain(deps, request, "draft.expired", 410);
  std::string token = deps.drafts.move_to_new_browser(draft->id);
  if (auto citizen = citizen_id(request)) deps.drafts.save(draft->id, draft->answers, citizen);
  if (identity::current_staff(request)) {
    deps.audit.record(identity::audit_entry_for(request, "draft_opened", "draft", draft->public_id,
                                                {{"procedure", draft->procedure_id}, {"channel", draft->channel}}));
  }
  auto response = Response::redirect(draft_url(*draft));
  response.headers.add("Set-Cookie", draft_cookie(deps, draft->public_id, token));
  return response;
}

}  // namespace

void register_draft_pages(platform::http::Router& router, const WebDependencies& deps) {
  router.get("/apply/{draft}/saved", [&deps](Request& r) { return saved(deps, r); });
  router.post("/apply/{draft}/saved/email", [&deps](Request& r) { return mail_code(deps, r); });
  router.get("/resume", [&deps](Request& r) { return resume_get(deps, r); });
  router.post("/resume", [&deps](Request& r) { return resume_post(deps, r); });
}

}  // namespace madoguchi::applications
