#include "identity/access.h"

namespace madoguchi::identity {

bool in_scope(const StaffUser& user, std::string_view department, const std::optional<std::string>& ward) {
  if (user.disabled || !user.has_any_role(case_roles())) return false;
  return user.scope.covers(department, ward);
}

}  // namespace madoguchi::identity
