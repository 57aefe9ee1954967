// The signed-in staff member's own pages: /staff (what they may do, with the
// links other modules contribute), /staff/password (change it; other
// sessions end) and /staff/totp (set up an authenticator app, or turn it off).
// Every role may open them.
#pragma once

#include "identity/web/web_context.h"
#include "platform/http/router.h"

namespace madoguchi::identity {

void register_staff_account_routes(platform::http::Router& router, const IdentityWeb& web);

}  // namespace madoguchi::identity
