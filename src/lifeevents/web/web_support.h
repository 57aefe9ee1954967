// What the life-event pages share: their dependencies (the citizen web's, plus the life events,
// the bundles, the audit log and the counter that issues the visit's pre-entry code), this module's messages, opening the bundle a request names for
// the browser that holds its token, the bundle's cookie, and the page script's form hints.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "applications/web/web_support.h"
#include "counter/counter_module.h"
#include "identity/audit_log.h"
#include "lifeevents/bundle_service.h"

namespace madoguchi::lifeevents {

struct LifeEventsWeb {
  const applications::WebDependencies& apps;
  const LifeEvents& events;
  BundleStore& bundles;
  BundleService& service;
  const identity::AuditLog& audit;
  counter::CounterModule& counter;
};

using platform::http::Request;
using platform::http::Response;
using platform::web::Language;

// lifeevents.<key> in the request's language.
std::string text(const LifeEventsWeb& web, const Request& request, std::string_view key);
// A page that says why something cannot be done (lifeevents.<key>.title / .message).
Response explain(const LifeEventsWeb& web, const Request& request, std::string_view key, int status);

struct OpenBundle {
  Bundle bundle;
  const LifeEvent* event = nullptr;
};

// The bundle named in the path for the browser holding its token, not expired and of a known
// life event; otherwise the page that says why.
std::variant<OpenBundle, Response> open_bundle(const LifeEventsWeb& web, const Request& request);

std::string bundle_cookie_name(std::string_view public_id);
// Set-Cookie values giving this browser a bundle's token, and a draft's.
std::string bundle_cookie(const LifeEventsWeb& web, const Bundle& bundle, const std::string& token);
std::string draft_cookie(const LifeEventsWeb& web, const applications::Draft& draft, const std::string& token);

// The form spec and message templates the page script mirrors ("<" escaped).
std::string hints_json(const LifeEventsWeb& web, const Request& request, const forms::FormSpec& spec);

}  // namespace madoguchi::lifeevents
