#include "identity/session_store.h"

#include "platform/crypto.h"
#include "platform/time.h"

namespace madoguchi::identity {

namespace {

using platform::db::Connection;

std::string_view kind_name(SessionKind kind) { return kind == SessionKind::staff ? "staff" : "citizen"; }

SessionPolicy policy_for(const SessionRecord& session) {
  return session.second_factor_pending ? SessionPolicy::second_factor() : SessionPolicy::for_kind(session.kind);
}

}  // namespace

SessionStore::SessionStore(platform::db::Database& database, Now clock)
    : database_(database), clock_(clock ? std::move(clock) : Now([] { return platform::Clock::now(); })) {}

std::string SessionStore::hash_token(std::string_view token) { return platform::crypto::sha256_hex(token); }

std::string SessionStore::create(Connection& connection, SessionKind kind, int64_t principal_id,
                                 bool second_factor_pending) const {
  const TimePoint now = clock_();
  const SessionPolicy policy = SessionPolicy::for_kind(kind);
  connection.execute("DELETE FROM sessions WHERE kind = ? AND (created_at < ? OR last_seen_at < ?)",
                     {kind_name(kind), platform::iso_timestamp(now - policy.absolute),
                      platform::iso_timestamp(now - policy.idle)});
  std::string token = platform::crypto::random_token(32);
  std::string stamp = platform::iso_timestamp(now);
  connection.execute(
      "INSERT INTO sessions (token_hash, kind, principal_id, second_factor_pending, created_at, last_seen_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {hash_token(token), kind_name(kind), principal_id, second_factor_pending, stamp, stamp});
  return token;
}

std::optional<SessionRecord> SessionStore::resolve(std::string_view token) const {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const std::string hash = hash_token(token);
  auto row = database_.read([&](Connection& c) {
    return c.query_one(
        "SELECT kind, principal_id, second_factor_pending, created_at, last_seen_at FROM sessions WHERE token_hash = ?",
        {hash});
  });
  if (!row) return std::nullopt;
  SessionRecord session;
  session.token_hash = hash;
  session.kind = row->text(0) == "staff" ? SessionKind::staff : SessionKind::citizen;
  session.principal_id = row->integer(1);
  session.second_factor_pending = row->integer(2) != 0;
  session.created_at = platform::parse_iso_timestamp(row->text(3));
  session.last_seen_at = platform::parse_iso_timestamp(row->text(4));
  const TimePoint now = clock_();
  if (!session_alive(session.created_at, session.last_seen_at, now, policy_for(session))) {
    end(hash);
    return std::nullopt;
  }
  if (now - session.last_seen_at >= kSessionTouchInterval) {
    database_.write([&](Connection& c) {
      c.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {platform::iso_timestamp(now), hash});
    });
    session.last_seen_at = now;
  }
  return session;
}

void SessionStore::end(Connection& connection, std::string_view token_hash) const {
  connection.execute("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

void SessionStore::end(std::string_view token_hash) const {
  database_.write([&](Connection& c) { end(c, token_hash); });
}

void SessionStore::end_all(Connection& connection, SessionKind kind, int64_t principal_id) const {
  connection.execute("DELETE FROM sessions WHERE kind = ? AND principal_id = ?", {kind_name(kind), principal_id});
}

}  // namespace madoguchi::identity
