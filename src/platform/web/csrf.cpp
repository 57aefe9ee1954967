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
constexpr size_t kMinPreSessionId = 20;

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

bool sets_cookie(const http::Response& response, const std::string& name) {
  for (const auto& [field, value] : response.headers.fields()) {
    if (http::iequals(field, "Set-Cookie") && value.rfind(name + "=", 0) == 0) return true;
  }
  return false;
}

}  // namespace

Csrf::Csrf(std::vector<uint8_t> key, bool secure_cookies, std::string session_cookie_name, SessionCheck session_is_live)
    : key_(std::move(key)),
      secure_(secure_cookies),
      session_cookie_(std::move(session_cookie_name)),
      session_is_live_(std::move(session_is_live)) {}

std::string Csrf::token_for_session(std::string_view session_token) const {
  return crypto::mac(key_, "csrf:session:" + std::string(session_token));
}

std::string Csrf::token_for_visitor(std::string_view pre_session_id) const {
  return crypto::mac(key_, "csrf:visitor:" + std::string(pre_session_id));
}

// Per-request CSRF state: the session cookie and the pre-session id, the
// latter minted only when a page asks for a token, so API calls and plain
// GETs never pay for it.
struct CsrfState {
  const Csrf* csrf = nullptr;
  std::string session;
  std::string visitor;
  bool minted = false;
  bool issued = false;  // a token went into this response
};

std::string Csrf::token(const http::Request& request) {
  auto* state = request.attribute<std::shared_ptr<CsrfState>>(kTokenKey);
  if (!state) return {};
  auto& s = **state;
  s.issued = true;
  if (!s.session.empty() && (!s.csrf->session_is_live_ || s.csrf->session_is_live_(request))) {
    return s.csrf->token_for_session(s.session);
  }
  if (s.visitor.empty()) {
    s.visitor = crypto::random_token(24);
    s.minted = true;
  }
  return s.csrf->token_for_visitor(s.visitor);
}

http::Middleware Csrf::middleware() const {
  return [this](http::Request& request, const http::Handler& next) {
    auto session = request.cookie(session_cookie_);
    bool has_session = session && !session->empty();
    auto visitor = request.cookie(kCookie);
    bool valid_visitor = visitor && visitor->size() >= kMinPreSessionId;
    // Unmatched requests end in 404/405 anyway; only real handlers need the check.
    if (is_unsafe(request.method) && !request.route.empty()) {
      bool is_api = request.path.rfind("/api/", 0) == 0;
      bool exempt = request.has_content_type("application/json") || (is_api && !has_session);
      std::string expected = has_session     ? token_for_session(*session)
                             : valid_visitor ? token_for_visitor(*visitor)
                                             : std::string();
      if (!exempt && (expected.empty() || !crypto::constant_time_equal(submitted_token(request), expected))) {
        throw http::HttpError(403, "csrf_failed",
                              "画面の有効期限が切れたか、正しくない送信です。ページを読み込み直して、もう一度送信してください。",
                              "This form has expired or was not sent from our site. Reload the page and send it again.");
      }
    }
    auto state = std::make_shared<CsrfState>();
    state->csrf = this;
    if (has_session) state->session = *session;
    if (valid_visitor) state->visitor = *visitor;
    request.set_attribute(kTokenKey, state);
    http::Response response = next(request);
    if (sets_cookie(response, session_cookie_) && !state->issued) {
      state->visitor = crypto::random_token(24);
      state->minted = true;
    }
    if (state->minted) {
      CookieOptions options;
      options.same_site = "Strict";
      options.secure = secure_;
      response.headers.add("Set-Cookie", set_cookie(kCookie, state->visitor, options));
    }
    return response;
  };
}

}  // namespace madoguchi::platform::web
