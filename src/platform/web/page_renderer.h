// PageRenderer: renders a page template inside the site layout with what
// every page needs — language, messages (t), the CSRF token, language switch
// links, the current path — plus whatever context providers add (the signed-in
// user, for instance). It also renders HttpErrors as pages for browsers while
// API clients keep getting JSON.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/http/http_error.h"
#include "platform/http/request.h"
#include "platform/http/response.h"
#include "platform/web/language.h"
#include "platform/web/templates.h"

namespace madoguchi::platform::web {

class PageRenderer {
 public:
  using ContextProvider = std::function<void(const http::Request&, nlohmann::json& context)>;

  PageRenderer(const TemplateEngine& templates, const Messages& messages, std::string layout = "layout");

  void add_context_provider(ContextProvider provider);

  // The context every page starts from (useful to templates rendered alone).
  nlohmann::json base_context(const http::Request& request) const;
  // Renders `name` with `context` into the layout; context["title"] is the page title.
  http::Response page(const http::Request& request, const std::string& name, nlohmann::json context,
                      int status = 200) const;
  // An error as a page for browsers (Accept: text/html, outside /api/), JSON otherwise.
  http::Response error(const http::Request& request, const http::HttpError& error) const;

  const Messages& messages() const { return messages_; }
  const TemplateEngine& templates() const { return templates_; }

 private:
  const TemplateEngine& templates_;
  const Messages& messages_;
  std::string layout_;
  std::vector<ContextProvider> providers_;
};

}  // namespace madoguchi::platform::web
