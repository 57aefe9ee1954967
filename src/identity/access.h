// Access rules for case work, pure and without I/O: a staff member may open a
// case when the account is enabled, holds at least one case role (counter
// clerk, processor, approver, department admin) and its scope covers the
// case's department and ward. System admins and auditors see no cases by
// virtue of those roles alone (separation of duties).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "identity/staff_user.h"

namespace madoguchi::identity {

bool in_scope(const StaffUser& user, std::string_view department, const std::optional<std::string>& ward);

}  // namespace madoguchi::identity
