#include "identity/web/staff_login_pages.h"

#include "identity/principal.h"
#include "identity/web/form.h"
#include "platform/http/url.h"

namespace madoguchi::identity {

namespace {

using platform::http::Request;
using platform::http::Response;

constexpr std::string_view kStaffHome = "/staff";

Response login_form(const IdentityWeb& web, const Request& request, nlohmann::json context, int status = 200) {
  web.add_notice(request, context, {"signed_out", "sign_in_again"});
  return web.page(request, "staff_login", "staff_login.title", std::move(context), status);
}

Response code_form(const IdentityWeb& web, const Request& request, nlohmann::json context, int status = 200) {
  return web.page(request, "staff_login_code", "staff_login_code.title", std::move(context), status);
}

// Ends whatever session this browser had, before it gets a new one.
void end_current_session(const IdentityWeb& web, const Request& request) {
  if (const SessionRecord* session = current_session(request)) web.sessions.end(session->token_hash);
}

bool has_pending_sign_in(const Request& request) {
  const SessionRecord* session = current_session(request);
  return session && session->second_factor_pending && session->kind == SessionKind::staff;
}

}  // namespace

void register_staff_login_routes(platform::http::Router& router, const IdentityWeb& web) {
  router.get("/staff/login", [&web](Request& request) {
    std::string next = safe_next(request.query_param("next"), kStaffHome);
    if (current_staff(request)) return Response::redirect(next);
    return login_form(web, request, {{"next", next}, {"values", {{"login", ""}}}});
  });

  router.post("/staff/login", [&web](Request& request) {
    FormInput form(request);
    std::string login = form.value("login");
    std::string password = form.value("password");
    std::string next = safe_next(form.value("next"), kStaffHome);
    FormErrors errors(web.pages.messages(), web.language(request));
    if (login.empty()) errors.add({"login", "errors.login_required"});
    if (password.empty()) errors.add({"password", "errors.password_required"});
    nlohmann::json context = {{"next", next}, {"values", {{"login", login}}}};
    if (!errors.empty()) {
      errors.into(context);
      return login_form(web, request, std::move(context), 422);
    }
    LoginResult result = web.staff.sign_in(login, password, audit_actor(request));
    if (result.status == LoginStatus::refused) {
      errors.add_summary("login", "staff_login.refused");
      errors.into(context);
      return login_form(web, request, std::move(context), 422);
    }
    end_current_session(web, request);
    if (result.status == LoginStatus::second_factor_needed) {
      return web.redirect_with_session("/staff/login/code?next=" + platform::http::percent_encode(next),
                                       result.session_token);
    }
    return web.redirect_with_session(next, result.session_token);
  });

  router.get("/staff/login/code", [&web](Request& request) {
    if (!has_pending_sign_in(request)) return Response::redirect("/staff/login?notice=sign_in_again");
    return code_form(web, request, {{"next", safe_next(request.query_param("next"), kStaffHome)}});
  });

  router.post("/staff/login/code", [&web](Request& request) {
    if (!has_pending_sign_in(request)) return Response::redirect("/staff/login?notice=sign_in_again");
    FormInput form(request);
    std::string code = form.value("code");
    std::string next = safe_next(form.value("next"), kStaffHome);
    FormErrors errors(web.pages.messages(), web.language(request));
    nlohmann::json context = {{"next", next}};
    if (code.empty()) {
      errors.add({"code", "errors.totp_code_required"});
      errors.into(context);
      return code_form(web, request, std::move(context), 422);
    }
    LoginResult result = web.staff.second_factor(request.cookie(kSessionCookie).value_or(""), code, audit_actor(request));
    switch (result.status) {
      case LoginStatus::signed_in:
        return web.redirect_with_session(next, result.session_token);
      case LoginStatus::second_factor_needed:
        errors.add({"code", "errors.totp_code_wrong"});
        errors.into(context);
        return code_form(web, request, std::move(context), 422);
      default:
        return web.redirect_with_session("/staff/login?notice=sign_in_again", "");
    }
  });

  router.get("/staff/logout", [&web](Request& request) {
    if (!current_staff(request)) return Response::redirect("/staff/login");
    return web.page(request, "staff_logout", "staff_logout.title", nlohmann::json::object());
  });

  router.post("/staff/logout", [&web](Request& request) {
    if (const StaffUser* staff = current_staff(request)) {
      web.audit.record(audit_entry_for(request, "staff_logout", "staff_user", staff->login));
    }
    end_current_session(web, request);
    return web.redirect_with_session("/staff/login?notice=signed_out", "");
  });
}

}  // namespace madoguchi::identity
