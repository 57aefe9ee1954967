#include "platform/web/cookies.h"

namespace madoguchi::platform::web {

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& o) {
  std::string out(name);
  out += "=";
  out += value;
  out += "; Path=" + o.path;
  if (o.max_age_seconds) out += "; Max-Age=" + std::to_string(*o.max_age_seconds);
  if (o.http_only) out += "; HttpOnly";
  out += "; SameSite=" + o.same_site;
  if (o.secure) out += "; Secure";
  return out;
}

}  // namespace madoguchi::platform::web
