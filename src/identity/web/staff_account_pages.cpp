#include "identity/web/staff_account_pages.h"

#include "identity/password_policy.h"
#include "identity/principal.h"
#include "identity/qr_svg.h"
#include "identity/totp.h"
#include "identity/web/form.h"

namespace madoguchi::identity {

namespace {

using platform::http::Request;
using platform::http::Response;

constexpr std::string_view kTotpIssuer = "Sendai City madoguchi";

nlohmann::json code_labels(const IdentityWeb& web, const Request& request, const CodeSet& set) {
  nlohmann::json out = nlohmann::json::array();
  if (set.is_all()) {
    out.push_back(web.text(request, "staff_home.scope_all"));
  } else {
    for (const auto& code : set.codes()) out.push_back(code);
  }
  return out;
}

Response home(const IdentityWeb& web, Request& request) {
  const StaffUser& user = *current_staff(request);
  const auto& messages = web.pages.messages();
  auto language = web.language(request);
  nlohmann::json roles = nlohmann::json::array();
  for (Role role : user.roles.roles()) roles.push_back(web.text(request, "roles." + std::string(role_name(role))));
  nlohmann::json links = nlohmann::json::array();
  for (const auto& link : web.links.visible_to(user)) {
    links.push_back({{"href", link.href},
                     {"label", messages.text(language, link.label_key)},
                     {"description", link.description_key.empty() ? "" : messages.text(language, link.description_key)}});
  }
  nlohmann::json context = {{"user", {{"display_name", user.display_name}, {"login", user.login}}},
                            {"roles", roles},
                            {"departments", code_labels(web, request, user.scope.departments)},
                            {"wards", code_labels(web, request, user.scope.wards)},
                            {"links", links},
                            {"has_links", !links.empty()},
                            {"can_audit", user.has_any_role({Role::auditor, Role::system_admin})},
                            {"totp_enabled", user.totp_enabled}};
  web.add_notice(request, context, {"password_changed", "totp_enabled", "totp_disabled"});
  return web.page(request, "staff_home", "staff_home.title", std::move(context));
}

nlohmann::json password_context(const IdentityWeb& web, const Request& request) {
  std::string hint = web.text(request, "staff_password.hint");
  auto at = hint.find("{limit}");
  if (at != std::string::npos) hint.replace(at, 7, std::to_string(kStaffPasswordMinimum));
  return {{"hint", hint}};
}

Response password_post(const IdentityWeb& web, Request& request) {
  const StaffUser& user = *current_staff(request);
  FormInput form(request);
  PasswordChange change = web.staff.change_password(user, form.value("current_password"), form.value("new_password"),
                                                    form.value("confirm_password"), audit_actor(request));
  if (change.problem) {
    nlohmann::json context = password_context(web, request);
    FormErrors errors(web.pages.messages(), web.language(request));
    errors.add(*change.problem);
    errors.into(context);
    return web.page(request, "staff_password", "staff_password.title", std::move(context), 422);
  }
  return web.redirect_with_session("/staff?notice=password_changed", change.session_token);
}

// The secret in groups of four, as people copy it into an app by hand.
std::string grouped(const std::string& secret) {
  std::string out;
  for (size_t i = 0; i < secret.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(' ');
    out.push_back(secret[i]);
  }
  return out;
}

Response totp_page(const IdentityWeb& web, const Request& request, nlohmann::json context, int status = 200) {
  const StaffUser& user = *current_staff(request);
  context["enabled"] = user.totp_enabled;
  if (!user.totp_enabled) {
    if (auto secret = web.staff.pending_totp_secret(user)) {
      context["pending"] = true;
      context["secret"] = grouped(base32_encode(*secret));
      context["qr_svg"] = qr_svg(totp_uri(kTotpIssuer, user.login, *secret), web.text(request, "staff_totp.qr_title"));
    } else {
      context["pending"] = false;
    }
  }
  return web.page(request, "staff_totp", "staff_totp.title", std::move(context), status);
}

Response totp_post(const IdentityWeb& web, Request& request) {
  const StaffUser& user = *current_staff(request);
  FormInput form(request);
  std::string action = form.value("action");
  std::optional<FieldProblem> problem;
  if (action == "start" && !user.totp_enabled) {
    web.staff.begin_totp_setup(user);
    return Response::redirect("/staff/totp");
  }
  if (action == "confirm" && !user.totp_enabled) {
    std::string code = form.value("code");
    problem = code.empty() ? FieldProblem{"code", "errors.totp_code_required"}
                           : web.staff.confirm_totp(user, code, audit_actor(request));
    if (!problem) return Response::redirect("/staff?notice=totp_enabled");
  } else if (action == "disable" && user.totp_enabled) {
    std::string password = form.value("password");
    problem = password.empty() ? FieldProblem{"password", "errors.password_required"}
                               : web.staff.disable_totp(user, password, audit_actor(request));
    if (!problem) return Response::redirect("/staff?notice=totp_disabled");
  } else {
    return Response::redirect("/staff/totp");
  }
  nlohmann::json context = nlohmann::json::object();
  FormErrors errors(web.pages.messages(), web.language(request));
  errors.add(*problem);
  errors.into(context);
  return totp_page(web, request, std::move(context), 422);
}

}  // namespace

void register_staff_account_routes(platform::http::Router& router, const IdentityWeb& web) {
  const RoleSet everyone = any_staff_role();
  router.get("/staff", web.access.require_staff([&web](Request& request) { return home(web, request); }, everyone));
  router.get("/staff/password", web.access.require_staff(
                                    [&web](Request& request) {
                                      return web.page(request, "staff_password", "staff_password.title",
                                                      password_context(web, request));
                                    },
                                    everyone));
  router.post("/staff/password",
              web.access.require_staff([&web](Request& request) { return password_post(web, request); }, everyone));
  router.get("/staff/totp", web.access.require_staff(
                                [&web](Request& request) { return totp_page(web, request, nlohmann::json::object()); },
                                everyone));
  router.post("/staff/totp",
              web.access.require_staff([&web](Request& request) { return totp_post(web, request); }, everyone));
}

}  // namespace madoguchi::identity
