// The visit's pre-entry code, from the citizen's list: issuing it for every ready counter
// procedure (the same code while that set stands; a new one, replacing it, when the set changed)
// and its QR image (private, not stored by caches). Only the browser holding the bundle reaches
// either; the list page and its printable copy show the code.
#include "lifeevents/web/pages.h"
#include "lifeevents/web/visit_code.h"
#include "platform/http/http_error.h"

namespace madoguchi::lifeevents {

namespace {

Response issue(const LifeEventsWeb& web, Request& request) {
  auto opened = open_bundle(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<OpenBundle>(opened);
  const auto citizen = applications::citizen_id(request);
  auto created = web.service.sync(open.bundle, citizen);
  if (auto again = web.bundles.find(open.bundle.public_id)) open.bundle = std::move(*again);
  const auto ready = BundleService::ready_counter_drafts(web.service.state(open.bundle, citizen));
  const std::string list = BundleService::list_path(open.bundle);
  if (!ready.empty()) web.counter.issue_pre_entry(ready);
  auto response = Response::redirect(ready.empty() ? list + "?code=none" : list + "#counter-qr");
  for (const auto& draft : created) response.headers.add("Set-Cookie", draft_cookie(web, draft.draft, draft.token));
  return response;
}

Response image(const LifeEventsWeb& web, Request& request) {
  auto opened = open_bundle(web, request);
  if (auto* refusal = std::get_if<Response>(&opened)) return std::move(*refusal);
  auto& open = std::get<OpenBundle>(opened);
  auto code = current_visit_code(web, web.service.state(open.bundle, applications::citizen_id(request)));
  if (!code) {
    throw platform::http::HttpError(404, "visit_code_not_issued", "窓口で見せるQRコードはまだ表示していません。",
                                    "No QR code for the counter has been issued for this list yet.");
  }
  Response response = Response::text(200, counter::CounterModule::pre_entry_qr_png(code->code), "image/png");
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

void register_visit_code_pages(platform::http::Router& router, const LifeEventsWeb& web) {
  router.post("/onestop/b/{bundle}/qr", [&web](Request& r) { return issue(web, r); });
  router.get("/onestop/b/{bundle}/qr.png", [&web](Request& r) { return image(web, r); });
}

}  // namespace madoguchi::lifeevents
