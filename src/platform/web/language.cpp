#include "platform/web/language.h"

#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include "platform/web/cookies.h"

namespace madoguchi::platform::web {

namespace {

nlohmann::json yaml_to_json(const YAML::Node& node) {
  if (node.IsMap()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& item : node) out[item.first.as<std::string>()] = yaml_to_json(item.second);
    return out;
  }
  if (node.IsSequence()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : node) out.push_back(yaml_to_json(item));
    return out;
  }
  if (node.IsScalar()) return node.Scalar();
  return nullptr;
}

// Fills what `target` lacks from `fallback`, recursively.
void fill_missing(nlohmann::json& target, const nlohmann::json& fallback) {
  for (const auto& [key, value] : fallback.items()) {
    if (!target.contains(key)) {
      target[key] = value;
    } else if (value.is_object() && target[key].is_object()) {
      fill_missing(target[key], value);
    }
  }
}

const char* kLanguageKey = "madoguchi.language";

}  // namespace

std::string_view code(Language language) {
  switch (language) {
    case Language::en:
      return "en";
    case Language::easy:
      return "easy";
    default:
      return "ja";
  }
}

std::string_view html_lang(Language language) { return language == Language::en ? "en" : "ja"; }

Language language_from_code(std::string_view c, Language fallback) {
  if (c == "ja") return Language::ja;
  if (c == "en") return Language::en;
  if (c == "easy") return Language::easy;
  return fallback;
}

Language request_language(const http::Request& request) {
  auto* language = request.attribute<Language>(kLanguageKey);
  return language ? *language : Language::ja;
}

http::Middleware language_middleware(bool secure_cookies) {
  return [secure_cookies](http::Request& request, const http::Handler& next) {
    Language chosen = Language::ja;
    auto query = request.query_param("lang");
    bool remember = false;
    if (query && (*query == "ja" || *query == "en" || *query == "easy")) {
      chosen = language_from_code(*query);
      remember = true;
    } else if (auto cookie = request.cookie("lang")) {
      chosen = language_from_code(*cookie);
    } else if (auto accept = request.header("Accept-Language")) {
      std::string first(accept->substr(0, accept->find_first_of(",;")));
      if (first.rfind("en", 0) == 0) chosen = Language::en;
    }
    request.set_attribute(kLanguageKey, chosen);
    http::Response response = next(request);
    if (remember) {
      CookieOptions options;
      options.max_age_seconds = 365L * 24 * 3600;
      options.secure = secure_cookies;
      response.headers.add("Set-Cookie", set_cookie("lang", code(chosen), options));
    }
    return response;
  };
}

Messages::Messages(const std::filesystem::path& directory) {
  if (!std::filesystem::is_directory(directory / "ja")) {
    throw std::runtime_error("message directory not found: " + (directory / "ja").string());
  }
  for (Language language : {Language::ja, Language::en, Language::easy}) {
    auto& catalogue = catalogues_[language];
    catalogue = nlohmann::json::object();
    auto dir = directory / std::string(code(language));
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".yaml") continue;
      try {
        catalogue[entry.path().stem().string()] = yaml_to_json(YAML::LoadFile(entry.path().string()));
      } catch (const YAML::Exception& e) {
        throw std::runtime_error(entry.path().string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
      }
    }
  }
  fill_missing(catalogues_[Language::en], catalogues_[Language::ja]);
  fill_missing(catalogues_[Language::easy], catalogues_[Language::ja]);
}

const nlohmann::json& Messages::catalogue(Language language) const { return catalogues_.at(language); }

std::string Messages::text(Language language, std::string_view dotted_key) const {
  const nlohmann::json* node = &catalogues_.at(language);
  size_t start = 0;
  while (true) {
    auto dot = dotted_key.find('.', start);
    std::string part(dotted_key.substr(start, dot - start));
    if (!node->is_object() || !node->contains(part)) return std::string(dotted_key);
    node = &(*node)[part];
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return node->is_string() ? node->get<std::string>() : std::string(dotted_key);
}

}  // namespace madoguchi::platform::web
