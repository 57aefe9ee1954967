// The receipt of a submitted draft: its reference and status code (shown
// here, in the receipt PDF and in the confirmation mail only), what happens
// next and by when, where the confirmation mail went, and the receipt PDF —
// for the browser that submitted it (the draft's token) only.
#include "applications/draft_rules.h"
#include "applications/receipt_document.h"
#include "applications/web/draft_access.h"
#include "applications/web/web_pages.h"
#include "documents/error.h"
#include "platform/http/http_error.h"

namespace madoguchi::applications {

using platform::http::Request;
using platform::http::Response;

namespace {

// "m•••@example.jp": enough to recognise one's own address, not to learn someone else's.
std::string masked_email(const std::string& email) {
  auto at = email.find('@');
  if (at == std::string::npos || at == 0) return "•••";
  return email.substr(0, 1) + "•••" + email.substr(at);
}

std::optional<Application> submitted_application(const WebDependencies& deps, const Draft& draft) {
  if (!draft.application_id) return std::nullopt;
  return deps.store.find_by_id(*draft.application_id);
}

// The status code the draft's submission was given (kept with its idempotency record).
std::string status_code_of(const WebDependencies& deps, const Draft& draft) {
  auto first = deps.store.replay(draft_submission_key(draft.public_id));
  return first ? first->status_secret : std::string();
}

Response receipt(const WebDependencies& deps, Request& request) {
  auto opened = open_draft(deps, request, true);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<OpenDraft>(opened);
  auto application = submitted_application(deps, open.draft);
  if (!application) return Response::redirect(draft_url(open.draft, "/check"));
  Language language = language_of(request);
  const auto& p = *open.procedure;
  std::string period = p.processing_days == 0
                           ? text(deps, request, "procedure.same_day")
                           : std::to_string(p.processing_days) + text(deps, request, "procedure.business_days");
  return render(deps, request, "citizen/receipt", text(deps, request, "receipt.title"),
                {{"reference", application->reference},
                 {"procedure_name", pick(p.name, language)},
                 {"submitted_at", format_instant(application->submitted_at, language)},
                 {"due_on", application->due_on ? format_iso_date(*application->due_on, language) : std::string()},
                 {"has_due", application->due_on.has_value()},
                 {"period", period},
                 {"processing_note", pick(p.processing_note, language)},
                 {"fee_note", pick(p.fee.note, language)},
                 {"status_code", status_code_of(deps, open.draft)},
                 {"counter_channel", application->channel == "counter"},
                 {"email", application->contact_email ? masked_email(*application->contact_email) : std::string()},
                 {"has_email", application->contact_email.has_value()},
                 {"pdf_href", draft_url(open.draft, "/receipt.pdf")},
                 {"status_href", "/status/" + application->reference}});
}

}  // namespace

Response receipt_pdf_response(const WebDependencies& deps, const Application& application,
                              const std::string& status_code) {
  const auto* procedure = deps.catalogue.find(application.procedure_id);
  if (!procedure) throw platform::http::not_found();
  std::string pdf;
  try {
    pdf = render_receipt_pdf(application, *procedure, deps.catalogue.directory(), deps.public_url, status_code);
  } catch (const documents::DocumentError& e) {
    throw platform::http::HttpError(500, "receipt_unavailable", "受付票を作成できませんでした。" + e.message_ja(),
                                    "The receipt could not be made. " + e.message_en());
  }
  auto response = Response::text(200, std::move(pdf), "application/pdf");
  response.headers.set("Content-Disposition", "attachment; filename=\"receipt-" + application.reference + ".pdf\"");
  return response;
}

namespace {

Response receipt_pdf(const WebDependencies& deps, Request& request) {
  auto opened = open_draft(deps, request, true);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  const auto& draft = std::get<OpenDraft>(opened).draft;
  auto application = submitted_application(deps, draft);
  if (!application) throw platform::http::not_found();
  return receipt_pdf_response(deps, *application, status_code_of(deps, draft));
}

}  // namespace

void register_receipt_pages(platform::http::Router& router, const WebDependencies& deps) {
  router.get("/apply/{draft}/receipt", [&deps](Request& r) { return receipt(deps, r); });
  router.get("/apply/{draft}/receipt.pdf", [&deps](Request& r) { return receipt_pdf(deps, r); });
}

}  // namespace madoguchi::applications
