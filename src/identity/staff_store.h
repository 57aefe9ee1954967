// The staff tables (staff_users, staff_roles, staff_scopes) as plain
// functions on a Connection: reads on any connection, writes inside the
// caller's write transaction. No rules here; StaffAccounts decides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "identity/lockout.h"
#include "identity/staff_user.h"
#include "platform/db/connection.h"

namespace madoguchi::identity::staff_store {

// A staff row with what only the identity module may see.
struct StaffRow {
  StaffUser user;
  std::string password_hash;
  std::optional<std::string> totp_secret;          // sealed
  std::optional<std::string> totp_pending_secret;  // sealed
  std::optional<int64_t> totp_last_step;
};

std::optional<StaffRow> find_by_login(platform::db::Connection& c, std::string_view login);
std::optional<StaffRow> find_by_id(platform::db::Connection& c, int64_t id);
// Every account, ordered by login.
std::vector<StaffUser> list(platform::db::Connection& c);

// Throws platform::db::DbError (is_unique_violation) if the login is taken.
int64_t insert(platform::db::Connection& c, const StaffUser& user, const std::string& password_hash, TimePoint now);
void set_password_hash(platform::db::Connection& c, int64_t id, const std::string& hash, TimePoint now);
void set_disabled(platform::db::Connection& c, int64_t id, bool disabled, TimePoint now);
// secret: sealed; nothing turns TOTP off. Clears any pending secret.
void set_totp(platform::db::Connection& c, int64_t id, const std::optional<std::string>& secret,
              std::optional<int64_t> last_step, TimePoint now);
void set_totp_pending(platform::db::Connection& c, int64_t id, const std::optional<std::string>& sealed, TimePoint now);
// Records `step` as the last code used, unless it (or a later one) already is:
// a code is accepted once, even when sent to two nodes at the same moment.
bool claim_totp_step(platform::db::Connection& c, int64_t id, int64_t step, TimePoint now);

}  // namespace madoguchi::identity::staff_store
