#include "identity/role.h"

namespace madoguchi::identity {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::counter_clerk:
      return "counter_clerk";
    case Role::processor:
      return "processor";
    case Role::approver:
      return "approver";
    case Role::department_admin:
      return "department_admin";
    case Role::system_admin:
      return "system_admin";
    case Role::auditor:
      return "auditor";
  }
  return "";
}

std::optional<Role> role_from_name(std::string_view name) {
  for (Role role : kAllRoles) {
    if (role_name(role) == name) return role;
  }
  return std::nullopt;
}

RoleSet::RoleSet(std::initializer_list<Role> roles) {
  for (Role role : roles) add(role);
}

std::vector<Role> RoleSet::roles() const {
  std::vector<Role> out;
  for (Role role : kAllRoles) {
    if (has(role)) out.push_back(role);
  }
  return out;
}

std::vector<std::string> RoleSet::names() const {
  std::vector<std::string> out;
  for (Role role : roles()) out.emplace_back(role_name(role));
  return out;
}

RoleSet any_staff_role() {
  RoleSet all;
  for (Role role : kAllRoles) all.add(role);
  return all;
}

RoleSet case_roles() { return {Role::counter_clerk, Role::processor, Role::approver, Role::department_admin}; }

}  // namespace madoguchi::identity
