#include "identity/identity_module.h"

#include "identity/principal.h"
#include "identity/session_middleware.h"
#include "identity/web/audit_pages.h"
#include "identity/web/citizen_pages.h"
#include "identity/web/staff_account_pages.h"
#include "identity/web/staff_login_pages.h"
#include "identity/web/web_context.h"
#include "platform/crypto.h"

namespace madoguchi::identity {

namespace {

// The header's account area: who is signed in and where their account pages are.
void add_viewer(const IdentityWeb& web, const platform::http::Request& request, nlohmann::json& context) {
  if (const StaffUser* staff = current_staff(request)) {
    context["viewer"] = {{"display_name", staff->display_name},
                         {"links",
                          {{{"href", "/staff"}, {"label", web.text(request, "nav.staff_home")}},
                           {{"href", "/staff/logout"}, {"label", web.text(request, "nav.logout")}}}}};
  } else if (const CitizenAccount* citizen = current_citizen(request)) {
    context["viewer"] = {{"display_name", citizen->email},
                         {"links",
                          {{{"href", web.citizen_home}, {"label", web.text(request, "nav.my_page")}},
                           {{"href", "/account/logout"}, {"label", web.text(request, "nav.logout")}}}}};
  }
}

}  // namespace

std::filesystem::path audit_key_path(const std::filesystem::path& keys_dir) { return keys_dir / "audit.key"; }
std::filesystem::path totp_key_path(const std::filesystem::path& keys_dir) { return keys_dir / "totp.key"; }

IdentityModule::IdentityModule(platform::db::Database& database, notify::Outbox& outbox,
                               platform::web::PageRenderer& pages, IdentitySettings settings)
    : settings_(std::move(settings)) {
  audit_ = std::make_unique<AuditLog>(database, platform::crypto::load_or_create_key(audit_key_path(settings_.keys_dir)));
  sessions_ = std::make_unique<SessionStore>(database);
  staff_ = std::make_unique<StaffAccounts>(database, *audit_, *sessions_,
                                           platform::crypto::load_or_create_key(totp_key_path(settings_.keys_dir)));
  citizens_ = std::make_unique<CitizenAccounts>(database, *audit_, *sessions_, outbox, settings_.public_url);
  access_ = std::make_unique<AccessControl>(*audit_);
  web_ = std::make_unique<IdentityWeb>(IdentityWeb{pages, *audit_, *sessions_, *staff_, *citizens_, *access_, links_,
                                                   settings_.secure_cookies, settings_.citizen_home});
  pages.add_context_provider([web = web_.get()](const platform::http::Request& request, nlohmann::json& context) {
    add_viewer(*web, request, context);
  });
}

IdentityModule::~IdentityModule() = default;

platform::http::Middleware IdentityModule::middleware() const {
  return session_middleware(*sessions_, *staff_, *citizens_, settings_.secure_cookies);
}

void IdentityModule::register_routes(platform::http::Router& router) {
  register_staff_login_routes(router, *web_);
  register_staff_account_routes(router, *web_);
  register_audit_routes(router, *web_);
  register_citizen_routes(router, *web_);
}

}  // namespace madoguchi::identity
