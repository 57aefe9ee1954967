// CitizenAccounts: the optional citizen accounts — register with an e-mail
// address and a password, confirm the address by a single-use link (24 h),
// sign in only once confirmed, reset a forgotten password by a single-use
// link (1 h). Links go out through the notify outbox in the same transaction
// as the token they carry; tokens are stored as SHA-256 only. Nothing here
// ever tells whether an address is registered: registering an address that
// has an account mails its owner instead, and a reset request looks the same
// either way. Lockout as for staff: of the client that typed the wrong
// passwords, never of the account's owner, with the same work (one password
// hash checked) whatever the outcome.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "identity/audit_log.h"
#include "identity/citizen_account.h"
#include "identity/citizen_store.h"
#include "identity/field_problem.h"
#include "identity/lockout.h"
#include "identity/session_store.h"
#include "identity/staff_accounts.h"
#include "notify/outbox.h"
#include "platform/db/database.h"

namespace madoguchi::identity {

inline constexpr std::chrono::hours kVerificationLifetime{24};
inline constexpr std::chrono::hours kResetLifetime{1};
// At most one mail of a kind per account this often, so the forms cannot flood an inbox.
inline constexpr std::chrono::minutes kMailInterval{2};

// Trimmed and lower-cased, as stored.
std::string normalise_email(std::string_view email);

class CitizenAccounts {
 public:
  using Now = std::function<TimePoint()>;
  // public_url: the site's address, for the links in the mails (no trailing slash needed).
  CitizenAccounts(platform::db::Database& database, const AuditLog& audit, const SessionStore& sessions,
                  notify::Outbox& outbox, std::string public_url, Now clock = {}, LockoutPolicy lockout = {});

  // Problems with the input, if any; otherwise the address's owner gets a mail
  // (a link to confirm, or a note that the account exists) and the result is
  // empty whether or not the address was known.
  std::vector<FieldProblem> register_account(std::string_view email, std::string_view password,
                                             std::string_view confirmation, const AuditActor& client) const;
  // Spends the token and marks the address confirmed; false for an unknown, used or expired token.
  bool verify_email(std::string_view token, const AuditActor& client) const;

  // signed_in, unverified (right password, address not yet confirmed) or refused.
  LoginResult sign_in(std::string_view email, std::string_view password, const AuditActor& client) const;

  // Mails a reset link if the address has an account; looks the same either way.
  // Problems only for an address that is not one.
  std::vector<FieldProblem> request_password_reset(std::string_view email, const AuditActor& client) const;
  // Spends the token from the mailed link and returns a fresh one with the
  // same expiry, for the page to keep in a cookie: the link's token (which
  // access logs may record) is worthless as soon as it has been opened.
  std::optional<std::string> exchange_reset_token(std::string_view token) const;
  bool reset_token_valid(std::string_view token) const;
  // Sets the password, confirms the address, lifts a lockout and ends every session.
  // A problem with field "token" means the link is no longer valid.
  std::optional<FieldProblem> reset_password(std::string_view token, std::string_view password,
                                             std::string_view confirmation, const AuditActor& client) const;

  std::optional<CitizenAccount> find(int64_t id) const;

 private:
  enum class Reserve { allowed, allowed_and_locks, locked };
  Reserve reserve_attempt(int64_t id, std::string_view client, TimePoint now) const;
  // A new token of `purpose` for the account (older unused ones stop working); returns it for the link.
  std::string issue_token(platform::db::Connection& c, int64_t account_id, citizen_store::TokenPurpose purpose,
                          TimePoint now) const;
  bool token_valid(platform::db::Connection& c, std::string_view token, citizen_store::TokenPurpose purpose,
                   TimePoint now, citizen_store::TokenRow* row = nullptr) const;
  std::string link(std::string_view path, std::string_view token) const;

  platform::db::Database& database_;
  const AuditLog& audit_;
  const SessionStore& sessions_;
  notify::Outbox& outbox_;
  std::string public_url_;
  Now clock_;
  LockoutPolicy lockout_;
};

}  // namespace madoguchi::identity
