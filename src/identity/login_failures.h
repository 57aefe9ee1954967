// login_failures: the lockout state (lockout.h) of one account for one client
// address, as plain functions on a Connection — reads on any connection,
// writes inside the caller's write transaction. Keying the count by client
// means wrong passwords lock out whoever typed them, never the account's
// owner elsewhere. Client addresses are kept only as SHA-256. Account id 0
// stands for a login that has no account, so unknown logins cost the same
// database work as known ones.
#pragma once

#include <cstdint>
#include <string_view>

#include "identity/lockout.h"
#include "identity/session_policy.h"
#include "platform/db/connection.h"

namespace madoguchi::identity::login_failures {

inline constexpr int64_t kNoAccount = 0;

LockoutState state(platform::db::Connection& c, SessionKind kind, int64_t account_id, std::string_view client);
void set(platform::db::Connection& c, SessionKind kind, int64_t account_id, std::string_view client,
         const LockoutState& state, TimePoint now);
// Lifts every client's lock on the account (an administrator set a new password, a reset link was used).
void clear_account(platform::db::Connection& c, SessionKind kind, int64_t account_id);

}  // namespace madoguchi::identity::login_failures
