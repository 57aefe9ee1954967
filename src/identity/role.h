// Staff roles and sets of them. A staff account holds one or more roles; what
// a role may do is decided by the code that guards each route (require_staff)
// and by in_scope() for case work. Role names are the stable snake_case codes
// stored in the database and typed on the command line.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::identity {

enum class Role : uint8_t {
  counter_clerk,     // 窓口職員: intake at a ward office counter
  processor,         // 事務センター: works department queues
  approver,          // 決裁者: approves decisions in the chain
  department_admin,  // 所管課管理者: procedures, hours, counters of a department
  system_admin,      // システム管理者: accounts and operations
  auditor,           // 監査担当: reads the audit log
};

inline constexpr Role kAllRoles[] = {Role::counter_clerk,    Role::processor,    Role::approver,
                                     Role::department_admin, Role::system_admin, Role::auditor};

std::string_view role_name(Role role);
std::optional<Role> role_from_name(std::string_view name);

// A small set of roles (a bit mask), cheap to copy and compare.
class RoleSet {
 public:
  RoleSet() = default;
  RoleSet(std::initializer_list<Role> roles);

  void add(Role role) { bits_ |= bit(role); }
  bool has(Role role) const { return (bits_ & bit(role)) != 0; }
  bool has_any(const RoleSet& other) const { return (bits_ & other.bits_) != 0; }
  bool empty() const { return bits_ == 0; }
  // The roles in declaration order.
  std::vector<Role> roles() const;
  // Names in declaration order, e.g. {"processor", "approver"}.
  std::vector<std::string> names() const;
  friend bool operator==(const RoleSet&, const RoleSet&) = default;

 private:
  static uint32_t bit(Role role) { return 1u << static_cast<unsigned>(role); }
  uint32_t bits_ = 0;
};

// Every role: for pages any signed-in staff member may see.
RoleSet any_staff_role();
// The roles that work on cases (applications) and so are bound by scope.
RoleSet case_roles();

}  // namespace madoguchi::identity
