// Security headers for every response: a strict Content-Security-Policy (no
// inline script or style, nothing from other origins), no sniffing, no
// framing, no referrer leaks, and no caching of personal pages by default.
// `connect_sources` are origins pages may also fetch from (the counter PC's
// card bridge on 127.0.0.1).
#pragma once

#include <string>
#include <vector>

#include "platform/http/router.h"

namespace madoguchi::platform::http {

Middleware security_headers(std::vector<std::string> connect_sources = {});

}  // namespace madoguchi::platform::http
