#include "identity/session_policy.h"

namespace madoguchi::identity {

bool session_alive(TimePoint created_at, TimePoint last_seen_at, TimePoint now, const SessionPolicy& policy) {
  return now < created_at + policy.absolute && now < last_seen_at + policy.idle;
}

}  // namespace madoguchi::identity
