#include "counter/web/counter_web.h"

#include "jp/unicode.h"

namespace madoguchi::counter {

using platform::http::Request;
using platform::http::Response;

platform::web::Language CounterWeb::language(const Request& request) const {
  return platform::web::request_language(request);
}

std::string CounterWeb::text(const Request& request, std::string_view key) const {
  return citizen.pages.messages().text(language(request), "counter." + std::string(key));
}

Response CounterWeb::page(const Request& request, const std::string& name, std::string title, nlohmann::json context,
                          int status) const {
  context["title"] = std::move(title);
  return citizen.pages.page(request, "counter/" + name, std::move(context), status);
}

std::string posted(const platform::http::FormFields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key != name) continue;
    if (!jp::is_valid_utf8(value)) return "";
    std::string out;
    for (char c : value) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u < 0x20 && c != '\t') continue;
      out.push_back(c);
    }
    return out;
  }
  return "";
}

}  // namespace madoguchi::counter
