// The clerk's counter pages: a start page that takes a pre-entry code (the
// PC camera reads the QR in the browser, a USB scanner types it, or the clerk
// types it), the visitor's screen (intake_view.h), corrections with the
// citizen, the card reading the page brings from the card bridge, the
// audited reveal of the individual number, the printed official form, the
// hand-over to the back office and the receipt of each item handed over (its
// reference and status code, for the citizen to follow it). Counter clerks
// only; every read of an intake is audited.
#include <charconv>

#include "applications/receipt_document.h"
#include "counter/card_comparison.h"
#include "counter/form_filling.h"
#include "counter/web/counter_web.h"
#include "counter/web/intake_view.h"
#include "documents/error.h"
#include "identity/principal.h"
#include "platform/http/http_error.h"
#include "platform/http/json_body.h"
#include "platform/time.h"

namespace madoguchi::counter {

using platform::http::HttpError;
using platform::http::Request;
using platform::http::Response;

namespace {

const identity::RoleSet kClerks{identity::Role::counter_clerk};

HttpError intake_not_found() {
  return HttpError(404, "intake_not_found", "この受付は見つかりません。窓口の最初の画面からやり直してください。",
                   "There is no such intake. Start again from the counter's first page.");
}

Intake scoped_intake(const CounterWeb& web, const Request& request) {
  auto intake = web.service.intakes().find(request.param("intake"));
  if (!intake) throw intake_not_found();
  const auto& clerk = *identity::current_staff(request);
  if (!may_open(clerk, *intake)) web.access.deny(request, "counter_intake", intake->public_id, "outside_ward");
  return std::move(*intake);
}

const IntakeItem& item_of(const Intake& intake, const Request& request) {
  std::string text = request.param("item");
  int position = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), position);
  if (ec == std::errc() && end == text.data() + text.size()) {
    for (const auto& item : intake.items) {
      if (item.position == position) return item;
    }
  }
  throw HttpError(404, "item_not_found", "この受付にその手続はありません。", "This intake has no such procedure.");
}

Response start_page(const CounterWeb& web, const Request& request, nlohmann::json context, int status) {
  context["scripts"] = nlohmann::json::array({"/static/vendor/jsqr/jsQR.js", "/static/js/counter.js"});
  return web.page(request, "start", web.text(request, "start.title"), std::move(context), status);
}

Response start(const CounterWeb& web, Request& request) { return start_page(web, request, nlohmann::json::object(), 200); }

std::optional<std::string> visit_reference_of(const std::string& text) {
  std::string trimmed;
  for (char c : text) {
    if (c != ' ' && c != '\t') trimmed.push_back(c);
  }
  if (trimmed.empty()) return std::nullopt;
  return trimmed.substr(0, 40);
}

Response take_in(const CounterWeb& web, Request& request) {
  auto fields = platform::http::parse_urlencoded(request.body);
  std::string code = posted(fields, "code");
  std::string visit = posted(fields, "visit_reference");
  const auto& clerk = *identity::current_staff(request);
  auto outcome = web.service.take_in(code, clerk, visit_reference_of(visit), identity::audit_actor(request));
  if (auto* intake = std::get_if<Intake>(&outcome)) {
    return Response::redirect("/staff/counter/intakes/" + intake->public_id);
  }
  const auto& refusal = std::get<IntakeRefusal>(outcome);
  static const char* kProblems[] = {"malformed", "other_installation", "forged", "unknown", "expired", "used", "replaced"};
  std::string problem = kProblems[static_cast<int>(refusal.problem)];
  web.audit.record(identity::audit_entry_for(request, "counter_code_refused", "pre_entry_code", "",
                                             {{"reason", problem}}));
  nlohmann::json context = {{"error", web.text(request, "refusal." + problem)},
                            {"visit_reference", visit}};
  return start_page(web, request, context, 422);
}

Response show(const CounterWeb& web, const Request& request, const Intake& intake,
              const std::map<int64_t, ItemNotice>& notices, int status, const std::string& notice = "") {
  nlohmann::json view = intake_view(web, request, intake, notices);
  if (!notice.empty()) view["notice"] = web.text(request, "notices." + notice);
  view["scripts"] = nlohmann::json::array({"/static/js/counter.js"});
  return web.page(request, "intake", web.text(request, "intake.title"), std::move(view), status);
}

Response intake_page(const CounterWeb& web, Request& request) {
  Intake intake = scoped_intake(web, request);
  web.audit.record(identity::audit_entry_for(request, "counter_intake_viewed", "counter_intake", intake.public_id));
  std::string notice;
  if (auto n = request.query_param("notice")) {
    for (const char* known : {"corrected", "card_read", "identity", "submitted", "visit"}) {
      if (*n == known) notice = known;
    }
  }
  return show(web, request, intake, {}, 200, notice);
}

int row_version_of(const platform::http::FormFields& fields) {
  std::string text = posted(fields, "row_version");
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw platform::http::bad_request("row_version_missing", "フォームが古いか壊れています。画面を開き直してください。",
                                      "The form is out of date or damaged. Open the page again.");
  }
  return value;
}

