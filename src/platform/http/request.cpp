#include "platform/http/request.h"

#include "platform/http/url.h"

namespace madoguchi::platform::http {

std::string Request::param(std::string_view name) const {
  auto it = path_params.find(name);
  return it == path_params.end() ? std::string() : it->second;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  for (auto& [key, value] : parse_urlencoded(query)) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  for (const auto& [key, value] : headers.fields()) {
    if (!iequals(key, "Cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      auto end = rest.find(';');
      std::string_view pair = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      auto eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    }
  }
  return std::nullopt;
}

bool Request::has_content_type(std::string_view media_type) const {
  auto value = header("Content-Type");
  if (!value) return false;
  std::string_view type = value->substr(0, value->find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return iequals(type, media_type);
}

}  // namespace madoguchi::platform::http
