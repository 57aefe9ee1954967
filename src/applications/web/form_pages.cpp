// The form flow: starting a draft from a procedure page, one page per
// section (GET shows it, POST saves it and moves on or shows what to fix),
// and /apply/{draft} which continues wherever the draft is incomplete.
#include <algorithm>

#include "applications/answer_paths.h"
#include "applications/draft_rules.h"
#include "applications/form_page.h"
#include "applications/prepared_draft.h"
#include "applications/request_submitter.h"
#include "applications/web/draft_access.h"
#include "applications/web/page_post.h"
#include "applications/web/web_pages.h"
#include "forms/form_post.h"
#include "forms/messages.h"
#include "forms/spec_json.h"
#include "platform/http/http_error.h"
#include "platform/time.h"

namespace madoguchi::applications {

using platform::http::Request;
using platform::http::Response;

namespace {

Response start(const WebDependencies& deps, Request& request) {
  const auto* p = deps.catalogue.find(request.param("id"));
  if (!p) throw platform::http::not_found();
  std::string channel = field_value(form_fields(request), "channel").value_or("online");
  bool offered = (channel == "online" && p->channels.online) || (channel == "counter" && p->channels.counter_pre_entry);
  if (!offered) {
    return explain(deps, request, "start.channel_not_offered", 422,
                   {{"links", {{{"href", "/procedures/" + p->id}, {"label", pick(p->name, language_of(request))}}}}});
  }
  // A pre-entry for the counter needs no proof of identity: the clerk checks it there.
  if (channel == "online") {
    if (auto refusal = identity_refusal(*p, procedures::Channel::online, submitter_of(request))) {
      if (*refusal == IdentityRefusal::sign_in_required) {
        return Response::redirect("/account/login?next=" + platform::http::percent_encode("/procedures/" + p->id));
      }
      return card_signature_needed(deps, request, *p);
    }
  }
  auto citizen = citizen_id(request);
  auto opened = deps.drafts.create({p->id, p->version, channel, citizen});
  auto response = Response::redirect(draft_path(opened.draft.public_id) + "/step/" + p->form.sections.front().id);
  response.headers.add("Set-Cookie", draft_cookie(deps, opened.draft.public_id, opened.token));
  return response;
}

// The form spec and message templates the page script mirrors, as a JSON
// data block ("<" escaped so the text cannot end the block).
std::string hints_json(const WebDependencies& deps, const Request& request, const procedures::Procedure& p) {
  Language language = language_of(request);
  nlohmann::json ui = nlohmann::json::object();
  for (const char* key : {"checking_postal", "postal_found", "postal_not_found"}) {
    ui[key] = text(deps, request, std::string("form.") + key);
  }
  nlohmann::json hints = {{"lang", std::string(platform::web::code(language))},
                          {"spec", forms::spec_to_json(p.form)},
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

// The answers on `section` given once elsewhere (a one-stop bundle) that
// are valid, so the page does not ask them again.
std::vector<std::string> settled_answers(const WebDependencies& deps, const OpenDraft& open,
                                         const forms::Section& section, const nlohmann::json& answers) {
  return settled_fields(*open.procedure, section, answers, open.draft.given_fields, deps.submissions.context());
}

// Passes over the pages that ask nothing (for drafts a bundle prepared).
FormState::Skip skip_asking_nothing(const WebDependencies& deps, const OpenDraft& open, const FormState& state,
                                    const nlohmann::json& answers) {
  if (open.draft.given_fields.empty()) return {};
  return [&deps, &open, &state, &answers](const forms::Section& s) {
    return asks_nothing(*open.procedure, state, s, answers, open.draft.given_fields, deps.submissions.context());
  };
}

// What the page shows beside the questions: progress, back link, notices.
nlohmann::json page_context(const WebDependencies& deps, const Request& request, const OpenDraft& open,
                            const forms::Section& section, const FormState& state, const nlohmann::json& answers,
                            bool return_to_check) {
  Language language = language_of(request);
  const auto& p = *open.procedure;
  auto skip = skip_asking_nothing(deps, open, state, answers);
  nlohmann::json steps = nlohmann::json::array();
  int step = 1;
  int count = 1;
  for (const auto* s : state.visible_sections()) {
    if (s != &section && skip && skip(*s)) continue;
    steps.push_back({{"title", pick(s->title, language)}, {"current", s == &section}});
    if (state.step_number(s->id) < state.step_number(section.id)) ++step;
    ++count;
  }
  steps.push_back({{"title", text(deps, request, "check.step_title")}, {"current", false}});
  const auto* previous = state.previous_section(section.id, skip);
  std::string start = open.draft.return_to.empty() ? "/procedures/" + p.id : open.draft.return_to;
  std::string back = return_to_check ? draft_url(open.draft, "/check")
                     : previous      ? draft_url(open.draft, "/step/" + previous->id)
                                     : start;
  nlohmann::json notices = nlohmann::json::array();
  if (open.draft.procedure_version != p.version) {
    notices.push_back({{"kind", "info"}, {"text", text(deps, request, "form.version_review")}});
  }
  return {{"procedure_name", pick(p.name, language)},
          {"procedure_href", "/procedures/" + p.id},
          {"section_id", section.id},
          {"section_title", pick(section.title, language)},
          {"section_help", pick(section.help, language)},
          {"steps", steps},
          {"step", step},
          {"step_count", count},
          {"step_label", text(deps, request, "form.step") + " " + std::to_string(step) + " / " + std::to_string(count)},
          {"back_href", back},
          {"action", draft_url(open.draft, "/step/" + section.id)},
          {"save_action", draft_url(open.draft, "/save")},
          {"version", p.version},
          {"return_to_check", return_to_check},
          {"counter_channel", open.draft.channel == "counter"},
          {"return_to", open.draft.return_to},
          {"expires", format_instant(open.draft.expires_at, language)},
          {"notices", notices}};
}

Response show_page(const WebDependencies& deps, const Request& request, const OpenDraft& open,
                   const forms::Section& section, const nlohmann::json& answers,
                   const std::vector<forms::FieldError>& errors, bool return_to_check, nlohmann::json extra_notices,
                   int status) {
  const auto& p = *open.procedure;
  auto whole = deps.submissions.check(p, current_answers(p, answers));
  FormState state(p.form, whole.answers, platform::today_in_tokyo());
  nlohmann::json context = page_context(deps, request, open, section, state, answers, return_to_check);
  for (auto& notice : extra_notices) context["notices"].push_back(notice);
  auto settled = settled_answers(deps, open, section, answers);
  nlohmann::json model = form_page_model({p, section, state, answers, errors, language_of(request), &settled});
  context["given"] = model["given"];
  context["has_given"] = !model["given"].empty();
  context["fields"] = model["fields"];
  context["error_summary"] = model["error_summary"];
  context["has_errors"] = !model["error_summary"].empty();
  context["multipart"] = model["has_files"];
  context["has_repeats"] = model["has_repeats"];
  std::string title = pick(section.title, language_of(request)) + " - " + pick(p.name, language_of(request));
  if (!errors.empty()) title = text(deps, request, "form.error_title_prefix") + title;
  context["scripts"] = nlohmann::json::array({"/static/js/form.js"});
  context["hints_json"] = hints_json(deps, request, p);
  return render(deps, request, "citizen/form_page", title, std::move(context), status);
}

// The draft and the page of its form that the request names (404 for a page the form does not have).
struct OpenStep {
  OpenDraft open;
  const forms::Section* section;
};

std::variant<OpenStep, Response> open_step(const WebDependencies& deps, const Request& request) {
  auto opened = open_draft(deps, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<OpenDraft>(opened);
  const auto* section = open.procedure->form.find_section(request.param("section"));
  if (!section) throw platform::http::not_found();
  return OpenStep{std::move(open), section};
}

Response step_get(const WebDependencies& deps, Request& request) {
  auto opened = open_step(deps, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& [open, section] = std::get<OpenStep>(opened);
  const auto& p = *open.procedure;
  nlohmann::json answers = current_answers(p, open.draft.answers);
  std::vector<forms::FieldError> errors;
  if (request.query_param("show") == "errors") errors = deps.submissions.check(p, answers, section->id).errors;
  return show_page(deps, request, open, *section, answers, errors, request.query_param("return") == "check",
                   nlohmann::json::array(), 200);
}

// The posted page's answers for this section only; names of other pages or
// of nothing are dropped (and reported through `foreign`).
nlohmann::json section_answers(const procedures::Procedure& p, const forms::Section& section, const PagePost& post,
                               bool& foreign) {
  nlohmann::json posted = forms::answers_from_form_post(p.form, post.fields, {section.id, {}});
  nlohmann::json own = nlohmann::json::object();
  for (auto& [key, value] : posted.items()) {
    if (p.form.section_of(key) == &section) {
      own[key] = std::move(value);
    } else {
      foreign = true;
    }
  }
  return own;
}

// Stores each chosen file (checked against its question's limits and its
// real content) and puts its description in `answers`; carries files already
// attached over unless removed. Problems become field errors.
std::vector<forms::FieldError> attach_files(const WebDependencies& deps, const std::string& client,
                                            const OpenDraft& open, const forms::Section& section,
                                            const PagePost& post, nlohmann::json& answers, bool& foreign) {
  const auto& p = *open.procedure;
  std::vector<forms::FieldError> errors;
  std::vector<std::string> replaced;
  for (const auto& file : post.files) {
    const forms::Field* field = p.form.find_field(path_pattern(file.name));
    if (!field || field->type != forms::FieldType::file || p.form.section_of(top_level_id(file.name)) != &section) {
      foreign = true;
      continue;
    }
    replaced.push_back(file.name);
    if (file.data.size() > field->max_bytes) {
      errors.push_back({file.name, "file_too_large",
                        forms::render_message("file_too_large", field->label,
                                              {forms::MessageArg::same_in_all("size", format_bytes(file.data.size())),
                                               forms::MessageArg::same_in_all("max", format_bytes(field->max_bytes))})});
      continue;
    }
    if (deps.upload_quota.spend(client)) {
      errors.push_back({file.name, "too_many_uploads", forms::wrap_message(field->label, too_many_uploads_message().ja,
                                                                           too_many_uploads_message().en,
                                                                           too_many_uploads_message().easy)});
      continue;
    }
    try {
      auto saved = deps.uploads.save(file.data, file.filename, file.content_type, open.draft.id);
      set_answer(answers, file.name,
                 {{"upload_id", saved.id}, {"content_type", saved.media_type}, {"size", saved.size},
                  {"filename", saved.filename}});
    } catch (const UploadRejected& e) {
      errors.push_back({file.name, e.code(),
                        forms::wrap_message(field->label, e.message_ja(), e.message_en(), e.message_ja())});
    }
  }
  nlohmann::json previous = open.draft.answers;
  p.form.for_each_field([&](const forms::Field& field, const std::string& pattern) {
    if (field.type != forms::FieldType::file || p.form.section_of(top_level_id(pattern)) != &section) return;
    for_each_value(previous, pattern, [&](nlohmann::json& value, const std::string& path) {
      bool chosen_again = std::find(replaced.begin(), replaced.end(), path) != replaced.end();
      bool removed = std::find(post.remove_files.begin(), post.remove_files.end(), path) != post.remove_files.end();
      if (!chosen_again && !removed && value.is_object()) set_answer(answers, path, value);
    });
  });
  return errors;
}

Response step_post(const WebDependencies& deps, Request& request) {
  auto opened = open_step(deps, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& [open, section] = std::get<OpenStep>(opened);
  const auto& p = *open.procedure;
  PagePost post = read_page_post(request);

  bool foreign = false;
  nlohmann::json posted = section_answers(p, *section, post, foreign);
  auto upload_errors = attach_files(deps, request.remote_address, open, *section, post, posted, foreign);
  nlohmann::json merged = current_answers(p, open.draft.answers);
  // Answers given elsewhere and not asked on this page stay as they are.
  auto settled = settled_answers(deps, open, *section, merged);
  const auto is_settled = [&](const std::string& id) {
    return std::find(settled.begin(), settled.end(), id) != settled.end();
  };
  for (const auto& field : section->fields) {
    if (!is_settled(field.id)) merged.erase(field.id);
  }
  for (auto& [key, value] : posted.items()) {
    if (!is_settled(key)) merged[key] = value;
  }

  nlohmann::json notices = nlohmann::json::array();
  if (foreign) notices.push_back({{"kind", "error"}, {"text", text(deps, request, "form.foreign_fields")}});
  auto citizen = citizen_id(request);
  std::string here = draft_url(open.draft, "/step/" + section->id);

  auto check = check_version(open.draft.procedure_version, post.version, p.version);
  if (check == VersionCheck::page_outdated) {
    nlohmann::json stored = merged;
    drop_invalid_text(stored);
    deps.drafts.save(open.draft.id, stored, citizen);
    notices.push_back({{"kind", "error"}, {"text", text(deps, request, "form.page_outdated")}});
    return show_page(deps, request, open, *section, stored, {}, post.return_to_check, notices, 409);
  }

  if (post.action.rfind("add:", 0) == 0 || post.action.rfind("remove:", 0) == 0) {
    change_repeat_entries(p.form, *section, post, merged);
    drop_invalid_text(merged);
    if (!deps.drafts.save(open.draft.id, merged, citizen)) return Response::redirect(draft_url(open.draft, "/receipt"));
    return Response::redirect(here + (post.return_to_check ? "?return=check" : ""));
  }
  if (post.action == "save") {
    drop_invalid_text(merged);
    if (!deps.drafts.save(open.draft.id, merged, citizen)) return Response::redirect(draft_url(open.draft, "/receipt"));
    return show_resume_code(deps, open.draft);
  }

  auto result = deps.submissions.check(p, merged, section->id);
  std::vector<forms::FieldError> errors = upload_errors;
  for (auto& e : result.errors) {
    bool covered = std::any_of(upload_errors.begin(), upload_errors.end(),
                               [&](const forms::FieldError& u) { return u.path == e.path; });
    if (!covered) errors.push_back(std::move(e));
  }
  if (!errors.empty() || foreign) {
    nlohmann::json stored = merged;
    drop_invalid_text(stored);
    if (!deps.drafts.save(open.draft.id, stored, citizen)) return Response::redirect(draft_url(open.draft, "/receipt"));
    return show_page(deps, request, open, *section, stored, errors, post.return_to_check, notices, 422);
  }
  nlohmann::json accepted = current_answers(p, open.draft.answers);
  for (const auto& field : section->fields) accepted.erase(field.id);
  for (auto& [key, value] : result.answers.items()) accepted[key] = value;
  if (!deps.drafts.save(open.draft.id, accepted, citizen, section->id)) {
    return Response::redirect(draft_url(open.draft, "/receipt"));
  }
  if (post.return_to_check) return Response::redirect(draft_url(open.draft, "/check"));
  auto whole = deps.submissions.check(p, accepted);
  FormState state(p.form, whole.answers, platform::today_in_tokyo());
  const auto* next = state.next_section(section->id, skip_asking_nothing(deps, open, state, accepted));
  return Response::redirect(draft_url(open.draft, next ? "/step/" + next->id : "/check"));
}

Response continue_draft(const WebDependencies& deps, Request& request) {
  auto opened = open_draft(deps, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  return Response::redirect(continue_location(deps, std::get<OpenDraft>(opened)));
}

}  // namespace

void register_form_pages(platform::http::Router& router, const WebDependencies& deps) {
  router.post("/procedures/{id}/start", [&deps](Request& r) { return start(deps, r); });
  router.get("/apply/{draft}", [&deps](Request& r) { return continue_draft(deps, r); });
  router.get("/apply/{draft}/step/{section}", [&deps](Request& r) { return step_get(deps, r); });
  router.post("/apply/{draft}/step/{section}", [&deps](Request& r) { return step_post(deps, r); },
              platform::http::RouteOptions::body_limit(deps.max_page_bytes));
}

}  // namespace madoguchi::applications
