// The questions of a life event, one page per section: the questionnaire first, then the
// answers shared by every procedure on the list (asked once). A date of the event that is
// possible but unusual (in the future, or long ago) is confirmed; one beyond any plausible range
// is sent back as a slip of the finger, with the date probably meant.
#include <algorithm>

#include "applications/display_text.h"
#include "applications/form_page.h"
#include "applications/form_state.h"
#include "applications/web/page_post.h"
#include "forms/form_post.h"
#include "forms/validation.h"
#include "jp/wareki.h"
#include "lifeevents/web/pages.h"
#include "platform/http/http_error.h"

namespace madoguchi::lifeevents {

namespace {

using applications::pick;
using nlohmann::json;

std::string replace(std::string text, std::string_view marker, const std::string& value) {
  const auto at = text.find(marker);
  if (at != std::string::npos) text.replace(at, marker.size(), value);
  return text;
}

struct Page {
  OpenBundle open;
  const forms::Section* section = nullptr;
};

std::variant<Page, Response> open_page(const LifeEventsWeb& web, const Request& request) {
  auto opened = open_bundle(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<OpenBundle>(opened);
  const auto* section = open.event->form.form.find_section(request.param("section"));
  if (!section) throw platform::http::not_found();
  return Page{std::move(open), section};
}

// The event date's confirmation or correction, as the page shows it: a question to confirm a
// date that is possible but unusual, or the error for a slip of the finger.
struct DateQuestion {
  bool confirm = false;
  std::string iso;      // the date to confirm
  std::string message;  // why it is asked
};

std::optional<forms::FieldError> date_error(const LifeEventsWeb& web, const LifeEvent& event, const DateCheck& check) {
  const auto* field = event.form.form.find_field(event.event_field);
  if (check.verdict == DateVerdict::typo) {
    std::string ja = web.apps.pages.messages().text(Language::ja, "lifeevents.date.typo");
    std::string en = web.apps.pages.messages().text(Language::en, "lifeevents.date.typo");
    std::string easy = web.apps.pages.messages().text(Language::easy, "lifeevents.date.typo");
    if (check.suggestion) {
      ja += replace(web.apps.pages.messages().text(Language::ja, "lifeevents.date.suggest"), "{date}",
                    applications::format_date(*check.suggestion, Language::ja));
      en += replace(web.apps.pages.messages().text(Language::en, "lifeevents.date.suggest"), "{date}",
                    applications::format_date(*check.suggestion, Language::en));
      easy += replace(web.apps.pages.messages().text(Language::easy, "lifeevents.date.suggest"), "{date}",
                      applications::format_date(*check.suggestion, Language::easy));
    }
    return forms::FieldError{event.event_field, "event_date_typo", {ja, en, easy}};
  }
  if (check.verdict == DateVerdict::refused_future) {
    const auto label = field ? field->label : forms::LocalizedText{};
    return forms::FieldError{event.event_field, "event_date_in_future",
                             {replace(web.apps.pages.messages().text(Language::ja, "lifeevents.date.future_refused"), "{label}", label.ja),
                              replace(web.apps.pages.messages().text(Language::en, "lifeevents.date.future_refused"), "{label}", label.en),
                              replace(web.apps.pages.messages().text(Language::easy, "lifeevents.date.future_refused"), "{label}", label.easy)}};
  }
  return std::nullopt;
}

Response show(const LifeEventsWeb& web, const Request& request, const Page& page, const json& answers,
              const std::vector<forms::FieldError>& errors, const std::optional<DateQuestion>& date, json notices,
              bool return_to_list, int status) {
  const Language language = applications::language_of(request);
  const auto& event = *page.open.event;
  const auto& form = event.form.form;
  const auto& section = *page.section;
  auto ctx = web.apps.submissions.context();
  auto whole = forms::validate(form, answers, ctx);
  applications::FormState state(form, whole.answers, ctx.today);
  json model = applications::form_page_model({event.form, section, state, answers, errors, language});
  const std::string list = BundleService::list_path(page.open.bundle);
  const auto* previous = state.previous_section(section.id);
  std::string back = return_to_list ? list : previous ? list + "/q/" + previous->id : "/onestop/" + event.id;
  int step = std::max(1, state.step_number(section.id));
  int count = state.step_count();
  if (page.open.bundle.event_version != event.version) {
    notices.push_back({{"kind", "info"}, {"text", text(web, request, "question.version_changed")}});
  }
  std::string title = pick(section.title, language) + " - " + pick(event.name, language);
  if (!errors.empty()) title = web.apps.pages.messages().text(language, "applications.form.error_title_prefix") + title;
  return applications::render(
      web.apps, request, "onestop/question", title,
      {{"event_name", pick(event.name, language)},
       {"section_title", pick(section.title, language)},
       {"section_help", pick(section.help, language)},
       {"in_questionnaire", event.in_questionnaire(section.id)},
       {"step_label", text(web, request, "question.step") + " " + std::to_string(step) + " / " + std::to_string(count)},
       {"step", step},
       {"step_count", count},
       {"back_href", back},
       {"action", list + "/q/" + section.id},
       {"save_action", list + "/save"},
       {"return_to_list", return_to_list},
       {"fields", model["fields"]},
       {"error_summary", model["error_summary"]},
       {"has_errors", !model["error_summary"].empty()},
       {"has_repeats", model["has_repeats"]},
       {"notices", notices},
       {"confirm_date", date && date->confirm},
       {"confirm_iso", date ? date->iso : std::string()},
       {"confirm_message", date ? date->message : std::string()},
       {"scripts", json::array({"/static/js/form.js"})},
       {"hints_json", hints_json(web, request, form)}},
      status);
}

Response question_get(const LifeEventsWeb& web, Request& request) {
  auto opened = open_page(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& page = std::get<Page>(opened);
  auto state = web.service.state(page.open.bundle, applications::citizen_id(request));
  std::vector<forms::FieldError> errors;
  if (request.query_param("show") == "errors") {
    errors = forms::validate_section(page.open.event->form.form, page.section->id, state.answers,
                                     web.apps.submissions.context())
                 .errors;
  }
  std::optional<DateQuestion> date;
  const bool has_event_field = page.open.event->form.form.section_of(page.open.event->event_field) == page.section;
  if (has_event_field && state.date_check && !state.date_confirmed) {
    if (auto error = date_error(web, *page.open.event, *state.date_check)) {
      errors.push_back(*error);
    } else {
      date = DateQuestion{true, jp::format_iso(*state.plan.event_date),
                          text(web, request, state.date_check->verdict == DateVerdict::confirm_future ? "date.confirm_future"
                                                                                                     : "date.confirm_past")};
    }
  }
  return show(web, request, page, state.answers, errors, date, json::array(), request.query_param("return") == "list", 200);
}

Response question_post(const LifeEventsWeb& web, Request& request) {
  auto opened = open_page(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& page = std::get<Page>(opened);
  const auto& event = *page.open.event;
  const auto& form = event.form.form;
  const auto& section = *page.section;
  const auto& bundle = page.open.bundle;
  auto post = applications::read_page_post(request);
  const auto citizen = applications::citizen_id(request);
  auto state = web.service.state(bundle, citizen);
  const std::string list = BundleService::list_path(bundle);
  const std::string here = list + "/q/" + section.id;

  json posted = forms::answers_from_form_post(form, post.fields, {section.id, {}});
  json merged = state.answers;
  bool foreign = false;
  for (const auto& field : section.fields) merged.erase(field.id);
  for (auto& [key, value] : posted.items()) {
    if (form.section_of(key) == &section) {
      merged[key] = value;
    } else {
      foreign = true;
    }
  }
  applications::drop_invalid_text(merged);
  json notices = json::array();
  if (foreign) notices.push_back({{"kind", "error"}, {"text", web.apps.pages.messages().text(applications::language_of(request), "applications.form.foreign_fields")}});
  std::vector<std::string> completed = bundle.completed_sections;
  const auto save = [&](const json& answers, const std::string& confirmed) {
    web.bundles.save(bundle.id, answers, completed, confirmed, event.version, citizen);
  };

  if (applications::change_repeat_entries(form, section, post, merged)) {
    save(merged, bundle.confirmed_event_date);
    return Response::redirect(here + (post.return_to_check ? "?return=list" : ""));
  }
  if (post.action == "save") {
    save(merged, bundle.confirmed_event_date);
    return show_resume_code(web, bundle);
  }
  auto result = forms::validate_section(form, section.id, merged, web.apps.submissions.context());
  std::string confirmed = bundle.confirmed_event_date;
  std::optional<DateQuestion> date;
  if (form.section_of(event.event_field) == &section) {
    const auto it = result.answers.find(event.event_field);
    auto day = it != result.answers.end() && it->is_string() ? forms::parse_iso_date(it->get<std::string>()) : std::nullopt;
    if (day) {
      auto check = check_event_date(event.event_date, *day, *web.apps.submissions.context().today);
      const std::string iso = jp::format_iso(*day);
      if (auto error = date_error(web, event, check)) {
        result.errors.push_back(*error);
      } else if (check.verdict != DateVerdict::ok) {
        std::string answered;
        for (const auto& [name, value] : post.fields) {
          if (name == "_confirm_date") answered = value;
        }
        if (answered == iso) {
          confirmed = iso;
        } else {
          date = DateQuestion{true, iso,
                              text(web, request, check.verdict == DateVerdict::confirm_future ? "date.confirm_future"
                                                                                             : "date.confirm_past")};
        }
      }
    }
  }
  if (!result.ok() || foreign || date) {
    save(merged, bundle.confirmed_event_date);
    return show(web, request, page, merged, result.errors, date, notices, post.return_to_check, 422);
  }
  json accepted = state.answers;
  for (const auto& field : section.fields) accepted.erase(field.id);
  for (auto& [key, value] : result.answers.items()) accepted[key] = value;
  if (std::find(completed.begin(), completed.end(), section.id) == completed.end()) completed.push_back(section.id);
  save(accepted, confirmed);
  if (post.return_to_check) return Response::redirect(list);
  auto ctx = web.apps.submissions.context();
  applications::FormState after(form, forms::validate(form, accepted, ctx).answers, ctx.today);
  const auto* next = after.next_section(section.id);
  if (!next || (event.in_questionnaire(section.id) && !event.in_questionnaire(next->id))) {
    return Response::redirect(list);
  }
  return Response::redirect(list + "/q/" + next->id);
}

}  // namespace

void register_question_pages(platform::http::Router& router, const LifeEventsWeb& web) {
  router.get("/onestop/b/{bundle}/q/{section}", [&web](Request& r) { return question_get(web, r); });
  router.post("/onestop/b/{bundle}/q/{section}", [&web](Request& r) { return question_post(web, r); });
}

}  // namespace madoguchi::lifeevents
