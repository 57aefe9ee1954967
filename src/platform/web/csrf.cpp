#include "platform/web/csrf.h"

#include "platform/crypto.h"
#include "platform/http/http_error.h"
#include "platform/http/multipart.h"
#include "platform/http/url.h"
#include "platform/web/cookies.h"

namespace madoguchi::platform::web {

namespace {

const char* kCookie = "mdg_csrf";
const char* kTokenKey = "madoguchi.csrf_token";

bool is_unsafe(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

std::string submitted_token(const http::Request& request) {
  if (auto header = request.header("X-CSRF-Token")) return std::string(*header);
  if (request.has_content_type("application/x-www-form-urlencoded")) {
    for (const auto& [key, value] : http::parse_urlencoded(request.body)) {
      if (key == "_csrf") return value;
    }
  } else if (request.has_content_type("multipart/form-data")) {
    try {
      for (const auto& part : http::parse_multipart(request.body, http::multipart_boundary(request))) {
        if (part.name == "_csrf" && part.filename.empty()) return part.data;
      }
    } catch (const http::HttpError&) {
      return {};
    }
  }
  return {};
}

}  // namespace

Csrf::Csrf(std::vector<uint8_t> key, bool secure_cookies, std::string session_cookie_name)
    : key_(std::move(key)), secure_(secure_cookies), session_cookie_(std::move(session_cookie_name)) {}

std::string Csrf::token_for(const std::string& cookie_value) const { return crypto::mac(key_, "csrf:" + cookie_value); }

// Per-request CSRF state: the cookie's value, minted only when a page asks
// for a token, so API calls and plain GETs never pay for it.
struct CsrfState {
  const Csrf* csrf = nullptr;
  std::string cookie;
  bool minted = false;
};

std::string Csrf::token(const http::Request& request) {
  auto* state = request.attribute<std::shared_ptr<CsrfState>>(kTokenKey);
  if (!state) return {};
  auto& s = **state;
  if (s.cookie.empty()) {
    s.cookie = crypto::random_token(24);
    s.minted = true;
  }
  return s.csrf->token_for(s.cookie);
}

http::Middleware Csrf::middleware() const {
  return [this](http::Request& request, const http::Handler& next) {
    auto cookie = request.cookie(kCookie);
    bool valid_cookie = cookie && cookie->size() >= 20;
    // Unmatched requests end in 404/405 anyway; only real handlers need the check.
    if (is_unsafe(request.method) && !request.route.empty()) {
      bool is_api = request.path.rfind("/api/", 0) == 0;
      bool exempt = request.has_content_type("application/json") || (is_api && !request.cookie(session_cookie_));
      if (!exempt && (!valid_cookie || !crypto::constant_time_equal(submitted_token(request), token_for(*cookie)))) {
        throw http::HttpError(403, "csrf_failed",
                              "画面の有効期限が切れたか、正しくない送信です。ページを読み込み直して、もう一度送信してください。",
                              "This form has expired or was not sent from our site. Reload the page and send it again.");
      }
    }
    auto state = std::make_shared<CsrfState>();
    state->csrf = this;
    if (valid_cookie) state->cookie = *cookie;
    request.set_attribute(kTokenKey, state);
    http::Response response = next(request);
    if (state->minted) {
      CookieOptions options;
      options.same_site = "Strict";
      options.secure = secure_;
      response.headers.add("Set-Cookie", set_cookie(kCookie, state->cookie, options));
    }
    return response;
  };
}

}  // namespace madoguchi::platform::web
