// /staff/audit: the auditors' search of the audit log (roles auditor and
// system_admin) by actor, action, subject id and date range, newest first,
// fifty to a page. Every search is itself written to the audit log.
#pragma once

#include "identity/web/web_context.h"
#include "platform/http/router.h"

namespace madoguchi::identity {

void register_audit_routes(platform::http::Router& router, const IdentityWeb& web);

}  // namespace madoguchi::identity