Response correction(const CounterWeb& web, Request& request, bool from_card) {
  Intake intake = scoped_intake(web, request);
  const IntakeItem& item = item_of(intake, request);
  auto fields = platform::http::parse_urlencoded(request.body);
  std::string field = posted(fields, "field");
  std::string value = posted(fields, "value");
  if (from_card) {
    if (!intake.card_items) throw HttpError(409, "card_not_read", "カードがまだ読み取られていません。", "The card has not been read yet.");
    const auto* procedure = web.citizen.catalogue.find(item.procedure_id);
    value.clear();
    if (procedure) {
      for (const auto& row : compare_with_card(*procedure, item.answers, card_items_from_json(*intake.card_items))) {
        if (row.field_id == field) value = row.card_value;
      }
    }
    if (value.empty()) throw HttpError(422, "no_card_value", "その項目はカードから取れません。", "The card has no value for that question.");
  }
  auto outcome = web.service.correct(intake, item, field, value, row_version_of(fields), identity::audit_actor(request),
                                     from_card ? "card" : "clerk");
  const std::string base = "/staff/counter/intakes/" + intake.public_id;
  switch (outcome.kind) {
    case CorrectionOutcome::Kind::saved:
      return Response::redirect(base + "?notice=corrected#item-" + std::to_string(item.position));
    case CorrectionOutcome::Kind::stale:
      return show(web, request, intake, {{item.id, {{}, web.text(request, "notices.stale")}}}, 409);
    case CorrectionOutcome::Kind::unknown_field:
      return show(web, request, intake, {{item.id, {{}, web.text(request, "notices.unknown_field")}}}, 422);
    case CorrectionOutcome::Kind::invalid:
      break;
  }
  return show(web, request, intake, {{item.id, {outcome.errors, web.text(request, "notices.invalid")}}}, 422);
}

Response card_reading(const CounterWeb& web, Request& request) {
  Intake intake = scoped_intake(web, request);
  const auto& clerk = *identity::current_staff(request);
  nlohmann::json reading = platform::http::parse_json_body(request);
  try {
    web.service.record_card(intake, reading, clerk, identity::audit_actor(request));
  } catch (const CardDataError& e) {
    throw HttpError(422, "card_" + e.code(), e.message_ja(), e.message_en());
  }
  return Response::json(200, {{"location", "/staff/counter/intakes/" + intake.public_id + "?notice=card_read"}});
}

Response identity_check(const CounterWeb& web, Request& request) {
  Intake intake = scoped_intake(web, request);
  auto fields = platform::http::parse_urlencoded(request.body);
  std::string document = posted(fields, "identity_document");
  if (document != "mynumber_card" && document != "driving_licence" && document != "other") {
    return show(web, request, intake, {}, 422, "identity_missing");
  }
  web.service.intakes().record_identity(
      intake.id, document,
      identity::audit_entry_for(request, "counter_identity_checked", "counter_intake", intake.public_id,
                                {{"document", document}}));
  return Response::redirect("/staff/counter/intakes/" + intake.public_id + "?notice=identity");
}

Response visit(const CounterWeb& web, Request& request) {
  Intake intake = scoped_intake(web, request);
  auto fields = platform::http::parse_urlencoded(request.body);
  web.service.intakes().record_visit(
      intake.id, visit_reference_of(posted(fields, "visit_reference")),
      identity::audit_entry_for(request, "counter_visit_recorded", "counter_intake", intake.public_id));
  return Response::redirect("/staff/counter/intakes/" + intake.public_id + "?notice=visit");
}

Response reveal_number(const CounterWeb& web, Request& request) {
  Intake intake = scoped_intake(web, request);
  auto number = web.vault.reveal(intake.id);
  if (!number) throw HttpError(404, "no_individual_number", "この受付では個人番号を読み取っていません。", "No individual number was read for this intake.");
  web.audit.record(identity::audit_entry_for(request, "individual_number_revealed", "counter_intake", intake.public_id));
  std::string grouped = number->substr(0, 4) + " " + number->substr(4, 4) + " " + number->substr(8, 4);
  return web.page(request, "number", web.text(request, "number.title"),
                  {{"number", grouped}, {"intake_href", "/staff/counter/intakes/" + intake.public_id}});
}

Response submit(const CounterWeb& web, Request& request) {
  Intake intake = scoped_intake(web, request);
  if (!intake.identity_document) return show(web, request, intake, {}, 422, "identity_missing");
  const auto& clerk = *identity::current_staff(request);
  auto results = web.service.submit(intake, clerk, identity::audit_actor(request));
  std::map<int64_t, ItemNotice> notices;
  for (const auto& r : results) {
    if (!r.errors.empty()) notices[r.item_id] = {r.errors, web.text(request, "notices.invalid")};
    if (r.refused) notices[r.item_id] = {{}, web.text(request, "notices.refused")};
  }
  if (notices.empty()) return Response::redirect("/staff/counter/intakes/" + intake.public_id + "?notice=submitted");
  auto fresh = web.service.intakes().find(intake.public_id);
  return show(web, request, fresh ? *fresh : intake, notices, 422);
}

