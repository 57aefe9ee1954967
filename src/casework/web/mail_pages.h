// The mail centre (郵送事務センター) pages for processors and department
// admins: /staff/mail lists, for a day, the notices issued that must go by
// post within the viewer's scope; /staff/mail/{date}/batch.pdf is the print
// run (each notice on its own sheet, the address in the window position) and
// /staff/mail/{date}/manifest.csv the list to reconcile envelopes against.
// Both downloads carry names and addresses, so each is audited.
#pragma once

#include "casework/web/casework_web.h"
#include "platform/http/router.h"

namespace madoguchi::casework {

void register_mail_pages(platform::http::Router& router, const CaseworkWeb& web);

}  // namespace madoguchi::casework
