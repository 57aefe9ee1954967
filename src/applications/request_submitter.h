// The submitter a request proves (identity_policy.h): the member of staff
// signed in on it, else the citizen signed in (address confirmed), else
// nobody. Call it only from handlers on the worker pool (it resolves the session).
#pragma once

#include "applications/identity_policy.h"
#include "platform/http/request.h"

namespace madoguchi::applications {

Submitter submitter_of(const platform::http::Request& request);

}  // namespace madoguchi::applications
