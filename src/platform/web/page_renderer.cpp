#include "platform/web/page_renderer.h"

#include "platform/http/url.h"
#include "platform/web/csrf.h"

namespace madoguchi::platform::web {

namespace {

// The current URL with lang=CODE in place of any lang parameter.
std::string with_language(const http::Request& request, std::string_view lang) {
  std::string query;
  for (const auto& [key, value] : http::parse_urlencoded(request.query)) {
    if (key == "lang") continue;
    query += (query.empty() ? "" : "&") + http::percent_encode(key) + "=" + http::percent_encode(value);
  }
  query += (query.empty() ? "" : "&") + std::string("lang=") + std::string(lang);
  return (request.path.empty() ? "/" : request.path) + "?" + query;
}

// Browsers ask for text/html; everything else (API clients, curl, monitors) gets JSON.
bool wants_json(const http::Request& request) {
  if (request.path.rfind("/api/", 0) == 0) return true;
  auto accept = request.header("Accept");
  return !accept || accept->find("text/html") == std::string_view::npos;
}

}  // namespace

PageRenderer::PageRenderer(const TemplateEngine& templates, const Messages& messages, std::string layout)
    : templates_(templates), messages_(messages), layout_(std::move(layout)) {}

void PageRenderer::add_context_provider(ContextProvider provider) { providers_.push_back(std::move(provider)); }

nlohmann::json PageRenderer::base_context(const http::Request& request) const {
  Language language = request_language(request);
  nlohmann::json languages = nlohmann::json::array();
  for (auto [lang, label] : {std::pair{Language::ja, "日本語"}, {Language::en, "English"}, {Language::easy, "やさしい にほんご"}}) {
    languages.push_back({{"code", code(lang)},
                         {"html_lang", html_lang(lang)},
                         {"label", label},
                         {"href", with_language(request, code(lang))},
                         {"current", lang == language}});
  }
  nlohmann::json context = {{"lang", code(language)},
                            {"html_lang", html_lang(language)},
                            {"is_en", language == Language::en},
                            {"is_easy", language == Language::easy},
                            {"t", messages_.catalogue(language)},
                            {"csrf", Csrf::token(request)},
                            {"path", request.path},
                            {"languages", languages}};
  for (const auto& provider : providers_) provider(request, context);
  return context;
}

http::Response PageRenderer::page(const http::Request& request, const std::string& name, nlohmann::json context,
                                  int status) const {
  nlohmann::json full = base_context(request);
  full.update(context);
  full["content"] = templates_.render(name, full);
  return http::Response::html(status, templates_.render(layout_, full));
}

http::Response PageRenderer::error(const http::Request& request, const http::HttpError& error) const {
  if (wants_json(request)) return http::render_error_as_json(request, error);
  Language language = request_language(request);
  std::string message = language == Language::en ? error.message_en() : error.message_ja();
  nlohmann::json context = {{"title", messages_.text(language, "common.error.title")},
                            {"status", error.status()},
                            {"code", error.code()},
                            {"message", message},
                            {"message_en", error.message_en()},
                            {"show_english", language != Language::en},
                            {"request_id", request.request_id}};
  auto response = page(request, "error", context, error.status());
  http::add_error_headers(response, error);
  return response;
}

}  // namespace madoguchi::platform::web
