#include "applications/web/web_support.h"

#include "identity/principal.h"
#include "jp/unicode.h"
#include "platform/web/cookies.h"

namespace madoguchi::applications {

using platform::http::Request;
using platform::http::Response;

Language language_of(const Request& request) { return platform::web::request_language(request); }

std::string text(const WebDependencies& deps, const Request& request, std::string_view key) {
  return deps.pages.messages().text(language_of(request), "applications." + std::string(key));
}

Response render(const WebDependencies& deps, const Request& request, const std::string& name,
                const std::string& title, nlohmann::json context, int status) {
  context["title"] = title;
  return deps.pages.page(request, name, std::move(context), status);
}

Response explain(const WebDependencies& deps, const Request& request, std::string_view key, int status,
                 nlohmann::json extra) {
  std::string base(key);
  extra["heading"] = text(deps, request, base + ".title");
  extra["message"] = text(deps, request, base + ".message");
  if (!extra.contains("links")) extra["links"] = nlohmann::json::array();
  std::string title = extra["heading"];
  return render(deps, request, "citizen/explain", title, std::move(extra), status);
}

Response card_signature_needed(const WebDependencies& deps, const Request& request,
                               const procedures::Procedure& procedure) {
  Language language = language_of(request);
  return explain(deps, request, "start.card_signature", 403,
                 {{"detail", pick(how_to_apply(procedure), language)},
                  {"links", {{{"href", "/procedures/" + procedure.id}, {"label", pick(procedure.name, language)}}}}});
}

platform::http::FormFields form_fields(const Request& request) {
  if (!request.has_content_type("application/x-www-form-urlencoded")) return {};
  return platform::http::parse_urlencoded(request.body);
}

std::optional<std::string> field_value(const platform::http::FormFields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return value;
  }
  return std::nullopt;
}

nlohmann::json procedure_card(const procedures::Procedure& p, const procedures::Directory& directory,
                              Language language) {
  const auto* department = directory.find_department(p.department);
  return {{"id", p.id},
          {"href", "/procedures/" + p.id},
          {"name", pick(p.name, language)},
          {"summary", pick(p.summary, language)},
          {"department", department ? pick(department->name, language) : std::string()},
          {"online", p.channels.online},
          {"counter", p.channels.counter_pre_entry},
          {"mail", p.channels.mail}};
}

nlohmann::json channel_badges(const procedures::Procedure& p, const WebDependencies& deps, const Request& request) {
  nlohmann::json out = nlohmann::json::array();
  if (p.channels.online) out.push_back({{"code", "online"}, {"label", text(deps, request, "channel.online")}});
  if (p.channels.counter_pre_entry) out.push_back({{"code", "counter"}, {"label", text(deps, request, "channel.counter")}});
  if (p.channels.mail) out.push_back({{"code", "mail"}, {"label", text(deps, request, "channel.mail")}});
  return out;
}

void drop_invalid_text(nlohmann::json& value) {
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (!jp::decode_utf8(s, s.size() + 1).ok()) value = "";
    return;
  }
  if (value.is_array()) {
    for (auto& item : value) drop_invalid_text(item);
    return;
  }
  if (value.is_object()) {
    nlohmann::json clean = nlohmann::json::object();
    for (auto& [key, item] : value.items()) {
      if (!jp::decode_utf8(key, key.size() + 1).ok()) continue;
      drop_invalid_text(item);
      clean[key] = std::move(item);
    }
    value = std::move(clean);
  }
}

std::string cookie(const WebDependencies& deps, std::string_view name, std::string_view value, std::string_view path,
                   std::optional<long> max_age_seconds) {
  platform::web::CookieOptions options;
  options.max_age_seconds = max_age_seconds;
  options.secure = deps.secure_cookies;
  options.path = std::string(path);
  return platform::web::set_cookie(name, value, options);
}

std::optional<int64_t> citizen_id(const Request& request) {
  const auto* citizen = identity::current_citizen(request);
  if (!citizen) return std::nullopt;
  return citizen->id;
}

}  // namespace madoguchi::applications
