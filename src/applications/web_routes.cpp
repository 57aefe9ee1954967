#include "applications/web_routes.h"

#include "applications/web/web_pages.h"

namespace madoguchi::applications {

void register_web_routes(platform::http::Router& router, const WebDependencies& deps) {
  register_catalogue_pages(router, deps);
  register_form_pages(router, deps);
  register_check_pages(router, deps);
  register_draft_pages(router, deps);
  register_receipt_pages(router, deps);
  register_status_pages(router, deps);
  register_account_page(router, deps);
}

}  // namespace madoguchi::applications
