// Following an application without an account: the reference with the
// applicant's date of birth or the e-mail address given opens its status
// for two hours in this browser (a signed cookie). Wrong guesses are limited
// per reference and per client and always get the same answer, so the page
// tells nothing about references that exist. Signed-in citizens see their
// own applications without it.
#include "applications/reference.h"
#include "applications/status.h"
#include "applications/web/web_pages.h"
#include "jp/wareki.h"
#include "platform/http/http_error.h"

namespace madoguchi::applications {

using platform::http::Request;
using platform::http::Response;

namespace {

const AttemptLimit kPerReference{"status_reference", 10, std::chrono::minutes(15)};
const AttemptLimit kPerClient{"status_client", 50, std::chrono::hours(1)};

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
  size_t start = text.find_first_not_of(" \t");
  return start == std::string::npos ? std::string() : text.substr(start);
}

struct LookupForm {
  std::string reference;
  std::string birth_date;
  std::string email;
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
                 {"birth_date", form.birth_date},
                 {"email", form.email},
                 {"errors", errors},
                 {"has_errors", !errors.empty()},
                 {"reference_error", error_of("reference")},
                 {"birth_date_error", error_of("birth_date")},
                 {"scripts", nlohmann::json::array({"/static/js/form.js"})}},
                status);
}

Response lookup_form(const WebDependencies& deps, Request& request) {
  nlohmann::json reference = request.query_param("reference").value_or("");
  drop_invalid_text(reference);
  return form_page(deps, request, {reference.get<std::string>().substr(0, 40), "", ""}, nlohmann::json::array(), 200);
}

bool matches(const Application& a, const LookupForm& form) {
  if (!form.birth_date.empty() && a.applicant_birth_date) {
    auto date = jp::parse_date(form.birth_date);
    if (date.ok() && jp::format_iso(date.value()) == *a.applicant_birth_date) return true;
  }
  if (!form.email.empty() && a.contact_email) return lower(trim(form.email)) == lower(*a.contact_email);
  return false;
}

Response lookup(const WebDependencies& deps, Request& request) {
  auto fields = form_fields(request);
  nlohmann::json typed = {{"reference", field_value(fields, "reference").value_or("")},
                          {"birth_date", field_value(fields, "birth_date").value_or("")},
                          {"email", field_value(fields, "email").value_or("")}};
  drop_invalid_text(typed);
  LookupForm form{trim(typed["reference"]).substr(0, 40), trim(typed["birth_date"]).substr(0, 40),
                  trim(typed["email"]).substr(0, 254)};
  nlohmann::json errors = nlohmann::json::array();
  auto reference = parse_reference(form.reference);
  if (!reference) {
    errors.push_back({{"field", "reference"}, {"href", "#status-reference"},
                      {"message", text(deps, request, form.reference.empty() ? "status.reference_missing"
                                                                             : "status.reference_malformed")}});
  }
  if (form.birth_date.empty() && form.email.empty()) {
    errors.push_back({{"field", "birth_date"}, {"href", "#status-birth-date"},
                      {"message", text(deps, request, "status.proof_missing")}});
  } else if (!form.birth_date.empty() && !jp::parse_date(form.birth_date).ok()) {
    errors.push_back({{"field", "birth_date"}, {"href", "#status-birth-date"},
                      {"message", text(deps, request, "status.birth_date_malformed")}});
  }
  if (!errors.empty()) return form_page(deps, request, form, errors, 422);

  std::string client = request.remote_address;
  if (deps.attempts.blocked(kPerClient, client) || deps.attempts.blocked(kPerReference, *reference)) {
    return form_page(deps, request, form,
                     nlohmann::json::array({{{"href", "#status-reference"},
                                             {"message", text(deps, request, "status.too_many")}}}),
                     429);
  }
  auto application = deps.store.find(*reference);
  if (!application || !matches(*application, form)) {
    deps.attempts.record_failure(kPerClient, client);
    deps.attempts.record_failure(kPerReference, *reference);
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
