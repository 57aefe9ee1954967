#include "identity/citizen_store.h"

#include "platform/time.h"

namespace madoguchi::identity::citizen_store {

namespace {

using platform::db::Connection;
using platform::db::Row;

constexpr const char* kSelect =
    "SELECT id, email, password_hash, verified_at FROM citizen_accounts ";

std::optional<CitizenRow> from_row(const std::optional<Row>& row) {
  if (!row) return std::nullopt;
  CitizenRow r;
  r.account.id = row->integer(0);
  r.account.email = row->text(1);
  r.password_hash = row->text(2);
  r.account.verified = !row->is_null(3);
  return r;
}

std::string_view purpose_name(TokenPurpose purpose) {
  return purpose == TokenPurpose::verify_email ? "verify_email" : "reset_password";
}

}  // namespace

std::optional<CitizenRow> find_by_email(Connection& c, std::string_view email) {
  return from_row(c.query_one(std::string(kSelect) + "WHERE email = ?", {email}));
}

std::optional<CitizenRow> find_by_id(Connection& c, int64_t id) {
  return from_row(c.query_one(std::string(kSelect) + "WHERE id = ?", {id}));
}

int64_t insert(Connection& c, std::string_view email, const std::string& password_hash, TimePoint now) {
  std::string stamp = platform::iso_timestamp(now);
  return c.query_one("INSERT INTO citizen_accounts (email, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?) "
                     "RETURNING id",
                     {email, password_hash, stamp, stamp})
      ->integer(0);
}

void set_password_hash(Connection& c, int64_t id, const std::string& hash, TimePoint now) {
  c.execute("UPDATE citizen_accounts SET password_hash = ?, updated_at = ? WHERE id = ?",
            {hash, platform::iso_timestamp(now), id});
}

void set_verified(Connection& c, int64_t id, TimePoint now) {
  std::string stamp = platform::iso_timestamp(now);
  c.execute("UPDATE citizen_accounts SET verified_at = COALESCE(verified_at, ?), updated_at = ? WHERE id = ?",
            {stamp, stamp, id});
}

void insert_token(Connection& c, std::string_view token_hash, int64_t account_id, TokenPurpose purpose, TimePoint now,
                  TimePoint expires_at) {
  // Spent and expired tokens of this account are of no further use.
  c.execute("DELETE FROM citizen_tokens WHERE account_id = ? AND (used_at IS NOT NULL OR expires_at < ?)",
            {account_id, platform::iso_timestamp(now)});
  c.execute(
      "INSERT INTO citizen_tokens (token_hash, account_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
      {token_hash, account_id, purpose_name(purpose), platform::iso_timestamp(now), platform::iso_timestamp(expires_at)});
}

std::optional<TokenRow> find_token(Connection& c, std::string_view token_hash) {
  auto row = c.query_one(
      "SELECT account_id, purpose, created_at, expires_at, used_at FROM citizen_tokens WHERE token_hash = ?",
      {token_hash});
  if (!row) return std::nullopt;
  TokenRow t;
  t.account_id = row->integer(0);
  t.purpose = row->text(1) == "verify_email" ? TokenPurpose::verify_email : TokenPurpose::reset_password;
  t.created_at = platform::parse_iso_timestamp(row->text(2));
  t.expires_at = platform::parse_iso_timestamp(row->text(3));
  t.used = !row->is_null(4);
  return t;
}

void use_tokens(Connection& c, int64_t account_id, TokenPurpose purpose, TimePoint now) {
  c.execute("UPDATE citizen_tokens SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL",
            {platform::iso_timestamp(now), account_id, purpose_name(purpose)});
}

std::optional<TimePoint> last_token_at(Connection& c, int64_t account_id, TokenPurpose purpose) {
  auto row = c.query_one("SELECT MAX(created_at) FROM citizen_tokens WHERE account_id = ? AND purpose = ?",
                         {account_id, purpose_name(purpose)});
  if (!row || row->is_null(0)) return std::nullopt;
  return platform::parse_iso_timestamp(row->text(0));
}

}  // namespace madoguchi::identity::citizen_store
