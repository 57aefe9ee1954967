// IdentityModule: the identity module built from its settings, for the app
// to wire. It owns the audit log, sessions, staff and citizen accounts and
// access control; its middleware() resolves the session cookie (install it
// after the CSRF middleware); register_routes() adds the staff and citizen
// account pages; it shows the signed-in viewer in every page's header.
// Other modules take access() and audit() to guard and record their own
// work, and add their entries to the staff landing page with staff_links().
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "identity/access_control.h"
#include "identity/audit_log.h"
#include "identity/citizen_accounts.h"
#include "identity/session_store.h"
#include "identity/staff_accounts.h"
#include "identity/staff_links.h"
#include "notify/outbox.h"
#include "platform/db/database.h"
#include "platform/http/router.h"
#include "platform/web/page_renderer.h"

namespace madoguchi::identity {

struct IdentityWeb;

struct IdentitySettings {
  std::filesystem::path keys_dir;                  // audit.key and totp.key live here (created if missing)
  std::string public_url;                          // for links in account e-mails
  bool secure_cookies = false;                     // the site is served over https
  std::string citizen_home = "/account/applications";  // where citizens land after signing in
};

// Key files under the keys directory.
std::filesystem::path audit_key_path(const std::filesystem::path& keys_dir);
std::filesystem::path totp_key_path(const std::filesystem::path& keys_dir);

class IdentityModule {
 public:
  // The database, outbox and renderer must outlive the module. Adds the
  // viewer (display name and account links) to every page the renderer draws.
  IdentityModule(platform::db::Database& database, notify::Outbox& outbox, platform::web::PageRenderer& pages,
                 IdentitySettings settings);
  ~IdentityModule();
  IdentityModule(const IdentityModule&) = delete;
  IdentityModule& operator=(const IdentityModule&) = delete;

  platform::http::Middleware middleware() const;
  void register_routes(platform::http::Router& router);

  const AccessControl& access() const { return *access_; }
  const AuditLog& audit() const { return *audit_; }
  const StaffAccounts& staff() const { return *staff_; }
  const CitizenAccounts& citizens() const { return *citizens_; }
  // Add before the server starts.
  StaffLinks& staff_links() { return links_; }

 private:
  IdentitySettings settings_;
  std::unique_ptr<AuditLog> audit_;
  std::unique_ptr<SessionStore> sessions_;
  std::unique_ptr<StaffAccounts> staff_;
  std::unique_ptr<CitizenAccounts> citizens_;
  std::unique_ptr<AccessControl> access_;
  StaffLinks links_;
  std::unique_ptr<IdentityWeb> web_;
};

}  // namespace madoguchi::identity
