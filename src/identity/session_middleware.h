// The session middleware: for every request with an mdg_session cookie it
// attaches a lazily resolved principal (see principal.h) — a staff member
// whose account is enabled, or a citizen whose address is confirmed. When a
// handler looked the cookie up and found no live session, the response also
// deletes the stale cookie. Session cookies are HttpOnly, SameSite=Lax, and
// Secure when the site is served over https.
#pragma once

#include <string>
#include <string_view>

#include "identity/citizen_accounts.h"
#include "identity/session_store.h"
#include "identity/staff_accounts.h"
#include "platform/http/router.h"

namespace madoguchi::identity {

platform::http::Middleware session_middleware(const SessionStore& sessions, const StaffAccounts& staff,
                                              const CitizenAccounts& citizens, bool secure_cookies);

// Set-Cookie values for a new session token and for ending the session.
std::string session_cookie(std::string_view token, bool secure);
std::string clear_session_cookie(bool secure);

}  // namespace madoguchi::identity
