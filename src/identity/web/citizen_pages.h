// Citizen account pages: /account/register (then /account/register/sent),
// /account/verify/{token} (the mailed link: confirms at once),
// /account/login, /account/logout, /account/forgot (then
// /account/forgot/sent) and /account/reset/{token} (the mailed link: swaps the
// token for a cookie and continues at /account/reset). None of them tells
// whether an address is registered.
#pragma once

#include "identity/web/web_context.h"
#include "platform/http/router.h"

namespace madoguchi::identity {

void register_citizen_routes(platform::http::Router& router, const IdentityWeb& web);

}  // namespace madoguchi::identity
