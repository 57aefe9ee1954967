#include "identity/access_control.h"

#include "identity/access.h"
#include "identity/principal.h"
#include "platform/http/http_error.h"
#include "platform/http/url.h"

namespace madoguchi::identity {

namespace {

using platform::http::HttpError;
using platform::http::Request;
using platform::http::Response;

bool is_api(const Request& request) { return request.path.rfind("/api/", 0) == 0; }

HttpError unauthenticated() {
  return HttpError(401, "unauthenticated", "ログインが必要です。ログインしてから、もう一度お試しください。",
                   "You need to sign in first. Sign in, then try again.");
}

Response to_login(const Request& request, std::string_view login_path) {
  return Response::redirect(std::string(login_path) + "?next=" + platform::http::percent_encode(request.target));
}

}  // namespace

AuditActor audit_actor(const Request& request) {
  AuditActor actor;
  actor.ip = request.remote_address;
  actor.request_id = request.request_id;
  if (const StaffUser* staff = current_staff(request)) {
    actor.kind = "staff";
    actor.name = staff->login;
  } else if (const CitizenAccount* citizen = current_citizen(request)) {
    actor.kind = "citizen";
    actor.name = "citizen:" + std::to_string(citizen->id);
  } else {
    actor.kind = "anonymous";
  }
  return actor;
}

AuditEntry audit_entry_for(const Request& request, std::string action, std::string subject_type,
                           std::string subject_id, nlohmann::json detail) {
  return audit_actor(request).entry(std::move(action), std::move(subject_type), std::move(subject_id),
                                    std::move(detail));
}

std::string safe_next(const std::optional<std::string>& next, std::string_view fallback) {
  if (!next || next->empty() || next->size() > 2000 || next->front() != '/') return std::string(fallback);
  if (next->size() > 1 && ((*next)[1] == '/' || (*next)[1] == '\\')) return std::string(fallback);
  for (unsigned char c : *next) {
    if (c < 0x20 || c == 0x7F || c == '\\') return std::string(fallback);
  }
  return *next;
}

AccessControl::AccessControl(const AuditLog& audit) : audit_(audit) {}

void AccessControl::record_denial(const Request& request, std::string_view subject_type,
                                  std::string_view subject_id, nlohmann::json detail) const {
  detail["method"] = request.method;
  detail["route"] = request.route;
  audit_.record(audit_entry_for(request, "access_denied", std::string(subject_type), std::string(subject_id),
                                std::move(detail)));
}

platform::http::Handler AccessControl::require_staff(platform::http::Handler handler, RoleSet roles) const {
  return [this, handler = std::move(handler), roles](Request& request) -> Response {
    const StaffUser* staff = current_staff(request);
    if (!staff) {
      if (is_api(request)) throw unauthenticated();
      return to_login(request, "/staff/login");
    }
    if (!staff->has_any_role(roles)) {
      record_denial(request, "route", request.path, {{"reason", "role"}, {"required_roles", roles.names()}});
      throw HttpError(403, "forbidden_role", "この画面を開く権限がありません。必要な場合は、所属の管理者に相談してください。",
                      "You do not have permission to open this page. Ask your administrator if you need it.");
    }
    return handler(request);
  };
}

platform::http::Handler AccessControl::require_citizen(platform::http::Handler handler) const {
  return [handler = std::move(handler)](Request& request) -> Response {
    if (!current_citizen(request)) {
      if (is_api(request)) throw unauthenticated();
      return to_login(request, "/account/login");
    }
    return handler(request);
  };
}

const StaffUser& AccessControl::require_in_scope(const Request& request, std::string_view department,
                                                 const std::optional<std::string>& ward,
                                                 std::string_view subject_type, std::string_view subject_id) const {
  const StaffUser* staff = current_staff(request);
  if (!staff) throw unauthenticated();
  if (!in_scope(*staff, department, ward)) {
    record_denial(request, subject_type, subject_id,
                  {{"reason", "scope"}, {"department", department}, {"ward", ward ? nlohmann::json(*ward) : nullptr}});
    throw HttpError(403, "out_of_scope",
                    "この申請は担当範囲外のため表示できません。担当の部署・区の職員にご連絡ください。",
                    "This application is outside your department or ward, so it cannot be shown. Please contact the "
                    "staff responsible for it.");
  }
  return *staff;
}

void AccessControl::deny(const Request& request, std::string_view subject_type, std::string_view subject_id,
                         std::string_view reason) const {
  record_denial(request, subject_type, subject_id, {{"reason", reason}});
  throw HttpError(403, "forbidden", "この内容を表示する権限がありません。",
                  "You do not have permission to see this.");
}

}  // namespace madoguchi::identity
