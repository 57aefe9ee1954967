// AccessControl: how other modules guard their routes and records.
//
//   router.get("/staff/cases/{ref}", access.require_staff(handler, {Role::processor, Role::approver}));
//   access.require_in_scope(request, app.department, app.ward, "application", app.reference);
//   access.require_citizen(handler)  — then current_citizen(request)->id owns what it may see
//
// require_staff: not signed in as staff → 303 to /staff/login?next=<path> (pages) or 401 JSON
// (under /api/); signed in without one of the roles → 403 and an `access_denied` audit entry.
// require_citizen: not signed in → 303 to /account/login?next=<path> or 401 JSON.
// require_in_scope: the staff member may not work on this case → 403 with a clear message and
// an `access_denied` audit entry. deny(): refuse anything else (a citizen opening another's
// application) the same way. Audit entries carry the path and codes, never personal values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "identity/audit_log.h"
#include "identity/role.h"
#include "identity/staff_user.h"
#include "platform/http/router.h"

namespace madoguchi::identity {

// The actor of a request for audit entries: the signed-in staff member or
// citizen (or anonymous), with the client address and the request id.
AuditActor audit_actor(const platform::http::Request& request);
// An entry by the request's actor (see AuditLog for what may go in detail).
AuditEntry audit_entry_for(const platform::http::Request& request, std::string action, std::string subject_type,
                           std::string subject_id, nlohmann::json detail = nlohmann::json::object());

// A local path to return to after signing in, or `fallback` if `next` could lead off-site.
std::string safe_next(const std::optional<std::string>& next, std::string_view fallback);

class AccessControl {
 public:
  explicit AccessControl(const AuditLog& audit);

  platform::http::Handler require_staff(platform::http::Handler handler, RoleSet roles) const;
  platform::http::Handler require_citizen(platform::http::Handler handler) const;

  // The signed-in staff member, if they may work on a case of this department
  // and ward (in_scope); otherwise audits and throws HttpError 403 (401 if no staff is signed in).
  const StaffUser& require_in_scope(const platform::http::Request& request, std::string_view department,
                                    const std::optional<std::string>& ward, std::string_view subject_type,
                                    std::string_view subject_id) const;

  // Audits `access_denied` with `reason` (a code) and throws HttpError 403.
  [[noreturn]] void deny(const platform::http::Request& request, std::string_view subject_type,
                         std::string_view subject_id, std::string_view reason) const;

 private:
  void record_denial(const platform::http::Request& request, std::string_view subject_type,
                     std::string_view subject_id, nlohmann::json detail) const;

  const AuditLog& audit_;
};

}  // namespace madoguchi::identity
