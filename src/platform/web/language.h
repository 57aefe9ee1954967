// Languages of the web pages: Japanese (default), English and やさしい日本語
// (easy Japanese). The choice comes from ?lang=, then the "lang" cookie,
// then Accept-Language; choosing with ?lang= remembers it in the cookie.
// Messages live in web/i18n/LANG/MODULE.yaml, one file per module, read as
// keys under MODULE (t.MODULE.key); a missing key falls back to Japanese.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "platform/http/router.h"

namespace madoguchi::platform::web {

enum class Language { ja, en, easy };

std::string_view code(Language language);       // "ja", "en", "easy"
std::string_view html_lang(Language language);  // "ja", "en", "ja"
Language language_from_code(std::string_view code, Language fallback = Language::ja);

// The language chosen for this request (set by language_middleware; ja if unset).
Language request_language(const http::Request& request);
http::Middleware language_middleware(bool secure_cookies);

class Messages {
 public:
  // Loads ja/*.yaml, en/*.yaml and easy/*.yaml; throws std::runtime_error naming
  // the file if one is malformed or ja/ is missing. Keys missing from en/easy
  // fall back to ja.
  explicit Messages(const std::filesystem::path& directory);
  // The whole catalogue for templates ({{t.section.key}}).
  const nlohmann::json& catalogue(Language language) const;
  // One message by dotted key; the key itself if it exists nowhere.
  std::string text(Language language, std::string_view dotted_key) const;

 private:
  std::map<Language, nlohmann::json> catalogues_;
};

}  // namespace madoguchi::platform::web
