// What the citizen web pages share: their dependencies, gathered once by
// register_web_routes, and small helpers — the reader's language, this
// module's messages, rendering a page in the site layout, reading a form
// post, the card that presents a procedure in lists, and cookies.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/access_attempts.h"
#include "applications/application_store.h"
#include "applications/display_text.h"
#include "applications/draft_store.h"
#include "applications/procedure_search.h"
#include "applications/status_grant.h"
#include "applications/submission_service.h"
#include "applications/upload_quota.h"
#include "applications/upload_store.h"
#include "identity/access_control.h"
#include "notify/outbox.h"
#include "platform/db/database.h"
#include "platform/http/request.h"
#include "platform/http/response.h"
#include "platform/http/url.h"
#include "platform/web/page_renderer.h"
#include "procedures/catalogue.h"

namespace madoguchi::applications {

struct WebDependencies {
  const procedures::Catalogue& catalogue;
  const ProcedureSearch& search;
  SubmissionService& submissions;
  ApplicationStore& store;
  UploadStore& uploads;
  UploadQuota& upload_quota;
  DraftStore& drafts;
  AccessAttempts& attempts;
  const StatusGrant& grants;
  notify::Outbox& outbox;
  platform::db::Database& database;
  const platform::web::PageRenderer& pages;
  const identity::AccessControl& access;
  const identity::AuditLog& audit;
  std::string public_url;
  bool secure_cookies = false;
  size_t max_page_bytes = 32 * 1024 * 1024;  // a form page post, files included
  // Other things a resume code may open (a one-stop bundle): the answer for a code no draft
  // has, or nothing. Set by the app while wiring.
  std::function<std::optional<platform::http::Response>(const std::string& code, const platform::http::Request&)>
      resume_elsewhere = {};
};

Language language_of(const platform::http::Request& request);
// applications.<key> in the request's language.
std::string text(const WebDependencies& deps, const platform::http::Request& request, std::string_view key);
// Renders `name` in the layout with context["title"] = title.
platform::http::Response render(const WebDependencies& deps, const platform::http::Request& request,
                                const std::string& name, const std::string& title, nlohmann::json context,
                                int status = 200);
// A page that explains why something cannot be done: heading and message
// from applications.<key>.title / .message, with links back.
platform::http::Response explain(const WebDependencies& deps, const platform::http::Request& request,
                                 std::string_view key, int status, nlohmann::json extra = nlohmann::json::object());

// The page (403) for a procedure that needs a My Number card online, which
// this site cannot take yet: where to apply instead, and a link back.
platform::http::Response card_signature_needed(const WebDependencies& deps, const platform::http::Request& request,
                                               const procedures::Procedure& procedure);

// The fields of a urlencoded form post (empty for other bodies).
platform::http::FormFields form_fields(const platform::http::Request& request);
std::optional<std::string> field_value(const platform::http::FormFields& fields, std::string_view name);

// How a procedure appears in lists: name, summary, link, channels, fee.
nlohmann::json procedure_card(const procedures::Procedure& procedure, const procedures::Directory& directory,
                              Language language);
// The channel names ("online", "counter", "mail") a procedure offers, worded for people.
nlohmann::json channel_badges(const procedures::Procedure& procedure, const WebDependencies& deps,
                              const platform::http::Request& request);

// Replaces text that is not valid UTF-8 with "", so answers can be stored and shown.
void drop_invalid_text(nlohmann::json& value);

// Set-Cookie values with the site's defaults.
std::string cookie(const WebDependencies& deps, std::string_view name, std::string_view value, std::string_view path,
                   std::optional<long> max_age_seconds);

// The signed-in citizen's account id, if any.
std::optional<int64_t> citizen_id(const platform::http::Request& request);

}  // namespace madoguchi::applications
