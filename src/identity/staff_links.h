// StaffLinks: the entries of the staff landing page (/staff) that other
// modules contribute, such as the case-work queues. Each names its label (and
// optional description) by message key, so it is shown in the viewer's
// language, and lists the roles that see it. Add links while wiring, before
// the server starts; reads afterwards need no lock.
#pragma once

#include <string>
#include <vector>

#include "identity/role.h"
#include "identity/staff_user.h"

namespace madoguchi::identity {

struct StaffLink {
  std::string href;             // e.g. "/staff/cases"
  std::string label_key;        // e.g. "casework.queue.title"
  std::string description_key;  // may be empty
  RoleSet roles;                // who sees it (any of these roles)
};

class StaffLinks {
 public:
  void add(StaffLink link) { links_.push_back(std::move(link)); }
  // The links a user's roles allow, in the order they were added.
  std::vector<StaffLink> visible_to(const StaffUser& user) const {
    std::vector<StaffLink> out;
    for (const auto& link : links_) {
      if (user.has_any_role(link.roles)) out.push_back(link);
    }
    return out;
  }

 private:
  std::vector<StaffLink> links_;
};

}  // namespace madoguchi::identity
