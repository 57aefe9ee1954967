#include "identity/principal.h"

namespace madoguchi::identity {

namespace {

const char* kAttribute = "madoguchi.identity.session";

// One request's session: resolved once, on first use.
class LazySession {
 public:
  explicit LazySession(PrincipalResolver resolver) : resolver_(std::move(resolver)) {}

  const Principal* get() {
    if (!resolved_) {
      resolved_ = true;
      if (resolver_) value_ = resolver_();
    }
    return value_ ? &*value_ : nullptr;
  }
  bool lookup_failed() const { return resolved_ && !value_; }

 private:
  PrincipalResolver resolver_;
  bool resolved_ = false;
  std::optional<Principal> value_;
};

using Handle = std::shared_ptr<LazySession>;

const Principal* principal(const platform::http::Request& request) {
  auto* handle = request.attribute<Handle>(kAttribute);
  return handle && *handle ? (*handle)->get() : nullptr;
}

}  // namespace

void attach_session(platform::http::Request& request, PrincipalResolver resolver) {
  request.set_attribute(kAttribute, std::make_shared<LazySession>(std::move(resolver)));
}

bool session_lookup_failed(const platform::http::Request& request) {
  auto* handle = request.attribute<Handle>(kAttribute);
  return handle && *handle && (*handle)->lookup_failed();
}

const StaffUser* current_staff(const platform::http::Request& request) {
  const Principal* p = principal(request);
  return p && p->staff && !p->session.second_factor_pending ? &*p->staff : nullptr;
}

const CitizenAccount* current_citizen(const platform::http::Request& request) {
  const Principal* p = principal(request);
  return p && p->citizen ? &*p->citizen : nullptr;
}

const SessionRecord* current_session(const platform::http::Request& request) {
  const Principal* p = principal(request);
  return p ? &p->session : nullptr;
}

}  // namespace madoguchi::identity
