// The groups of citizen web routes, each registered by its own file:
// catalogue pages (home, search, lists, a procedure, accessibility,
// contact), the form flow (start, pages, check, submit), saving and
// resuming drafts, receipts, the status look-up and the account page.
#pragma once

#include "applications/web/web_support.h"
#include "platform/http/router.h"

namespace madoguchi::applications {

void register_catalogue_pages(platform::http::Router& router, const WebDependencies& deps);
void register_form_pages(platform::http::Router& router, const WebDependencies& deps);
void register_check_pages(platform::http::Router& router, const WebDependencies& deps);
void register_draft_pages(platform::http::Router& router, const WebDependencies& deps);
void register_receipt_pages(platform::http::Router& router, const WebDependencies& deps);
void register_status_pages(platform::http::Router& router, const WebDependencies& deps);
void register_account_page(platform::http::Router& router, const WebDependencies& deps);

// The receipt PDF of an application as a download (the caller has checked
// access), with its status code when the caller may show it (the submitting browser).
platform::http::Response receipt_pdf_response(const WebDependencies& deps, const Application& application,
                                              const std::string& status_code = {});

}  // namespace madoguchi::applications
