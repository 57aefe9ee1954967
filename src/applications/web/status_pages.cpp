// Following an application without an account: the reference with its
// status code (確認コード: shown once on the receipt and in the confirmation
// mail; never a birth date or an address, which others may know) opens its
// status for two hours in this browser (a signed cookie). Wrong guesses are
// limited per client, never per reference, so a stranger guessing at
// someone's reference is stopped without locking its owner out; every wrong
// guess gets the same answer, so the page tells nothing about references
// that exist. Signed-in citizens see their own applications without it.
#include "applications/reference.h"
#include "applications/status.h"
#include "applications/status_code.h"
#include "applications/web/web_pages.h"
#include "platform/http/http_error.h"

namespace madoguchi::applications {

using platform::http::Request;
using platform::http::Response;

namespace {

const AttemptLimit kPerClient{"status_client", 10, std::chrono::minutes(15)};

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
  size_t start = text.find_first_not_of(" \t");
  return start == std::string::npos ? std::string() : text.substr(start);
}

struct LookupForm {
  std::string reference;
  std::string status_code;
};

Response form_page(const WebDependencies& deps, const Request& request, const LookupForm& form,
                   nlohmann::json errors, int status) {
  nlohmann::json field_errors = nlohmann::json::object();
  for (const auto& e : errors) {
    if (e.contains("field")) field_errors[e["field"].get<std::string>()] = e["message"];
  }
  auto error_of = [&](const char* name) { return field_errors.value(name, std::string()); };
  return render(deps, request, "citizen/status_form", text(deps, request, "status.title"),
                {{"reference", form.reference},
                 {"status_code", form.status_code},
                 {"errors", errors},
                 {"has_errors", !errors.empty()},
                 {"reference_error", error_of("reference")},
                 {"status_code_error", error_of("status_code")},
                 {"scripts", nlohmann::json::array({"/static/js/form.js"})}},
                status);
}

Response lookup_form(const WebDependencies& deps, Request& request) {
  nlohmann::json reference = request.query_param("reference").value_or("");
  drop_invalid_text(reference);
  return form_page(deps, request, {reference.get<std::string>().substr(0, 40), ""}, nlohmann::json::array(), 200);
}

Response lookup(const WebDependencies& deps, Request& request) {
  auto fields = form_fields(request);
  nlohmann::json typed = {{"reference", field_value(fields, "reference").value_or("")},
                          {"status_code", field_value(fields, "status_code").value_or("")}};
  drop_invalid_text(typed);
  LookupForm form{trim(typed["reference"]).substr(0, 40), trim(typed["status_code"]).substr(0, 60)};
  nlohmann::json errors = nlohmann::json::array();
  auto reference = parse_reference(form.reference);
  if (!reference) {
    errors.push_back({{"field", "reference"}, {"href", "#status-reference"},
                      {"message", text(deps, request, form.reference.empty() ? "status.reference_missing"
                                                                             : "status.reference_malformed")}});
  }
  auto code = parse_status_code(form.status_code);
  if (!code) {
    errors.push_back({{"field", "status_code"}, {"href", "#status-code"},
                      {"message", text(deps, request, form.status_code.empty() ? "status.code_missing"
                                                                               : "status.code_malformed")}});
  }
  if (!errors.empty()) return form_page(deps, request, form, errors, 422);

  std::string client = request.remote_address;
  if (deps.attempts.blocked(kPerClient, client)) {
    return form_page(deps, request, form,
                     nlohmann::json::array({{{"href", "#status-reference"},
                                             {"message", text(deps, request, "status.too_many")}}}),
                     429);
  }
  if (!deps.store.check_status_secret(*reference, *code)) {
    deps.attempts.record_failure(kPerClient, client);
    return form_page(deps, request, form,
                     nlohmann::json::array({{{"href", "#status-reference"},
                                             {"message", text(deps, request, "status.no_match")}}}),
                     422);
  }
  auto response = Response::redirect("/status/" + *reference);
  std::string existing(request.cookie(kStatusGrantCookie).value_or(""));
  response.headers.add("Set-Cookie",
                       cookie(deps, kStatusGrantCookie, deps.grants.add(existing, *reference, deps.drafts.now()),
                              "/status", static_cast<long>(std::chrono::seconds(kStatusGrantLifetime).count())));
  return response;
}

// The application if this browser may see it: granted by the cookie, or owned by the signed-in citizen.
std::optional<Application> viewable(const WebDependencies& deps, const Request& request, const std::string& reference) {
  auto application = deps.store.find(reference);
  if (!application) return std::nullopt;
  auto citizen = citizen_id(request);
  if (citizen && application->citizen_account_id == citizen) return application;
  auto granted = deps.grants.read(request.cookie(kStatusGrantCookie).value_or(""), deps.drafts.now());
  if (std::find(granted.begin(), granted.end(), reference) != granted.end()) return application;
  return std::nullopt;
}

std::string status_word(const Application& a, Language language) {
  const auto& w = words(a.status);
  return language == Language::en ? w.en : (language == Language::easy ? w.easy : w.ja);
}

Response status_page(const WebDependencies& deps, Request& request) {
  auto reference = parse_reference(request.param("reference"));
  if (!reference) return Response::redirect("/status");
  auto application = viewable(deps, request, *reference);
  if (!application) return Response::redirect("/status?reference=" + *reference);
  Language language = language_of(request);
  const auto* p = deps.catalogue.find(application->procedure_id);
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : deps.store.events(application->id)) {
    const auto& w = words(e.status);
    events.push_back({{"at", format_instant(e.at, language)},
                      {"status", language == Language::en ? w.en : (language == Language::easy ? w.easy : w.ja)}});
  }
  std::string code(to_string(application->status));
  return render(deps, request, "citizen/status", text(deps, request, "status.page_title"),
                {{"reference", application->reference},
                 {"procedure_name", p ? pick(p->name, language) : application->procedure_id},
                 {"status", status_word(*application, language)},
                 {"status_code", code},
                 {"status_explain", text(deps, request, "status_explain." + code)},
                 {"submitted_at", format_instant(application->submitted_at, language)},
                 {"due_on", application->due_on ? format_iso_date(*application->due_on, language) : std::string()},
                 {"has_due", application->due_on.has_value() && !is_final(application->status)},
                 {"processing_note", p ? pick(p->processing_note, language) : std::string()},
                 {"events", events},
                 {"pdf_href", "/status/" + application->reference + "/receipt.pdf"}});
}

Response status_pdf(const WebDependencies& deps, Request& request) {
  auto reference = parse_reference(request.param("reference"));
  if (!reference) throw platform::http::not_found();
  auto application = viewable(deps, request, *reference);
  if (!application) return Response::redirect("/status?reference=" + *reference);
  return receipt_pdf_response(deps, *application);
}

}  // namespace

void register_status_pages(platform::http::Router& router, const WebDependencies& deps) {
  router.get("/status", [&deps](Request& r) { return lookup_form(deps, r); });
  router.post("/status", [&deps](Request& r) { return lookup(deps, r); });
  router.get("/status/{reference}", [&deps](Request& r) { return status_page(deps, r); });
  router.get("/status/{reference}/receipt.pdf", [&deps](Request& r) { return status_pdf(deps, r); });
}

}  // namespace madoguchi::applications
