#include "identity/web/web_context.h"

#include "identity/session_middleware.h"

namespace madoguchi::identity {

platform::web::Language IdentityWeb::language(const platform::http::Request& request) const {
  return platform::web::request_language(request);
}

std::string IdentityWeb::text(const platform::http::Request& request, std::string_view key) const {
  return pages.messages().text(language(request), "identity." + std::string(key));
}

platform::http::Response IdentityWeb::page(const platform::http::Request& request, const std::string& name,
                                           std::string_view title_key, nlohmann::json context, int status) const {
  context["title"] = text(request, title_key);
  if (!context.contains("has_errors")) context["has_errors"] = false;
  return pages.page(request, "identity/" + name, std::move(context), status);
}

void IdentityWeb::add_notice(const platform::http::Request& request, nlohmann::json& context,
                             std::initializer_list<std::string_view> allowed) const {
  auto key = request.query_param("notice");
  if (!key) return;
  for (auto candidate : allowed) {
    if (*key == candidate) context["notice"] = text(request, "notices." + *key);
  }
}

platform::http::Response IdentityWeb::redirect_with_session(std::string_view location, std::string_view token) const {
  auto response = platform::http::Response::redirect(location);
  response.headers.add("Set-Cookie",
                       token.empty() ? clear_session_cookie(secure_cookies) : session_cookie(token, secure_cookies));
  return response;
}

}  // namespace madoguchi::identity
