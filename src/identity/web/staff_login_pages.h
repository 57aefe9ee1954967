// Staff sign-in pages: /staff/login (login name and password), then
// /staff/login/code when the account uses TOTP, and /staff/logout (a
// confirmation page and the POST that ends the session). A refused sign-in
// says the same thing whatever the reason.
#pragma once

#include "identity/web/web_context.h"
#include "platform/http/router.h"

namespace madoguchi::identity {

void register_staff_login_routes(platform::http::Router& router, const IdentityWeb& web);

}  // namespace madoguchi::identity
