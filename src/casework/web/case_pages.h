// The staff case pages: /staff/cases/{reference} (one case; ?revision=N
// shows an earlier version of the answers), its attachments and its issued
// notice, and the action posts — claim, assign, note, correction, decision
// draft, approval step. Every page view and action is scope-checked first
// (403 and an audit entry when the case is outside the viewer's department
// or wards) and audited; each action form carries the case's row version
// and is refused with what changed when the case moved on meanwhile.
#pragma once

#include "casework/web/casework_web.h"
#include "platform/http/router.h"

namespace madoguchi::casework {

void register_case_pages(platform::http::Router& router, const CaseworkWeb& web);

}  // namespace madoguchi::casework
