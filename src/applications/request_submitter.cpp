#include "applications/request_submitter.h"

#include "identity/access_control.h"
#include "identity/principal.h"

namespace madoguchi::applications {

Submitter submitter_of(const platform::http::Request& request) {
  if (const auto* staff = identity::current_staff(request)) {
    return Submitter::staff(staff->login, staff->roles, identity::audit_actor(request));
  }
  if (const auto* citizen = identity::current_citizen(request)) return Submitter::citizen(citizen->id);
  return {};
}

}  // namespace madoguchi::applications
