// The citizen's end of pre-entry: instead of submitting a counter draft, the
// check page's button asks for a pre-entry code; the page then shows the QR
// code (an image that can be saved), the same code as text, when it expires
// and what to bring. Only the browser holding the draft opens these pages.
#include "applications/display_text.h"
#include "applications/web/draft_access.h"
#include "counter/qr_image.h"
#include "counter/web/counter_web.h"
#include "platform/time.h"

namespace madoguchi::counter {

using platform::http::Request;
using platform::http::Response;

namespace {

std::string expiry_text(const std::string& iso, platform::web::Language language) {
  auto day = platform::tokyo_date(platform::parse_iso_timestamp(iso));
  char text[32];
  std::snprintf(text, sizeof text, language == platform::web::Language::en ? "%04d-%02u-%02u" : "%04d年%u月%u日",
                static_cast<int>(day.year()), static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

// The draft, if it is this browser's counter draft (else the refusal page).
std::variant<applications::OpenDraft, Response> counter_draft(const CounterWeb& web, const Request& request) {
  auto opened = applications::open_draft(web.citizen, request, true);
  if (auto* open = std::get_if<applications::OpenDraft>(&opened)) {
    if (open->draft.channel != "counter") return Response::redirect(applications::draft_url(open->draft, "/check"));
  }
  return opened;
}

Response show(const CounterWeb& web, const Request& request) {
  auto opened = counter_draft(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<applications::OpenDraft>(opened);
  auto language = web.language(request);
  nlohmann::json context = {{"procedure_name", applications::pick(open.procedure->name, language)},
                            {"back_href", applications::draft_url(open.draft, "/check")}};
  nlohmann::json bring = nlohmann::json::array();
  for (const auto& item : open.procedure->bring) bring.push_back(applications::pick(item, language));
  context["bring"] = bring;
  context["has_bring"] = !bring.empty();
  if (auto intake = web.codes.intake_of_draft(open.draft.id); intake || open.draft.application_id) {
    context["taken_in"] = true;
    return web.page(request, "pre_entry", web.text(request, "pre_entry.title"), context);
  }
  auto code = web.codes.outstanding_for_draft(open.draft.id);
  if (!code) {
    context["issue_action"] = applications::draft_url(open.draft, "/pre-entry");
    return web.page(request, "pre_entry", web.text(request, "pre_entry.title"), context);
  }
  context["code"] = code->code.text;
  context["expires"] = expiry_text(code->expires_at, language);
  context["image_href"] = applications::draft_url(open.draft, "/pre-entry/qr.png");
  context["download_href"] = applications::draft_url(open.draft, "/pre-entry/qr.png?download=1");
  return web.page(request, "pre_entry", web.text(request, "pre_entry.title"), context);
}

Response issue(const CounterWeb& web, Request& request) {
  auto opened = counter_draft(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<applications::OpenDraft>(opened);
  if (open.draft.application_id) return Response::redirect(applications::draft_url(open.draft, "/pre-entry"));
  auto answers = applications::current_answers(*open.procedure, open.draft.answers);
  if (!web.citizen.submissions.check(*open.procedure, answers).ok()) {
    return Response::redirect(applications::draft_url(open.draft, "/check"));
  }
  web.codes.issue({open.draft.id});
  return Response::redirect(applications::draft_url(open.draft, "/pre-entry"));
}

Response image(const CounterWeb& web, Request& request) {
  auto opened = counter_draft(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto code = web.codes.outstanding_for_draft(std::get<applications::OpenDraft>(opened).draft.id);
  if (!code) {
    throw platform::http::HttpError(404, "pre_entry_not_issued", "事前入力コードはまだ発行されていません。",
                                    "No pre-entry code has been issued yet.");
  }
  Response response = Response::text(200, qr_png(code->code.text), "image/png");
  if (request.query_param("download")) {
    response.headers.set("Content-Disposition", "attachment; filename=\"madoguchi-pre-entry.png\"");
  }
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

void register_pre_entry_pages(platform::http::Router& router, const CounterWeb& web) {
  router.get("/apply/{draft}/pre-entry", [&web](Request& r) { return show(web, r); });
  router.post("/apply/{draft}/pre-entry", [&web](Request& r) { return issue(web, r); });
  router.get("/apply/{draft}/pre-entry/qr.png", [&web](Request& r) { return image(web, r); });
}

}  // namespace madoguchi::counter
