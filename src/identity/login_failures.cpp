#include "identity/login_failures.h"

#include <optional>
#include <string>

#include "platform/crypto.h"
#include "platform/time.h"

namespace madoguchi::identity::login_failures {

namespace {

std::string_view kind_name(SessionKind kind) { return kind == SessionKind::staff ? "staff" : "citizen"; }

}  // namespace

LockoutState state(platform::db::Connection& c, SessionKind kind, int64_t account_id, std::string_view client) {
  auto row = c.query_one(
      "SELECT failures, locked_until FROM login_failures WHERE account_kind = ? AND account_id = ? AND client_hash = ?",
      {kind_name(kind), account_id, platform::crypto::sha256_hex(client)});
  LockoutState out;
  if (!row) return out;
  out.failures = static_cast<int>(row->integer(0));
  if (auto until = row->optional_text(1)) out.locked_until = platform::parse_iso_timestamp(*until);
  return out;
}

void set(platform::db::Connection& c, SessionKind kind, int64_t account_id, std::string_view client,
         const LockoutState& state, TimePoint now) {
  std::optional<std::string> until;
  if (state.locked_until) until = platform::iso_timestamp(*state.locked_until);
  const std::string stamp = platform::iso_timestamp(now);
  c.execute(
      "INSERT INTO login_failures (account_kind, account_id, client_hash, failures, locked_until, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_kind, account_id, client_hash) DO UPDATE SET "
      "failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at",
      {kind_name(kind), account_id, platform::crypto::sha256_hex(client), state.failures, until, stamp});
  c.execute("DELETE FROM login_failures WHERE updated_at < ?", {platform::iso_timestamp(now - std::chrono::hours(24))});
}

void clear_account(platform::db::Connection& c, SessionKind kind, int64_t account_id) {
  c.execute("DELETE FROM login_failures WHERE account_kind = ? AND account_id = ?", {kind_name(kind), account_id});
}

}  // namespace madoguchi::identity::login_failures
