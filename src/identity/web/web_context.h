// What the identity pages share: the page renderer, the account services and
// how cookies are set, gathered once by IdentityModule and passed by
// reference to each group of routes.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "identity/access_control.h"
#include "identity/audit_log.h"
#include "identity/citizen_accounts.h"
#include "identity/session_store.h"
#include "identity/staff_accounts.h"
#include "identity/staff_links.h"
#include "platform/http/request.h"
#include "platform/http/response.h"
#include "platform/web/page_renderer.h"

namespace madoguchi::identity {

struct IdentityWeb {
  const platform::web::PageRenderer& pages;
  const AuditLog& audit;
  const SessionStore& sessions;
  const StaffAccounts& staff;
  const CitizenAccounts& citizens;
  const AccessControl& access;
  const StaffLinks& links;
  bool secure_cookies = false;
  std::string citizen_home;  // where a citizen lands after signing in

  platform::web::Language language(const platform::http::Request& request) const;
  // identity.<key> in the request's language.
  std::string text(const platform::http::Request& request, std::string_view key) const;
  // Renders identity/<name> with context["title"] set from identity.<title_key>.
  platform::http::Response page(const platform::http::Request& request, const std::string& name,
                                std::string_view title_key, nlohmann::json context, int status = 200) const;
  // A notice named by ?notice=KEY, if KEY is one of `allowed` (identity.notices.KEY).
  void add_notice(const platform::http::Request& request, nlohmann::json& context,
                  std::initializer_list<std::string_view> allowed) const;
  // 303 to `location` carrying a new session cookie (or clearing it when token is empty).
  platform::http::Response redirect_with_session(std::string_view location, std::string_view token) const;
};

}  // namespace madoguchi::identity
