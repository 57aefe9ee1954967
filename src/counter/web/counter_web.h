// What the counter's pages share: the services and stores gathered once by
// CounterModule, and small helpers — counter.* messages in the reader's
// language, rendering a page in the site layout, reading a form post.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "applications/web/web_support.h"
#include "counter/form_layout.h"
#include "counter/intake_service.h"
#include "counter/number_vault.h"
#include "identity/access_control.h"
#include "platform/http/request.h"
#include "platform/http/response.h"
#include "platform/http/url.h"

namespace madoguchi::counter {

struct CounterWeb {
  const applications::WebDependencies& citizen;  // the citizen web's drafts and pages
  const identity::AccessControl& access;
  const identity::AuditLog& audit;
  IntakeService& service;
  PreEntryStore& codes;
  const NumberVault& vault;
  const std::map<std::string, FormLayout>& layouts;
  std::string bridge_url;  // where the counter PC's card bridge listens
  std::string city;        // printed as the author of the forms

  platform::web::Language language(const platform::http::Request& request) const;
  // counter.<key> in the request's language.
  std::string text(const platform::http::Request& request, std::string_view key) const;
  // Renders counter/<name> in the layout; context["title"] = title.
  platform::http::Response page(const platform::http::Request& request, const std::string& name, std::string title,
                                nlohmann::json context, int status = 200) const;
};

// A urlencoded post's value by name ("" when absent), valid UTF-8 without control characters.
std::string posted(const platform::http::FormFields& fields, std::string_view name);

void register_pre_entry_pages(platform::http::Router& router, const CounterWeb& web);
void register_intake_pages(platform::http::Router& router, const CounterWeb& web);

}  // namespace madoguchi::counter
