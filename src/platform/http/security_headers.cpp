#include "platform/http/security_headers.h"

namespace madoguchi::platform::http {

Middleware security_headers(std::vector<std::string> connect_sources) {
  std::string connect = "'self'";
  for (const auto& source : connect_sources) connect += " " + source;
  std::string policy =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
      "font-src 'self'; connect-src " + connect + "; media-src 'self' blob:; object-src 'none'; base-uri 'none'; "
      "form-action 'self'; frame-ancestors 'none'";
  return [policy](Request& request, const Handler& next) {
    Response response = next(request);
    auto& h = response.headers;
    h.set("Content-Security-Policy", policy);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(self), geolocation=(), microphone=(), payment=()");
    if (!h.has("Cache-Control")) h.set("Cache-Control", "no-store");
    return response;
  };
}

}  // namespace madoguchi::platform::http
