// CSRF protection for form posts, with no state in any process: a form
// carries `_csrf`, a MAC under the server's key (keys/csrf.key, the same on
// every node) of the browser's session — the session cookie's token when the
// session is live, else an anonymous pre-session id kept in its own cookie
// (mdg_csrf: random, HttpOnly, SameSite=Strict, minted the first time a page
// asks for a token). A token therefore works only with the session it was
// made for: a token and cookie planted by someone else do not work for a
// signed-in browser, and signing in or out (a response that sets or clears
// the session cookie and hands out no token) also gives the browser a new
// pre-session id, so no token from before works after. Unsafe requests are
// checked unless they are JSON (browsers cannot send that cross-site without
// CORS) or API calls carrying no session cookie (no ambient authority).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/router.h"

namespace madoguchi::platform::web {

class Csrf {
 public:
  // Whether the request's session cookie names a live session (asked only by
  // handlers, after the session middleware): a stale cookie gets visitor
  // tokens. Without one, any session cookie counts as live.
  using SessionCheck = std::function<bool(const http::Request&)>;

  Csrf(std::vector<uint8_t> key, bool secure_cookies, std::string session_cookie_name,
       SessionCheck session_is_live = {});

  http::Middleware middleware() const;
  // The token to put in this request's forms; empty outside the middleware.
  static std::string token(const http::Request& request);
  std::string token_for_session(std::string_view session_token) const;
  std::string token_for_visitor(std::string_view pre_session_id) const;

 private:
  std::vector<uint8_t> key_;
  bool secure_;
  std::string session_cookie_;
  SessionCheck session_is_live_;
};

}  // namespace madoguchi::platform::web
