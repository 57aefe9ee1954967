// "Check your answers" and submitting: every answer with a change link,
// what is still wrong (linked to its page), answers the current form no
// longer asks (after a version change), then one button that submits —
// once, however often it is pressed: the draft is the idempotency key. Who
// submits is checked again here against the procedure's identity assurance
// (a citizen who signed out meanwhile signs in again). A pre-entry for the
// counter is not sent by the citizen: its button asks the counter module for
// the QR code to show there (/apply/{draft}/pre-entry), where a clerk takes it
// in, checks identity and submits it.
#include "applications/answer_summary.h"
#include "applications/draft_rules.h"
#include "applications/form_page.h"
#include "applications/request_submitter.h"
#include "applications/web/draft_access.h"
#include "applications/web/page_post.h"
#include "applications/web/web_pages.h"
#include "platform/http/http_error.h"
#include "platform/time.h"

namespace madoguchi::applications {

using platform::http::Request;
using platform::http::Response;

namespace {

nlohmann::json summary_json(const std::vector<SummarySection>& sections, const Draft& draft) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : sections) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : s.blocks) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& r : b.rows) {
        rows.push_back({{"label", r.label},
                        {"value", r.value},
                        {"answered", !r.value.empty()},
                        {"error", r.error},
                        {"href", draft_url(draft, "/step/" + s.id + "?return=check" +
                                                      (r.error.empty() ? "" : "&show=errors") + "#" +
                                                      field_html_id(r.path))}});
      }
      blocks.push_back({{"title", b.title}, {"rows", rows}});
    }
    out.push_back({{"id", s.id}, {"title", s.title}, {"blocks", blocks},
                   {"change_href", draft_url(draft, "/step/" + s.id + "?return=check")}});
  }
  return out;
}

Response show_check(const WebDependencies& deps, const Request& request, const OpenDraft& open,
                    nlohmann::json notices, int status) {
  Language language = language_of(request);
  const auto& p = *open.procedure;
  nlohmann::json dropped = nlohmann::json::object();
  nlohmann::json answers = current_answers(p, open.draft.answers, &dropped);
  auto result = deps.submissions.check(p, answers);
  FormState state(p.form, result.answers, platform::today_in_tokyo());
  auto sections = summarize(state, answers, result.errors, language);

  nlohmann::json problems = nlohmann::json::array();
  for (const auto& e : result.errors) {
    const auto* section = p.form.section_of(top_level_id(e.path));
    std::string href = section ? draft_url(open.draft, "/step/" + section->id + "?return=check&show=errors#" +
                                                           field_html_id(e.path))
                               : draft_url(open.draft, "/step/" + p.form.sections.front().id);
    problems.push_back({{"href", href}, {"message", pick(e.message, language)}});
  }
  nlohmann::json removed = nlohmann::json::array();
  for (const auto& [key, value] : dropped.items()) {
    removed.push_back({{"name", key}, {"value", value.is_string() ? value.get<std::string>() : value.dump()}});
  }
  if (open.draft.procedure_version != p.version) {
    notices.push_back({{"kind", "info"}, {"text", text(deps, request, "form.version_review")}});
  }
  auto shown = state.visible_sections();
  std::string back = shown.empty() ? "/procedures/" + p.id : draft_url(open.draft, "/step/" + shown.back()->id);
  return render(deps, request, "citizen/check", text(deps, request, "check.title"),
                {{"procedure_name", pick(p.name, language)},
                 {"back_href", back},
                 {"sections", summary_json(sections, open.draft)},
                 {"problems", problems},
                 {"has_problems", !problems.empty()},
                 {"removed", removed},
                 {"has_removed", !removed.empty()},
                 {"notices", notices},
                 {"version", p.version},
                 {"submit_action", draft_url(open.draft, open.draft.channel == "counter" ? "/pre-entry" : "/submit")},
                 {"save_action", draft_url(open.draft, "/save")},
                 {"counter_channel", open.draft.channel == "counter"},
                 {"prepared", !open.draft.return_to.empty()},
                 {"return_to", open.draft.return_to},
                 {"scripts", nlohmann::json::array({"/static/js/form.js"})}},
                status);
}

