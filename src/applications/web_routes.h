// The citizen web (行かない窓口): server-rendered pages to find a procedure,
// apply online one page at a time, save and resume a draft, get a receipt
// (page, PDF and e-mail) and follow the application's status, in Japanese,
// English and easy Japanese. Every flow works with JavaScript off (form
// posts answered with Post/Redirect/Get); scripts under /static/js only
// enhance. See web/web_pages.h for the routes.
#pragma once

#include "applications/web/web_support.h"
#include "platform/http/router.h"

namespace madoguchi::applications {

// `deps` must outlive the router.
void register_web_routes(platform::http::Router& router, const WebDependencies& deps);

}  // namespace madoguchi::applications
