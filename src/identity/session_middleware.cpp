#include "identity/session_middleware.h"

#include "identity/principal.h"
#include "platform/web/cookies.h"

namespace madoguchi::identity {

namespace {

bool sets_session_cookie(const platform::http::Response& response) {
  for (const auto& [name, value] : response.headers.fields()) {
    if (platform::http::iequals(name, "Set-Cookie") && value.rfind(std::string(kSessionCookie) + "=", 0) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string session_cookie(std::string_view token, bool secure) {
  platform::web::CookieOptions options;
  options.secure = secure;
  return platform::web::set_cookie(kSessionCookie, token, options);
}

std::string clear_session_cookie(bool secure) {
  platform::web::CookieOptions options;
  options.secure = secure;
  options.max_age_seconds = 0;
  return platform::web::set_cookie(kSessionCookie, "", options);
}

platform::http::Middleware session_middleware(const SessionStore& sessions, const StaffAccounts& staff,
                                              const CitizenAccounts& citizens, bool secure_cookies) {
  return [&sessions, &staff, &citizens, secure_cookies](platform::http::Request& request,
                                                         const platform::http::Handler& next) {
    auto cookie = request.cookie(kSessionCookie);
    if (!cookie || cookie->empty()) return next(request);
    attach_session(request, [&sessions, &staff, &citizens, token = *cookie]() -> std::optional<Principal> {
      auto session = sessions.resolve(token);
      if (!session) return std::nullopt;
      Principal principal{*session, std::nullopt, std::nullopt};
      if (session->kind == SessionKind::staff) {
        auto user = staff.find(session->principal_id);
        if (!user || user->disabled) return std::nullopt;
        principal.staff = std::move(user);
      } else {
        auto account = citizens.find(session->principal_id);
        if (!account || !account->verified) return std::nullopt;
        principal.citizen = std::move(account);
      }
      return principal;
    });
    platform::http::Response response = next(request);
    if (session_lookup_failed(request) && !sets_session_cookie(response)) {
      response.headers.add("Set-Cookie", clear_session_cookie(secure_cookies));
    }
    return response;
  };
}

}  // namespace madoguchi::identity
