// The work queue page (/staff/cases): the cases of the viewer's departments
// in the wards of their scope, filtered by status, ward, procedure, due date
// and assignee, in due-date order, 50 to a page, overdue cases marked in
// words and with a symbol (never by colour alone). Each view is audited with
// the filters and the references shown; a ward or procedure outside the
// viewer's scope is refused (403) and audited.
#pragma once

#include "casework/web/casework_web.h"
#include "platform/http/router.h"

namespace madoguchi::casework {

void register_queue_pages(platform::http::Router& router, const CaseworkWeb& web);

}  // namespace madoguchi::casework
