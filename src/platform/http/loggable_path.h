// The path of a request as the access log writes it: values of path
// parameters named like secrets (token, code, secret) become "{name}", and
// any segment shaped like a random token (16 or more characters of the
// base64url or hex alphabet with a digit or both cases) becomes "{redacted}",
// whatever the route — so a mailed link, even with a slash added, never
// lands in the log. The query string is never part of it.
#pragma once

#include <string>
#include <string_view>

#include "platform/http/request.h"

namespace madoguchi::platform::http {

// Whether one path segment looks like a random token rather than a word.
bool is_token_shaped(std::string_view segment);

std::string loggable_path(const Request& request);

}  // namespace madoguchi::platform::http
