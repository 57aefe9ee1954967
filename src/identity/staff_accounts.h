// StaffAccounts: the staff use cases — create an account, sign in with the
// password and (when enabled) a TOTP code, lockout after repeated failures
// (of the client that made them: login_failures.h), change or reset the
// password, set TOTP up or turn it off, disable an account. Every outcome
// that matters to security is written to the audit log in the same
// transaction as the change. A refused sign-in never says whether the login
// exists, is disabled or is locked, and costs the same work either way (one
// password hash checked).
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "identity/audit_log.h"
#include "identity/field_problem.h"
#include "identity/lockout.h"
#include "identity/session_store.h"
#include "identity/staff_user.h"
#include "platform/crypto.h"
#include "platform/db/database.h"

namespace madoguchi::identity {

struct NewStaff {
  std::string login;         // [a-z0-9._-], 2–64; upper case is folded
  std::string display_name;  // kept as typed (ends trimmed), 1–64 characters
  RoleSet roles;             // at least one
  Scope scope;
  std::string password;      // staff password policy
};

// The input was refused; problems name each field and why.
class StaffInputError : public std::invalid_argument {
 public:
  explicit StaffInputError(std::vector<FieldProblem> problems);
  const std::vector<FieldProblem>& problems() const { return problems_; }

 private:
  std::vector<FieldProblem> problems_;
};

enum class LoginStatus { signed_in, second_factor_needed, refused, unverified };

struct LoginResult {
  LoginStatus status = LoginStatus::refused;
  std::string session_token;  // signed_in: the session; second_factor_needed: the pending sign-in
};

// What a password change or reset produced: a problem, or a fresh session.
struct PasswordChange {
  std::optional<FieldProblem> problem;
  std::string session_token;
};

// Folds an entered login to its stored form (trimmed, ASCII lower case).
std::string normalise_login(std::string_view login);
bool is_valid_login(std::string_view login);

class StaffAccounts {
 public:
  using Now = std::function<TimePoint()>;
  // totp_key: 32 bytes (keys/totp.key) sealing TOTP secrets at rest.
  StaffAccounts(platform::db::Database& database, const AuditLog& audit, const SessionStore& sessions,
                std::vector<uint8_t> totp_key, Now clock = {}, LockoutPolicy lockout = {});

  // Throws StaffInputError for bad input or a login already taken.
  StaffUser create(const NewStaff& staff, const AuditActor& actor) const;
  std::vector<StaffUser> list() const;
  std::optional<StaffUser> find(int64_t id) const;
  std::optional<StaffUser> find_by_login(std::string_view login) const;
  // False if there is no such login. Ends the account's sessions.
  bool disable(std::string_view login, const AuditActor& actor) const;
  // An administrator sets a password (and lifts a lockout); ends the account's sessions.
  // Throws StaffInputError for an unknown login or a password the policy refuses.
  void set_password(std::string_view login, std::string_view password, const AuditActor& actor) const;

  LoginResult sign_in(std::string_view login, std::string_view password, const AuditActor& client) const;
  // Completes a sign-in that is waiting for its one-time code (pending_token from sign_in).
  LoginResult second_factor(std::string_view pending_token, std::string_view code, const AuditActor& client) const;

  // Checks the current password, then the policy; ends every session of the
  // account and returns a new one for this browser.
  PasswordChange change_password(const StaffUser& user, std::string_view current, std::string_view replacement,
                                 std::string_view confirmation, const AuditActor& actor) const;

  // Starts (or restarts) TOTP setup and returns the new secret for the authenticator app.
  std::vector<uint8_t> begin_totp_setup(const StaffUser& user) const;
  // The secret being set up, if setup was begun.
  std::optional<std::vector<uint8_t>> pending_totp_secret(const StaffUser& user) const;
  // Turns TOTP on if `code` matches the pending secret.
  std::optional<FieldProblem> confirm_totp(const StaffUser& user, std::string_view code, const AuditActor& actor) const;
  // Turns TOTP off after checking the password.
  std::optional<FieldProblem> disable_totp(const StaffUser& user, std::string_view password,
                                           const AuditActor& actor) const;

 private:
  enum class Reserve { allowed, allowed_and_locks, locked };
  // Counts an attempt by `client` as failed before checking it; `locked` if
  // the account already is for that client.
  Reserve reserve_attempt(int64_t id, std::string_view client, TimePoint now) const;
  // Audits a failed attempt (and the lock it caused).
  void record_failure(const AuditActor& actor, const StaffUser& user, const char* reason, Reserve reserve) const;
  // Records a failed attempt by `client`; returns true if it locked the account for that client.
  bool register_failure(platform::db::Connection& c, int64_t id, std::string_view client, const LockoutState& state,
                        TimePoint now) const;
  std::vector<uint8_t> open_secret(const std::string& sealed) const;

  platform::db::Database& database_;
  const AuditLog& audit_;
  const SessionStore& sessions_;
  platform::crypto::SecretBox box_;
  Now clock_;
  LockoutPolicy lockout_;
};

}  // namespace madoguchi::identity