// The official forms of `items` (those with a layout) as one PDF; audited per form.
Response official_forms(const CounterWeb& web, const Request& request, const Intake& intake,
                        const std::vector<const IntakeItem*>& items, const std::string& filename) {
  documents::OfficialFormModel model{"", web.city, {}};
  for (const auto* item : items) {
    const auto* procedure = web.citizen.catalogue.find(item->procedure_id);
    auto layout = web.layouts.find(item->procedure_id);
    if (!procedure || layout == web.layouts.end()) continue;
    FillSources sources{platform::today_in_tokyo(), item->reference.value_or(""), std::nullopt};
    if (layout->second.individual_number) sources.individual_number = web.vault.reveal(intake.id);
    web.audit.record(identity::audit_entry_for(request, "counter_form_printed", "counter_intake", intake.public_id,
                                               {{"procedure", item->procedure_id},
                                                {"form", layout->second.id},
                                                {"individual_number", sources.individual_number.has_value()}}));
    model.title += (model.title.empty() ? "" : "・") + layout->second.title;
    model.pages.push_back(fill_form(layout->second, *procedure, item->answers, sources));
  }
  if (model.pages.empty()) {
    throw HttpError(404, "no_official_form", "この手続には印刷する様式がありません。", "This procedure has no official form to print.");
  }
  try {
    auto pdf = documents::render_official_form(model);
    Response response = Response::text(200, pdf.bytes, "application/pdf");
    response.headers.set("Content-Disposition", "inline; filename=\"" + filename + ".pdf\"");
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  } catch (const documents::DocumentError& e) {
    throw HttpError(422, "form_does_not_print", e.message_ja(), e.message_en());
  }
}

Response official_form(const CounterWeb& web, Request& request) {
  Intake intake = scoped_intake(web, request);
  const IntakeItem& item = item_of(intake, request);
  auto layout = web.layouts.find(item.procedure_id);
  return official_forms(web, request, intake, {&item}, layout == web.layouts.end() ? "form" : layout->second.id);
}

Response all_forms(const CounterWeb& web, Request& request) {
  Intake intake = scoped_intake(web, request);
  std::vector<const IntakeItem*> items;
  for (const auto& item : intake.items) items.push_back(&item);
  return official_forms(web, request, intake, items, "forms");
}

// The receipt PDF of an item handed over, with its status code, to give the citizen.
Response receipt(const CounterWeb& web, Request& request) {
  Intake intake = scoped_intake(web, request);
  const IntakeItem& item = item_of(intake, request);
  auto application = item.application_id ? web.citizen.store.find_by_id(*item.application_id) : std::nullopt;
  const auto* procedure = application ? web.citizen.catalogue.find(application->procedure_id) : nullptr;
  if (!procedure) {
    throw HttpError(404, "not_submitted", "この手続はまだ受け付けていません。", "This procedure has not been handed over yet.");
  }
  auto first = web.citizen.store.replay(counter_submission_key(item.id));
  web.audit.record(identity::audit_entry_for(request, "counter_receipt_printed", "application", application->reference,
                                             {{"intake", intake.public_id}}));
  try {
    auto pdf = applications::render_receipt_pdf(*application, *procedure, web.citizen.catalogue.directory(),
                                                web.citizen.public_url, first ? first->status_secret : "");
    Response response = Response::text(200, std::move(pdf), "application/pdf");
    response.headers.set("Content-Disposition", "inline; filename=\"receipt-" + application->reference + ".pdf\"");
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  } catch (const documents::DocumentError& e) {
    throw HttpError(422, "receipt_does_not_print", e.message_ja(), e.message_en());
  }
}

}  // namespace

void register_intake_pages(platform::http::Router& router, const CounterWeb& web) {
  auto clerk = [&web](std::function<Response(const CounterWeb&, Request&)> handler) {
    return web.access.require_staff([&web, handler](Request& r) { return handler(web, r); }, kClerks);
  };
  router.get("/staff/counter", clerk(start));
  router.post("/staff/counter/intakes", clerk(take_in));
  router.get("/staff/counter/intakes/{intake}", clerk(intake_page));
  router.post("/staff/counter/intakes/{intake}/items/{item}/answers",
              clerk([](const CounterWeb& w, Request& r) { return correction(w, r, false); }));
  router.post("/staff/counter/intakes/{intake}/items/{item}/card",
              clerk([](const CounterWeb& w, Request& r) { return correction(w, r, true); }));
  router.get("/staff/counter/intakes/{intake}/items/{item}/form.pdf", clerk(official_form));
  router.get("/staff/counter/intakes/{intake}/forms.pdf", clerk(all_forms));
  router.get("/staff/counter/intakes/{intake}/items/{item}/receipt.pdf", clerk(receipt));
  router.post("/staff/counter/intakes/{intake}/card", clerk(card_reading));
  router.post("/staff/counter/intakes/{intake}/identity", clerk(identity_check));
  router.post("/staff/counter/intakes/{intake}/visit", clerk(visit));
  router.post("/staff/counter/intakes/{intake}/number", clerk(reveal_number));
  router.post("/staff/counter/intakes/{intake}/submit", clerk(submit));
}

}  // namespace madoguchi::counter