Response check_get(const WebDependencies& deps, Request& request) {
  auto opened = open_draft(deps, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  return show_check(deps, request, std::get<OpenDraft>(opened), nlohmann::json::array(), 200);
}

Response submit(const WebDependencies& deps, Request& request) {
  auto opened = open_draft(deps, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<OpenDraft>(opened);
  // A counter draft is finished at the counter: its page gives a pre-entry code instead.
  if (open.draft.channel == "counter") return Response::redirect(draft_url(open.draft, "/pre-entry"));
  const auto& p = *open.procedure;
  PagePost post = read_page_post(request);
  if (check_version(open.draft.procedure_version, post.version, p.version) == VersionCheck::page_outdated) {
    return show_check(deps, request, open,
                      nlohmann::json::array({{{"kind", "error"}, {"text", text(deps, request, "form.page_outdated")}}}),
                      409);
  }
  SubmissionRequest submission;
  submission.procedure_id = p.id;
  submission.procedure_version = p.version;
  submission.answers = current_answers(p, open.draft.answers);
  submission.channel = procedures::Channel::online;
  submission.submitter = submitter_of(request);
  submission.citizen_account_id = citizen_id(request);
  if (!submission.citizen_account_id) submission.citizen_account_id = open.draft.citizen_account_id;
  submission.idempotency = draft_submission_key(open.draft.public_id);
  submission.language = language_of(request);
  int64_t draft_id = open.draft.id;
  submission.within_transaction = [draft_id](platform::db::Connection& c, const Submitted& s) {
    DraftStore::link_application(c, draft_id, s.id);
  };
  Submitted submitted;
  try {
    auto outcome = deps.submissions.submit(submission);
    submitted = outcome.submitted;
    if (outcome.kind == SubmitOutcome::Kind::replayed) {
      deps.database.write([&](platform::db::Connection& c) { DraftStore::link_application(c, draft_id, submitted.id); });
    }
  } catch (const SubmissionRejected& e) {
    switch (e.reason()) {
      case SubmissionRejected::Reason::invalid_answers:
        return show_check(deps, request, open,
                          nlohmann::json::array({{{"kind", "error"}, {"text", text(deps, request, "check.fix_first")}}}),
                          422);
      case SubmissionRejected::Reason::sign_in_required:
        return Response::redirect("/account/login?next=" + platform::http::percent_encode(draft_url(open.draft, "/check")));
      case SubmissionRejected::Reason::card_signature_unavailable:
        return card_signature_needed(deps, request, p);
      default:
        return explain(deps, request, "start.channel_not_offered", 422);
    }
  } catch (const IdempotencyConflict&) {
    return explain(deps, request, "check.conflict", 409);
  } catch (const UploadUnavailable&) {
    return show_check(deps, request, open,
                      nlohmann::json::array({{{"kind", "error"}, {"text", text(deps, request, "check.upload_gone")}}}),
                      422);
  }
  auto response = Response::redirect(draft_url(open.draft, "/receipt"));
  std::string existing(request.cookie(kStatusGrantCookie).value_or(""));
  response.headers.add("Set-Cookie", cookie(deps, kStatusGrantCookie,
                                            deps.grants.add(existing, submitted.reference, deps.drafts.now()),
                                            "/status", static_cast<long>(std::chrono::seconds(kStatusGrantLifetime).count())));
  return response;
}

Response save(const WebDependencies& deps, Request& request) {
  auto opened = open_draft(deps, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  return show_resume_code(deps, std::get<OpenDraft>(opened).draft);
}

}  // namespace

void register_check_pages(platform::http::Router& router, const WebDependencies& deps) {
  router.get("/apply/{draft}/check", [&deps](Request& r) { return check_get(deps, r); });
  router.post("/apply/{draft}/submit", [&deps](Request& r) { return submit(deps, r); });
  router.post("/apply/{draft}/save", [&deps](Request& r) { return save(deps, r); });
}

}  // namespace madoguchi::applications
