// The signed-in principal of a request. The session middleware attaches a
// lazily resolved session to every request; the first accessor call reads
// the cookie's session (and account) from the database, later calls reuse
// it, and requests that never ask (static files, health checks) cost
// nothing. Call the accessors only from handlers on the worker pool.
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include "identity/citizen_account.h"
#include "identity/session_store.h"
#include "identity/staff_user.h"
#include "platform/http/request.h"

namespace madoguchi::identity {

struct Principal {
  SessionRecord session;
  std::optional<StaffUser> staff;          // a staff session, fully signed in, account enabled
  std::optional<CitizenAccount> citizen;   // a citizen session, address confirmed
};

// Looks the session up; nothing when the cookie names no live session.
using PrincipalResolver = std::function<std::optional<Principal>()>;

// Attaches a session to resolve on first use (the middleware; tests attach fixed principals).
void attach_session(platform::http::Request& request, PrincipalResolver resolver);
// True if a session was looked up for this request and none was found.
bool session_lookup_failed(const platform::http::Request& request);

// The staff member signed in on this request, or null.
const StaffUser* current_staff(const platform::http::Request& request);
// The citizen signed in on this request, or null.
const CitizenAccount* current_citizen(const platform::http::Request& request);
// The live session behind the cookie, including a sign-in still waiting for its one-time code.
const SessionRecord* current_session(const platform::http::Request& request);

}  // namespace madoguchi::identity
