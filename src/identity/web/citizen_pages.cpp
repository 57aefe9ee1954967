#include "identity/web/citizen_pages.h"

#include "identity/password_policy.h"
#include "identity/principal.h"
#include "identity/web/form.h"
#include "platform/web/cookies.h"

namespace madoguchi::identity {

namespace {

using platform::http::Request;
using platform::http::Response;

constexpr const char* kResetCookie = "mdg_reset";

std::string password_hint(const IdentityWeb& web, const Request& request) {
  std::string hint = web.text(request, "account_register.password_hint");
  auto at = hint.find("{limit}");
  if (at != std::string::npos) hint.replace(at, 7, std::to_string(kCitizenPasswordMinimum));
  return hint;
}

std::string reset_cookie(const IdentityWeb& web, std::string_view token, long max_age) {
  platform::web::CookieOptions options;
  options.secure = web.secure_cookies;
  options.path = "/account/reset";
  options.max_age_seconds = max_age;
  return platform::web::set_cookie(kResetCookie, token, options);
}

Response with_errors(const IdentityWeb& web, const Request& request, const std::string& name, std::string_view title,
                     nlohmann::json context, const std::vector<FieldProblem>& problems) {
  FormErrors errors(web.pages.messages(), web.language(request));
  for (const auto& problem : problems) errors.add(problem);
  errors.into(context);
  return web.page(request, name, title, std::move(context), 422);
}

Response login_form(const IdentityWeb& web, const Request& request, nlohmann::json context, int status = 200) {
  web.add_notice(request, context, {"signed_out", "verified", "password_reset"});
  return web.page(request, "account_login", "account_login.title", std::move(context), status);
}

Response link_invalid(const IdentityWeb& web, const Request& request, std::string_view kind) {
  nlohmann::json context = {{"again_href", kind == "verify" ? "/account/register" : "/account/forgot"},
                            {"message", web.text(request, std::string("link_invalid.") + std::string(kind))}};
  return web.page(request, "account_link_invalid", "link_invalid.title", std::move(context), 410);
}

void register_registration(platform::http::Router& router, const IdentityWeb& web) {
  router.get("/account/register", [&web](Request& request) {
    return web.page(request, "account_register", "account_register.title",
                    {{"hint", password_hint(web, request)}, {"values", {{"email", ""}}}});
  });
  router.post("/account/register", [&web](Request& request) {
    FormInput form(request);
    std::string email = form.value("email");
    auto problems =
        web.citizens.register_account(email, form.value("password"), form.value("confirm_password"), audit_actor(request));
    if (!problems.empty()) {
      return with_errors(web, request, "account_register", "account_register.title",
                         {{"hint", password_hint(web, request)}, {"values", {{"email", email}}}}, problems);
    }
    return Response::redirect("/account/register/sent");
  });
  router.get("/account/register/sent", [&web](Request& request) {
    return web.page(request, "account_register_sent", "account_register_sent.title", nlohmann::json::object());
  });
  router.get("/account/verify/{token}", [&web](Request& request) {
    if (!web.citizens.verify_email(request.param("token"), audit_actor(request))) {
      return link_invalid(web, request, "verify");
    }
    return Response::redirect("/account/login?notice=verified");
  });
}

void register_sign_in(platform::http::Router& router, const IdentityWeb& web) {
  router.get("/account/login", [&web](Request& request) {
    std::string next = safe_next(request.query_param("next"), web.citizen_home);
    if (current_citizen(request)) return Response::redirect(next);
    return login_form(web, request, {{"next", next}, {"values", {{"email", ""}}}});
  });
  router.post("/account/login", [&web](Request& request) {
    FormInput form(request);
    std::string email = form.value("email");
    std::string password = form.value("password");
    std::string next = safe_next(form.value("next"), web.citizen_home);
    nlohmann::json context = {{"next", next}, {"values", {{"email", email}}}};
    std::vector<FieldProblem> problems;
    if (email.empty()) problems.push_back({"email", "errors.email_required"});
    if (password.empty()) problems.push_back({"password", "errors.password_required"});
    if (!problems.empty()) {
      FormErrors errors(web.pages.messages(), web.language(request));
      for (const auto& problem : problems) errors.add(problem);
      errors.into(context);
      return login_form(web, request, std::move(context), 422);
    }
    LoginResult result = web.citizens.sign_in(email, password, audit_actor(request));
    if (result.status == LoginStatus::signed_in) {
      if (const SessionRecord* old = current_session(request)) web.sessions.end(old->token_hash);
      return web.redirect_with_session(next, result.session_token);
    }
    FormErrors errors(web.pages.messages(), web.language(request));
    errors.add_summary("email", result.status == LoginStatus::unverified ? "errors.unverified" : "account_login.refused");
    errors.into(context);
    return login_form(web, request, std::move(context), 422);
  });
  router.get("/account/logout", [&web](Request& request) {
    if (!current_citizen(request)) return Response::redirect("/account/login");
    return web.page(request, "account_logout", "account_logout.title", nlohmann::json::object());
  });
  router.post("/account/logout", [&web](Request& request) {
    if (const CitizenAccount* citizen = current_citizen(request)) {
      web.audit.record(audit_entry_for(request, "citizen_logout", "citizen_account", std::to_string(citizen->id)));
    }
    if (const SessionRecord* session = current_session(request)) web.sessions.end(session->token_hash);
    return web.redirect_with_session("/account/login?notice=signed_out", "");
  });
}

void register_reset(platform::http::Router& router, const IdentityWeb& web) {
  router.get("/account/forgot", [&web](Request& request) {
    return web.page(request, "account_forgot", "account_forgot.title", {{"values", {{"email", ""}}}});
  });
  router.post("/account/forgot", [&web](Request& request) {
    FormInput form(request);
    std::string email = form.value("email");
    auto problems = web.citizens.request_password_reset(email, audit_actor(request));
    if (!problems.empty()) {
      return with_errors(web, request, "account_forgot", "account_forgot.title", {{"values", {{"email", email}}}},
                         problems);
    }
    return Response::redirect("/account/forgot/sent");
  });
  router.get("/account/forgot/sent", [&web](Request& request) {
    return web.page(request, "account_forgot_sent", "account_forgot_sent.title", nlohmann::json::object());
  });
  router.get("/account/reset/{token}", [&web](Request& request) {
    auto fresh = web.citizens.exchange_reset_token(request.param("token"));
    if (!fresh) return link_invalid(web, request, "reset");
    Response response = Response::redirect("/account/reset");
    response.headers.add("Set-Cookie", reset_cookie(web, *fresh, std::chrono::seconds(kResetLifetime).count()));
    return response;
  });
  router.get("/account/reset", [&web](Request& request) {
    if (!web.citizens.reset_token_valid(request.cookie(kResetCookie).value_or(""))) {
      return link_invalid(web, request, "reset");
    }
    return web.page(request, "account_reset", "account_reset.title", {{"hint", password_hint(web, request)}});
  });
  router.post("/account/reset", [&web](Request& request) {
    FormInput form(request);
    auto problem = web.citizens.reset_password(request.cookie(kResetCookie).value_or(""), form.value("password"),
                                               form.value("confirm_password"), audit_actor(request));
    if (problem && problem->field == "token") return link_invalid(web, request, "reset");
    if (problem) {
      return with_errors(web, request, "account_reset", "account_reset.title", {{"hint", password_hint(web, request)}},
                         {*problem});
    }
    Response response = web.redirect_with_session("/account/login?notice=password_reset", "");
    response.headers.add("Set-Cookie", reset_cookie(web, "", 0));
    return response;
  });
}

}  // namespace

void register_citizen_routes(platform::http::Router& router, const IdentityWeb& web) {
  register_registration(router, web);
  register_sign_in(router, web);
  register_reset(router, web);
}

}  // namespace madoguchi::identity
