#include "platform/http/loggable_path.h"

namespace madoguchi::platform::http {

namespace {

constexpr size_t kTokenMinLength = 16;

std::string redact_parameters(const Request& request) {
  std::string path = request.path;
  for (const auto& [name, value] : request.path_params) {
    bool secret = name.find("token") != std::string::npos || name.find("code") != std::string::npos ||
                  name.find("secret") != std::string::npos;
    if (!secret || value.empty()) continue;
    std::string redacted = "{" + name + "}";
    for (auto at = path.find(value); at != std::string::npos; at = path.find(value, at + redacted.size())) {
      path.replace(at, value.size(), redacted);
    }
  }
  return path;
}

}  // namespace

bool is_token_shaped(std::string_view segment) {
  if (segment.size() < kTokenMinLength) return false;
  bool digit = false, upper = false, lower = false;
  for (char c : segment) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c != '-' && c != '_') {
      return false;
    }
  }
  return digit || (upper && lower);
}

std::string loggable_path(const Request& request) {
  std::string path = redact_parameters(request);
  std::string out;
  out.reserve(path.size());
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string_view segment(path.data() + start, end - start);
    out += is_token_shaped(segment) ? std::string_view("{redacted}") : segment;
    if (end == path.size()) break;
    out += '/';
    start = end + 1;
  }
  return out;
}

}  // namespace madoguchi::platform::http
