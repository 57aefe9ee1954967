#include "identity/staff_accounts.h"

#include "identity/login_failures.h"
#include "identity/password_policy.h"
#include "identity/staff_store.h"
#include "identity/totp.h"
#include "jp/unicode.h"

namespace madoguchi::identity {

namespace {

using platform::db::Connection;
namespace store = staff_store;

AuditActor acting_as(const AuditActor& client, std::string kind, std::string name) {
  AuditActor actor = client;
  actor.kind = std::move(kind);
  actor.name = std::move(name);
  return actor;
}

AuditActor staff_actor(const AuditActor& client, const StaffUser& user) { return acting_as(client, "staff", user.login); }

std::optional<FieldProblem> password_problem(std::string_view field, std::string_view password,
                                             const std::string& login) {
  if (auto problem = check_password(password, AccountKind::staff, {login})) {
    return FieldProblem{std::string(field), "password." + problem->code, problem->limit};
  }
  return std::nullopt;
}

// Trims ASCII and ideographic spaces at both ends, nothing else.
std::string trim_ends(std::string_view text) {
  auto is_space_at = [&](size_t i, size_t& width) {
    if (text[i] == ' ' || text[i] == '\t') return width = 1, true;
    if (text.substr(i, 3) == "\u3000") return width = 3, true;
    return false;
  };
  size_t start = 0, width = 0;
  while (start < text.size() && is_space_at(start, width)) start += width;
  size_t end = text.size();
  while (end > start) {
    if (text[end - 1] == ' ' || text[end - 1] == '\t') {
      --end;
    } else if (end - start >= 3 && text.substr(end - 3, 3) == "\u3000") {
      end -= 3;
    } else {
      break;
    }
  }
  return std::string(text.substr(start, end - start));
}

std::optional<FieldProblem> display_name_problem(const std::string& name) {
  if (name.empty()) return FieldProblem{"display_name", "errors.display_name_required"};
  auto decoded = jp::decode_utf8(name, 64 * 4);
  if (!decoded) return FieldProblem{"display_name", "errors.display_name_invalid"};
  if (decoded.value().size() > 64) return FieldProblem{"display_name", "errors.display_name_too_long", 64};
  for (char32_t c : decoded.value()) {
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return FieldProblem{"display_name", "errors.display_name_invalid"};
  }
  return std::nullopt;
}

}  // namespace

StaffInputError::StaffInputError(std::vector<FieldProblem> problems)
    : std::invalid_argument(problems.empty() ? "invalid staff input" : problems.front().field + ": " + problems.front().code),
      problems_(std::move(problems)) {}

std::string normalise_login(std::string_view login) {
  std::string out = trim_ends(login);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool is_valid_login(std::string_view login) {
  if (login.size() < 2 || login.size() > 64) return false;
  for (char c : login) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

StaffAccounts::StaffAccounts(platform::db::Database& database, const AuditLog& audit, const SessionStore& sessions,
                             std::vector<uint8_t> totp_key, Now clock, LockoutPolicy lockout)
    : database_(database),
      audit_(audit),
      sessions_(sessions),
      box_(std::move(totp_key)),
      clock_(clock ? std::move(clock) : Now([] { return platform::Clock::now(); })),
      lockout_(lockout) {}

StaffUser StaffAccounts::create(const NewStaff& staff, const AuditActor& actor) const {
  StaffUser user;
  user.login = normalise_login(staff.login);
  user.display_name = trim_ends(staff.display_name);
  user.roles = staff.roles;
  user.scope = staff.scope;
  std::vector<FieldProblem> problems;
  if (!is_valid_login(user.login)) problems.push_back({"login", "errors.login_invalid"});
  if (auto problem = display_name_problem(user.display_name)) problems.push_back(*problem);
  if (user.roles.empty()) problems.push_back({"role", "errors.roles_required"});
  for (const auto& code : user.scope.departments.codes()) {
    if (!is_valid_scope_code(code)) problems.push_back({"department", "errors.scope_code_invalid"});
  }
  for (const auto& code : user.scope.wards.codes()) {
    if (!is_valid_scope_code(code)) problems.push_back({"ward", "errors.scope_code_invalid"});
  }
  if (auto problem = password_problem("password", staff.password, user.login)) problems.push_back(*problem);
  if (!problems.empty()) throw StaffInputError(problems);

  std::string hash = platform::crypto::hash_password(staff.password);
  const TimePoint now = clock_();
  bool created = database_.write([&](Connection& c) {
    if (store::find_by_login(c, user.login)) return false;
    user.id = store::insert(c, user, hash, now);
    audit_.record(c, actor.entry("staff_user_created", "staff_user", user.login,
                                 {{"roles", user.roles.names()},
                                  {"departments", user.scope.departments.codes()},
                                  {"wards", user.scope.wards.codes()}}));
    return true;
  });
  if (!created) throw StaffInputError({FieldProblem{"login", "errors.login_taken"}});
  return user;
}

std::vector<StaffUser> StaffAccounts::list() const {
  return database_.read([](Connection& c) { return store::list(c); });
}

std::optional<StaffUser> StaffAccounts::find(int64_t id) const {
  auto row = database_.read([&](Connection& c) { return store::find_by_id(c, id); });
  if (!row) return std::nullopt;
  return row->user;
}

std::optional<StaffUser> StaffAccounts::find_by_login(std::string_view login) const {
  auto row = database_.read([&](Connection& c) { return store::find_by_login(c, normalise_login(login)); });
  if (!row) return std::nullopt;
  return row->user;
}

bool StaffAccounts::disable(std::string_view login, const AuditActor& actor) const {
  const TimePoint now = clock_();
  return database_.write([&](Connection& c) {
    auto row = store::find_by_login(c, normalise_login(login));
    if (!row) return false;
    store::set_disabled(c, row->user.id, true, now);
    sessions_.end_all(c, SessionKind::staff, row->user.id);
    audit_.record(c, actor.entry("staff_user_disabled", "staff_user", row->user.login));
    return true;
  });
}

void StaffAccounts::set_password(std::string_view login, std::string_view password, const AuditActor& actor) const {
  auto user = find_by_login(login);
  if (!user) throw StaffInputError({FieldProblem{"login", "errors.login_unknown"}});
  if (auto problem = password_problem("password", password, user->login)) throw StaffInputError({*problem});
  std::string hash = platform::crypto::hash_password(password);
  const TimePoint now = clock_();
  database_.write([&](Connection& c) {
    store::set_password_hash(c, user->id, hash, now);
    login_failures::clear_account(c, SessionKind::staff, user->id);
    sessions_.end_all(c, SessionKind::staff, user->id);
    audit_.record(c, actor.entry("staff_password_set", "staff_user", user->login));
  });
}

StaffAccounts::Reserve StaffAccounts::reserve_attempt(int64_t id, std::string_view client, TimePoint now) const {
  // The attempt counts as a failure before the secret is checked, so parallel
  // guesses cannot outrun the lockout; a success clears the count again.
  return database_.write([&](Connection& c) {
    LockoutState fresh = login_failures::state(c, SessionKind::staff, id, client);
    if (is_locked(fresh, now)) return Reserve::locked;
    return register_failure(c, id, client, fresh, now) ? Reserve::allowed_and_locks : Reserve::allowed;
  });
}

void StaffAccounts::record_failure(const AuditActor& actor, const StaffUser& user, const char* reason,
                                   Reserve reserve) const {
  database_.write([&](Connection& c) {
    audit_.record(c, actor.entry("staff_login_failed", "staff_user", user.login, {{"reason", reason}}));
    if (reserve == Reserve::allowed_and_locks) {
      audit_.record(c, actor.entry("staff_account_locked", "staff_user", user.login,
                                   {{"minutes", lockout_.lock_for.count()}}));
    }
  });
}

bool StaffAccounts::register_failure(Connection& c, int64_t id, std::string_view client, const LockoutState& state,
                                     TimePoint now) const {
  LockoutState next = after_failure(state, now, lockout_);
  login_failures::set(c, SessionKind::staff, id, client, next, now);
  return !is_locked(state, now) && is_locked(next, now);
}

LoginResult StaffAccounts::sign_in(std::string_view login, std::string_view password, const AuditActor& client) const {
  const TimePoint now = clock_();
  const std::string name = normalise_login(login);
  std::optional<store::StaffRow> row;
  if (is_valid_login(name)) row = database_.read([&](Connection& c) { return store::find_by_login(c, name); });
  // Every outcome does the same work — one count, one password hash, one
  // audit entry — so neither the answer nor its timing tells an unknown
  // login from a locked or a real one.
  if (!row) {
    reserve_attempt(login_failures::kNoAccount, client.ip, now);
    platform::crypto::verify_password_of_no_account(password);
    // The typed name is not recorded: it may be a password typed in the wrong field.
    audit_.record(acting_as(client, "anonymous", "").entry("staff_login_failed", "staff_user", "",
                                                         {{"reason", "unknown_login"}}));
    return {};
  }
  const StaffUser& user = row->user;
  const AuditActor actor = staff_actor(client, user);
  Reserve reserve = reserve_attempt(user.id, client.ip, now);
  bool password_ok = platform::crypto::verify_password(row->password_hash, password);
  if (reserve == Reserve::locked) {
    audit_.record(actor.entry("staff_login_refused", "staff_user", user.login, {{"reason", "locked"}}));
    return {};
  }
  if (!password_ok || user.disabled) {
    record_failure(actor, user, !password_ok ? "wrong_password" : "disabled", reserve);
    return {};
  }
  std::optional<std::string> rehash;
  if (platform::crypto::password_needs_rehash(row->password_hash)) rehash = platform::crypto::hash_password(password);
  return database_.write([&](Connection& c) {
    login_failures::set(c, SessionKind::staff, user.id, client.ip, after_success(), now);
    if (rehash) store::set_password_hash(c, user.id, *rehash, now);
    LoginResult result;
    if (user.totp_enabled) {
      result.status = LoginStatus::second_factor_needed;
      result.session_token = sessions_.create(c, SessionKind::staff, user.id, true);
      audit_.record(c, actor.entry("staff_password_accepted", "staff_user", user.login, {{"next", "totp"}}));
    } else {
      result.status = LoginStatus::signed_in;
      result.session_token = sessions_.create(c, SessionKind::staff, user.id);
      audit_.record(c, actor.entry("staff_login", "staff_user", user.login, {{"second_factor", false}}));
    }
    return result;
  });
}

LoginResult StaffAccounts::second_factor(std::string_view pending_token, std::string_view code,
                                         const AuditActor& client) const {
  auto pending = sessions_.resolve(pending_token);
  if (!pending || !pending->second_factor_pending || pending->kind != SessionKind::staff) return {};
  const TimePoint now = clock_();
  auto row = database_.read([&](Connection& c) { return store::find_by_id(c, pending->principal_id); });
  if (!row || row->user.disabled || !row->totp_secret) {
    sessions_.end(pending->token_hash);
    return {};
  }
  const StaffUser& user = row->user;
  const AuditActor actor = staff_actor(client, user);
  Reserve reserve = reserve_attempt(user.id, client.ip, now);
  if (reserve == Reserve::locked) {
    sessions_.end(pending->token_hash);
    audit_.record(actor.entry("staff_login_refused", "staff_user", user.login, {{"reason", "locked"}}));
    return {};
  }
  auto step = verify_totp(open_secret(*row->totp_secret), code, now, row->totp_last_step);
  if (!step) {
    record_failure(actor, user, "wrong_code", reserve);
    if (reserve == Reserve::allowed_and_locks) {
      sessions_.end(pending->token_hash);
      return {};
    }
    return {LoginStatus::second_factor_needed, std::string(pending_token)};
  }
  return database_.write([&](Connection& c) -> LoginResult {
    if (!store::claim_totp_step(c, user.id, *step, now)) {
      return {LoginStatus::second_factor_needed, std::string(pending_token)};
    }
    login_failures::set(c, SessionKind::staff, user.id, client.ip, after_success(), now);
    sessions_.end(c, pending->token_hash);
    LoginResult result{LoginStatus::signed_in, sessions_.create(c, SessionKind::staff, user.id)};
    audit_.record(c, actor.entry("staff_login", "staff_user", user.login, {{"second_factor", true}}));
    return result;
  });
}

PasswordChange StaffAccounts::change_password(const StaffUser& user, std::string_view current,
                                              std::string_view replacement, std::string_view confirmation,
                                              const AuditActor& actor) const {
  const TimePoint now = clock_();
  auto row = database_.read([&](Connection& c) { return store::find_by_id(c, user.id); });
  if (!row) return {FieldProblem{"current_password", "errors.current_password_wrong"}, ""};
  if (current.empty()) return {FieldProblem{"current_password", "errors.current_password_required"}, ""};
  const bool locked = database_.read(
      [&](Connection& c) { return is_locked(login_failures::state(c, SessionKind::staff, user.id, actor.ip), now); });
  if (!platform::crypto::verify_password(row->password_hash, current) || locked) {
    database_.write([&](Connection& c) {
      LockoutState fresh = login_failures::state(c, SessionKind::staff, user.id, actor.ip);
      if (register_failure(c, user.id, actor.ip, fresh, now)) {
        sessions_.end_all(c, SessionKind::staff, user.id);
        audit_.record(c, actor.entry("staff_account_locked", "staff_user", user.login,
                                     {{"minutes", lockout_.lock_for.count()}}));
      }
      audit_.record(c, actor.entry("staff_password_change_failed", "staff_user", user.login,
                                   {{"reason", "wrong_password"}}));
    });
    return {FieldProblem{"current_password", "errors.current_password_wrong"}, ""};
  }
  if (auto problem = password_problem("new_password", replacement, user.login)) return {problem, ""};
  if (replacement == current) return {FieldProblem{"new_password", "errors.password_unchanged"}, ""};
  if (replacement != confirmation) return {FieldProblem{"confirm_password", "errors.confirmation_mismatch"}, ""};
  std::string hash = platform::crypto::hash_password(replacement);
  return database_.write([&](Connection& c) {
    store::set_password_hash(c, user.id, hash, now);
    login_failures::clear_account(c, SessionKind::staff, user.id);
    sessions_.end_all(c, SessionKind::staff, user.id);
    PasswordChange change{std::nullopt, sessions_.create(c, SessionKind::staff, user.id)};
    audit_.record(c, actor.entry("staff_password_changed", "staff_user", user.login));
    return change;
  });
}

std::vector<uint8_t> StaffAccounts::open_secret(const std::string& sealed) const {
  std::string raw = box_.open(sealed);
  return std::vector<uint8_t>(raw.begin(), raw.end());
}

std::vector<uint8_t> StaffAccounts::begin_totp_setup(const StaffUser& user) const {
  auto secret = platform::crypto::random_bytes(kTotpSecretBytes);
  std::string sealed = box_.seal(std::string_view(reinterpret_cast<const char*>(secret.data()), secret.size()));
  const TimePoint now = clock_();
  database_.write([&](Connection& c) { store::set_totp_pending(c, user.id, sealed, now); });
  return secret;
}

std::optional<std::vector<uint8_t>> StaffAccounts::pending_totp_secret(const StaffUser& user) const {
  auto row = database_.read([&](Connection& c) { return store::find_by_id(c, user.id); });
  if (!row || !row->totp_pending_secret) return std::nullopt;
  return open_secret(*row->totp_pending_secret);
}

std::optional<FieldProblem> StaffAccounts::confirm_totp(const StaffUser& user, std::string_view code,
                                                        const AuditActor& actor) const {
  auto row = database_.read([&](Connection& c) { return store::find_by_id(c, user.id); });
  if (!row || !row->totp_pending_secret) return FieldProblem{"code", "errors.totp_setup_expired"};
  const TimePoint now = clock_();
  auto step = verify_totp(open_secret(*row->totp_pending_secret), code, now, std::nullopt);
  if (!step) return FieldProblem{"code", "errors.totp_code_wrong"};
  database_.write([&](Connection& c) {
    store::set_totp(c, user.id, row->totp_pending_secret, *step, now);
    audit_.record(c, actor.entry("staff_totp_enabled", "staff_user", user.login));
  });
  return std::nullopt;
}

std::optional<FieldProblem> StaffAccounts::disable_totp(const StaffUser& user, std::string_view password,
                                                        const AuditActor& actor) const {
  auto row = database_.read([&](Connection& c) { return store::find_by_id(c, user.id); });
  const TimePoint now = clock_();
  const bool locked = database_.read(
      [&](Connection& c) { return is_locked(login_failures::state(c, SessionKind::staff, user.id, actor.ip), now); });
  if (!row || locked || !platform::crypto::verify_password(row->password_hash, password)) {
    database_.write([&](Connection& c) {
      LockoutState fresh = login_failures::state(c, SessionKind::staff, user.id, actor.ip);
      if (register_failure(c, user.id, actor.ip, fresh, now)) {
        sessions_.end_all(c, SessionKind::staff, user.id);
        audit_.record(c, actor.entry("staff_account_locked", "staff_user", user.login,
                                     {{"minutes", lockout_.lock_for.count()}}));
      }
    });
    return FieldProblem{"password", "errors.current_password_wrong"};
  }
  database_.write([&](Connection& c) {
    store::set_totp(c, user.id, std::nullopt, std::nullopt, now);
    audit_.record(c, actor.entry("staff_totp_disabled", "staff_user", user.login));
  });
  return std::nullopt;
}

}  // namespace madoguchi::identity
