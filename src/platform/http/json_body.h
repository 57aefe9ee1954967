// Reads a request body as JSON for the API: the wrong media type is 415;
// malformed JSON, invalid UTF-8 or nesting deeper than max_depth is 400 with
// a message in Japanese and English. Nothing here throws anything else.
#pragma once

#include <nlohmann/json.hpp>

#include "platform/http/request.h"

namespace madoguchi::platform::http {

nlohmann::json parse_json_body(const Request& request, int max_depth = 32);
// The same rules for a JSON text that did not come in a body (a multipart part).
nlohmann::json parse_json_text(std::string_view text, int max_depth = 32);

}  // namespace madoguchi::platform::http
