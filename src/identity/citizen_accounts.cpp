#include "identity/citizen_accounts.h"

#include "identity/account_mail.h"
#include "identity/login_failures.h"
#include "identity/password_policy.h"
#include "notify/address.h"
#include "platform/crypto.h"

namespace madoguchi::identity {

namespace {

using citizen_store::TokenPurpose;
using platform::db::Connection;
namespace store = citizen_store;

AuditActor citizen_actor(const AuditActor& client, int64_t id) {
  AuditActor actor = client;
  actor.kind = "citizen";
  actor.name = "citizen:" + std::to_string(id);
  return actor;
}

AuditActor anonymous(const AuditActor& client) {
  AuditActor actor = client;
  actor.kind = "anonymous";
  actor.name.clear();
  return actor;
}

std::optional<FieldProblem> email_problem(const std::string& email) {
  if (email.empty()) return FieldProblem{"email", "errors.email_required"};
  if (!notify::is_plausible_address(email)) return FieldProblem{"email", "errors.email_invalid"};
  return std::nullopt;
}

void password_problems(std::vector<FieldProblem>& problems, std::string_view password, std::string_view confirmation,
                       const std::string& email) {
  if (auto problem = check_password(password, AccountKind::citizen, {email})) {
    problems.push_back({"password", "password." + problem->code, problem->limit});
  } else if (password != confirmation) {
    problems.push_back({"confirm_password", "errors.confirmation_mismatch"});
  }
}

bool recently_mailed(Connection& c, int64_t id, TokenPurpose purpose, TimePoint now) {
  auto last = store::last_token_at(c, id, purpose);
  return last && now - *last < kMailInterval;
}

}  // namespace

std::string normalise_email(std::string_view email) {
  size_t start = email.find_first_not_of(" \t");
  size_t end = email.find_last_not_of(" \t");
  if (start == std::string_view::npos) return "";
  std::string out(email.substr(start, end - start + 1));
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

CitizenAccounts::CitizenAccounts(platform::db::Database& database, const AuditLog& audit, const SessionStore& sessions,
                                 notify::Outbox& outbox, std::string public_url, Now clock, LockoutPolicy lockout)
    : database_(database),
      audit_(audit),
      sessions_(sessions),
      outbox_(outbox),
      public_url_(std::move(public_url)),
      clock_(clock ? std::move(clock) : Now([] { return platform::Clock::now(); })),
      lockout_(lockout) {
  while (!public_url_.empty() && public_url_.back() == '/') public_url_.pop_back();
}

std::string CitizenAccounts::link(std::string_view path, std::string_view token) const {
  return public_url_ + std::string(path) + std::string(token);
}

std::string CitizenAccounts::issue_token(Connection& c, int64_t account_id, TokenPurpose purpose, TimePoint now) const {
  store::use_tokens(c, account_id, purpose, now);
  std::string token = platform::crypto::random_token(32);
  auto lifetime = purpose == TokenPurpose::verify_email ? std::chrono::duration_cast<std::chrono::minutes>(kVerificationLifetime)
                                                        : std::chrono::duration_cast<std::chrono::minutes>(kResetLifetime);
  store::insert_token(c, SessionStore::hash_token(token), account_id, purpose, now, now + lifetime);
  return token;
}

bool CitizenAccounts::token_valid(Connection& c, std::string_view token, TokenPurpose purpose, TimePoint now,
                                  store::TokenRow* out) const {
  if (token.empty() || token.size() > 128) return false;
  auto row = store::find_token(c, SessionStore::hash_token(token));
  if (!row || row->purpose != purpose || row->used || now >= row->expires_at) return false;
  if (out) *out = *row;
  return true;
}

std::vector<FieldProblem> CitizenAccounts::register_account(std::string_view email_in, std::string_view password,
                                                            std::string_view confirmation,
                                                            const AuditActor& client) const {
  const std::string email = normalise_email(email_in);
  std::vector<FieldProblem> problems;
  if (auto problem = email_problem(email)) problems.push_back(*problem);
  password_problems(problems, password, confirmation, email);
  if (!problems.empty()) return problems;
  // Hashed whether or not the address is new, so the answer takes as long either way.
  std::string hash = platform::crypto::hash_password(password);
  const TimePoint now = clock_();
  database_.write([&](Connection& c) {
    auto existing = store::find_by_email(c, email);
    if (!existing) {
      int64_t id = store::insert(c, email, hash, now);
      std::string token = issue_token(c, id, TokenPurpose::verify_email, now);
      outbox_.enqueue(c, verification_mail(email, link("/account/verify/", token)));
      audit_.record(c, citizen_actor(client, id).entry("citizen_registered", "citizen_account", std::to_string(id)));
      return;
    }
    const int64_t id = existing->account.id;
    const AuditActor actor = citizen_actor(client, id);
    if (recently_mailed(c, id, TokenPurpose::verify_email, now)) {
      audit_.record(c, actor.entry("citizen_registration_repeated", "citizen_account", std::to_string(id),
                                   {{"mailed", false}}));
      return;
    }
    if (existing->account.verified) {
      // Marks the moment, so repeated attempts are throttled like the others.
      store::insert_token(c, SessionStore::hash_token(platform::crypto::random_token(32)), id,
                          TokenPurpose::verify_email, now, now);
      outbox_.enqueue(c, already_registered_mail(email, public_url_ + "/account/login", public_url_ + "/account/forgot"));
    } else {
      // The newest registration's password wins and older links stop working,
      // so whoever registered first cannot ride on the owner's confirmation.
      store::set_password_hash(c, id, hash, now);
      std::string token = issue_token(c, id, TokenPurpose::verify_email, now);
      outbox_.enqueue(c, verification_mail(email, link("/account/verify/", token)));
    }
    audit_.record(c, actor.entry("citizen_registration_repeated", "citizen_account", std::to_string(id),
                                 {{"mailed", true}, {"verified", existing->account.verified}}));
  });
  return {};
}

bool CitizenAccounts::verify_email(std::string_view token, const AuditActor& client) const {
  const TimePoint now = clock_();
  return database_.write([&](Connection& c) {
    store::TokenRow row;
    if (!token_valid(c, token, TokenPurpose::verify_email, now, &row)) return false;
    store::use_tokens(c, row.account_id, TokenPurpose::verify_email, now);
    store::set_verified(c, row.account_id, now);
    audit_.record(c, citizen_actor(client, row.account_id)
                         .entry("citizen_email_verified", "citizen_account", std::to_string(row.account_id)));
    return true;
  });
}

CitizenAccounts::Reserve CitizenAccounts::reserve_attempt(int64_t id, std::string_view client, TimePoint now) const {
  return database_.write([&](Connection& c) {
    LockoutState fresh = login_failures::state(c, SessionKind::citizen, id, client);
    if (is_locked(fresh, now)) return Reserve::locked;
    LockoutState next = after_failure(fresh, now, lockout_);
    login_failures::set(c, SessionKind::citizen, id, client, next, now);
    return is_locked(next, now) ? Reserve::allowed_and_locks : Reserve::allowed;
  });
}

LoginResult CitizenAccounts::sign_in(std::string_view email_in, std::string_view password,
                                     const AuditActor& client) const {
  const TimePoint now = clock_();
  const std::string email = normalise_email(email_in);
  auto row = database_.read([&](Connection& c) { return store::find_by_email(c, email); });
  // Every outcome does the same work — one count, one password hash, one
  // audit entry — so neither the answer nor its timing tells them apart.
  if (!row) {
    reserve_attempt(login_failures::kNoAccount, client.ip, now);
    platform::crypto::verify_password_of_no_account(password);
    audit_.record(anonymous(client).entry("citizen_login_failed", "citizen_account", "", {{"reason", "unknown_account"}}));
    return {};
  }
  const int64_t id = row->account.id;
  const AuditActor actor = citizen_actor(client, id);
  const std::string subject = std::to_string(id);
  Reserve reserve = reserve_attempt(id, client.ip, now);
  const bool password_ok = platform::crypto::verify_password(row->password_hash, password);
  if (reserve == Reserve::locked) {
    audit_.record(actor.entry("citizen_login_refused", "citizen_account", subject, {{"reason", "locked"}}));
    return {};
  }
  if (!password_ok) {
    database_.write([&](Connection& c) {
      audit_.record(c, actor.entry("citizen_login_failed", "citizen_account", subject, {{"reason", "wrong_password"}}));
      if (reserve == Reserve::allowed_and_locks) {
        audit_.record(c, actor.entry("citizen_account_locked", "citizen_account", subject,
                                     {{"minutes", lockout_.lock_for.count()}}));
      }
    });
    return {};
  }
  std::optional<std::string> rehash;
  if (platform::crypto::password_needs_rehash(row->password_hash)) rehash = platform::crypto::hash_password(password);
  return database_.write([&](Connection& c) {
    login_failures::set(c, SessionKind::citizen, id, client.ip, after_success(), now);
    if (rehash) store::set_password_hash(c, id, *rehash, now);
    if (!row->account.verified) {
      audit_.record(c, actor.entry("citizen_login_refused", "citizen_account", subject, {{"reason", "unverified"}}));
      return LoginResult{LoginStatus::unverified, ""};
    }
    LoginResult result{LoginStatus::signed_in, sessions_.create(c, SessionKind::citizen, id)};
    audit_.record(c, actor.entry("citizen_login", "citizen_account", subject));
    return result;
  });
}

std::vector<FieldProblem> CitizenAccounts::request_password_reset(std::string_view email_in,
                                                                  const AuditActor& client) const {
  const std::string email = normalise_email(email_in);
  if (auto problem = email_problem(email)) return {*problem};
  const TimePoint now = clock_();
  database_.write([&](Connection& c) {
    auto existing = store::find_by_email(c, email);
    if (!existing) {
      audit_.record(c, anonymous(client).entry("citizen_password_reset_requested", "citizen_account", "",
                                            {{"known", false}}));
      return;
    }
    const int64_t id = existing->account.id;
    bool mailed = !recently_mailed(c, id, TokenPurpose::reset_password, now);
    if (mailed) {
      std::string token = issue_token(c, id, TokenPurpose::reset_password, now);
      outbox_.enqueue(c, password_reset_mail(email, link("/account/reset/", token)));
    }
    audit_.record(c, citizen_actor(client, id).entry("citizen_password_reset_requested", "citizen_account",
                                                     std::to_string(id), {{"known", true}, {"mailed", mailed}}));
  });
  return {};
}

std::optional<std::string> CitizenAccounts::exchange_reset_token(std::string_view token) const {
  const TimePoint now = clock_();
  return database_.write([&](Connection& c) -> std::optional<std::string> {
    store::TokenRow row;
    if (!token_valid(c, token, TokenPurpose::reset_password, now, &row)) return std::nullopt;
    store::use_tokens(c, row.account_id, TokenPurpose::reset_password, now);
    std::string fresh = platform::crypto::random_token(32);
    store::insert_token(c, SessionStore::hash_token(fresh), row.account_id, TokenPurpose::reset_password, row.created_at,
                        row.expires_at);
    return fresh;
  });
}

bool CitizenAccounts::reset_token_valid(std::string_view token) const {
  const TimePoint now = clock_();
  return database_.read([&](Connection& c) { return token_valid(c, token, TokenPurpose::reset_password, now); });
}

std::optional<FieldProblem> CitizenAccounts::reset_password(std::string_view token, std::string_view password,
                                                            std::string_view confirmation,
                                                            const AuditActor& client) const {
  const TimePoint now = clock_();
  store::TokenRow token_row;
  std::optional<store::CitizenRow> account;
  bool valid = database_.read([&](Connection& c) {
    if (!token_valid(c, token, TokenPurpose::reset_password, now, &token_row)) return false;
    account = store::find_by_id(c, token_row.account_id);
    return account.has_value();
  });
  if (!valid) return FieldProblem{"token", "errors.reset_link_invalid"};
  std::vector<FieldProblem> problems;
  password_problems(problems, password, confirmation, account->account.email);
  if (!problems.empty()) return problems.front();
  std::string hash = platform::crypto::hash_password(password);
  bool done = database_.write([&](Connection& c) {
    // Checked again in the transaction: the same link may have been used in another tab.
    if (!token_valid(c, token, TokenPurpose::reset_password, now)) return false;
    const int64_t id = token_row.account_id;
    store::use_tokens(c, id, TokenPurpose::reset_password, now);
    store::set_password_hash(c, id, hash, now);
    store::set_verified(c, id, now);
    login_failures::clear_account(c, SessionKind::citizen, id);
    sessions_.end_all(c, SessionKind::citizen, id);
    audit_.record(c, citizen_actor(client, id).entry("citizen_password_reset", "citizen_account", std::to_string(id)));
    return true;
  });
  if (!done) return FieldProblem{"token", "errors.reset_link_invalid"};
  return std::nullopt;
}

std::optional<CitizenAccount> CitizenAccounts::find(int64_t id) const {
  auto row = database_.read([&](Connection& c) { return store::find_by_id(c, id); });
  if (!row) return std::nullopt;
  return row->account;
}

}  // namespace madoguchi::identity
