// CSRF protection for form posts, without server state: a random cookie
// (HttpOnly, SameSite=Strict, set the first time a page asks for a token)
// and a form field `_csrf` that must equal the cookie's HMAC under the server key. Unsafe requests are checked unless
// they are JSON (browsers cannot send that cross-site without CORS) or are
// API calls carrying no session cookie (no ambient authority to abuse).
#pragma once

#include <string>
#include <vector>

#include "platform/http/router.h"

namespace madoguchi::platform::web {

class Csrf {
 public:
  Csrf(std::vector<uint8_t> key, bool secure_cookies, std::string session_cookie_name);

  http::Middleware middleware() const;
  // The token to put in this request's forms; empty outside the middleware.
  static std::string token(const http::Request& request);
  std::string token_for(const std::string& cookie_value) const;

 private:
  std::vector<uint8_t> key_;
  bool secure_;
  std::string session_cookie_;
};

}  // namespace madoguchi::platform::web
