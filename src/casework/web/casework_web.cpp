#include "casework/web/casework_web.h"

#include <charconv>

#include "applications/display_text.h"
#include "casework/web/labels.h"
#include "jp/unicode.h"

namespace madoguchi::casework {

using platform::http::Request;
using platform::http::Response;

Language CaseworkWeb::language(const Request& request) const { return platform::web::request_language(request); }

std::string CaseworkWeb::text(const Request& request, std::string_view key) const {
  return pages.messages().text(language(request), "casework." + std::string(key));
}

Response CaseworkWeb::page(const Request& request, const std::string& name, std::string title, nlohmann::json context,
                           int status) const {
  context["title"] = std::move(title);
  return pages.page(request, "casework/" + name, std::move(context), status);
}

Response CaseworkWeb::refused(const Request& request, const ActionRefused& refusal, const std::string& back_href) const {
  const bool en = language(request) == Language::en;
  return page(request, "refused", text(request, refusal.forbidden() ? "refused.title_forbidden" : "refused.title_state"),
              {{"message", en ? refusal.refusal().message_en : refusal.refusal().message_ja},
               {"message_en", refusal.refusal().message_en},
               {"show_english", !en},
               {"code", refusal.refusal().code},
               {"back_href", back_href}},
              refusal.forbidden() ? 403 : 409);
}

Response CaseworkWeb::changed(const Request& request, const CaseChanged& change) const {
  Language lang = language(request);
  Labels labels{pages.messages(), lang, catalogue};
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& event : change.changes()) {
    const auto& w = applications::words(event.status);
    changes.push_back({{"at", applications::format_instant(event.at, lang)},
                       {"kind", labels.event(event.kind)},
                       {"status", lang == Language::en ? w.en : w.ja},
                       {"actor", event.actor}});
  }
  const auto& current = change.current();
  const auto& w = applications::words(current.status);
  return page(request, "changed", text(request, "changed.title"),
              {{"reference", current.reference},
               {"status", lang == Language::en ? w.en : w.ja},
               {"changes", changes},
               {"has_changes", !changes.empty()},
               {"case_href", "/staff/cases/" + current.reference}},
              409);
}

platform::http::FormFields posted_fields(const Request& request) {
  if (!request.has_content_type("application/x-www-form-urlencoded")) return {};
  return platform::http::parse_urlencoded(request.body);
}

std::string posted(const platform::http::FormFields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return clean_text(value);
  }
  return "";
}

std::vector<std::string> posted_all(const platform::http::FormFields& fields, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& [key, value] : fields) {
    if (key == name) out.push_back(clean_text(value));
  }
  return out;
}

std::optional<int64_t> posted_number(const platform::http::FormFields& fields, std::string_view name) {
  std::string text = posted(fields, name);
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

std::string clean_text(std::string_view text) {
  std::string out;
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    auto decoded = jp::decode_at(text, pos);
    if (!decoded) return "";
    char32_t c = *decoded;
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0)) return "";
    out.append(text.substr(start, pos - start));
  }
  return out;
}

}  // namespace madoguchi::casework
