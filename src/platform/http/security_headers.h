// Security headers for every response: a strict Content-Security-Policy (no
// inline script or style, nothing from other origins), no sniffing, no
// framing, no referrer leaks, and no caching of personal pages by default.
#pragma once

#include "platform/http/router.h"

namespace madoguchi::platform::http {

Middleware security_headers();

}  // namespace madoguchi::platform::http
