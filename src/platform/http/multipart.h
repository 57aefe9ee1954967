// Parses multipart/form-data bodies (RFC 7578). Anything malformed — no
// boundary, a part without headers, no closing boundary, too many parts —
// throws HttpError 400 with a message in Japanese and English.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/http/headers.h"
#include "platform/http/request.h"

namespace madoguchi::platform::http {

struct MultipartPart {
  std::string name;          // form field name
  std::string filename;      // empty for plain fields
  std::string content_type;  // as declared by the client (not trusted)
  std::string data;
};

struct MultipartLimits {
  size_t max_parts = 64;
  size_t max_header_bytes = 8 * 1024;
};

// The boundary parameter of a multipart/form-data Content-Type.
std::string multipart_boundary(const Request& request);
std::vector<MultipartPart> parse_multipart(std::string_view body, std::string_view boundary,
                                           const MultipartLimits& limits = {});

}  // namespace madoguchi::platform::http
