// StaffUser: a city employee's account as the rest of the platform sees it —
// who they are, what roles they hold and which departments and wards they
// work for. Secrets (password hash, TOTP secret) never leave the identity
// module's stores.
#pragma once

#include <cstdint>
#include <string>

#include "identity/role.h"
#include "identity/scope.h"

namespace madoguchi::identity {

struct StaffUser {
  int64_t id = 0;
  std::string login;         // unique, lower-case ASCII, e.g. "takahashi.sakiko"
  std::string display_name;  // exactly as typed, e.g. 髙橋 﨑子
  RoleSet roles;
  Scope scope;
  bool disabled = false;
  bool totp_enabled = false;

  bool has_role(Role role) const { return roles.has(role); }
  bool has_any_role(const RoleSet& wanted) const { return roles.has_any(wanted); }
};

}  // namespace madoguchi::identity
