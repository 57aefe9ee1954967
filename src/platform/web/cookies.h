// Set-Cookie values with safe defaults: HttpOnly, SameSite=Lax, Path=/, and
// Secure whenever the site is served over https.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::platform::web {

struct CookieOptions {
  std::optional<long> max_age_seconds;  // none: a browser-session cookie; 0 deletes
  bool http_only = true;
  std::string same_site = "Lax";  // Strict, Lax
  bool secure = false;
  std::string path = "/";
};

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace madoguchi::platform::web
