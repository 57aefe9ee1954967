// The applicant's side of case work, under /status/{reference} so the
// status cookie reaches it: the correction page (only the questions staff
// named can be changed; resubmitting keeps both versions), and the signed
// notice as a PDF. Only the applicant may open either — the signed-in owner
// of the application, or a browser the status look-up granted it to; anyone
// else is refused (403) and the attempt audited — up to ten refusals per
// client in 15 minutes; past that 429 and one `access_denied_limited` entry,
// so the audit log cannot be flooded. add_status_notice() gives
// the citizen web's status page what to say about a correction request or an
// issued notice, with the links (partial casework/status_notice).
#pragma once

#include "casework/web/casework_web.h"
#include "platform/http/router.h"
#include "platform/web/page_renderer.h"

namespace madoguchi::casework {

void register_citizen_pages(platform::http::Router& router, const CaseworkWeb& web);

// A page context provider: on /status/{reference}, when the viewer is the applicant,
// sets context["casework"] = {correction: {message, fields, href}?, notice: {title, href}?}.
void add_status_notice(const CaseworkWeb& web, const platform::http::Request& request, nlohmann::json& context);

}  // namespace madoguchi::casework
