// The wording of every validation message, per error code, in Japanese, English and やさしい日本語.
// Templates hold placeholders such as {label}, {max} and {count}; render() fills them with
// per-language arguments. The same templates are served as JSON so a browser can word its hints
// exactly as the server words its errors.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/localized_text.h"

namespace madoguchi::forms {

struct MessageArg {
  std::string name;     // placeholder name without braces, e.g. "max"
  LocalizedText value;  // per language; use same_in_all() for numbers and codes

  static MessageArg same_in_all(std::string name, std::string text) {
    return MessageArg{std::move(name), LocalizedText{text, text, text}};
  }
};

// `code`'s template with {label} (quoted as 「…」 or “…”) and `args` filled in. A code without a
// template renders a generic "this answer cannot be accepted" message.
LocalizedText render_message(std::string_view code, const LocalizedText& label,
                             const std::vector<MessageArg>& args = {});

// The message of a jp:: parser error for field `label`: its Japanese and English explanation,
// prefixed by the field's name, and `easy` (a short やさしい日本語 hint for the field type).
LocalizedText wrap_message(const LocalizedText& label, const std::string& ja, const std::string& en,
                           const std::string& easy);

// {"required": {"ja": "「{label}」を入力してください。", "en": …, "easy": …}, …}
nlohmann::json message_templates_json();

}  // namespace madoguchi::forms
