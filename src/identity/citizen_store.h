// The citizen tables (citizen_accounts, citizen_tokens) as plain functions on
// a Connection: reads on any connection, writes inside the caller's write
// transaction. Tokens are looked up by their SHA-256 only. No rules here;
// CitizenAccounts decides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "identity/citizen_account.h"
#include "identity/lockout.h"
#include "platform/db/connection.h"

namespace madoguchi::identity::citizen_store {

struct CitizenRow {
  CitizenAccount account;
  std::string password_hash;
};

enum class TokenPurpose { verify_email, reset_password };

struct TokenRow {
  int64_t account_id = 0;
  TokenPurpose purpose = TokenPurpose::verify_email;
  TimePoint created_at;
  TimePoint expires_at;
  bool used = false;
};

std::optional<CitizenRow> find_by_email(platform::db::Connection& c, std::string_view email);
std::optional<CitizenRow> find_by_id(platform::db::Connection& c, int64_t id);
int64_t insert(platform::db::Connection& c, std::string_view email, const std::string& password_hash, TimePoint now);
void set_password_hash(platform::db::Connection& c, int64_t id, const std::string& hash, TimePoint now);
void set_verified(platform::db::Connection& c, int64_t id, TimePoint now);

void insert_token(platform::db::Connection& c, std::string_view token_hash, int64_t account_id, TokenPurpose purpose,
                  TimePoint now, TimePoint expires_at);
std::optional<TokenRow> find_token(platform::db::Connection& c, std::string_view token_hash);
// Marks every unused token of that purpose used (a newer one replaces them, or one was spent).
void use_tokens(platform::db::Connection& c, int64_t account_id, TokenPurpose purpose, TimePoint now);
// When the newest token of that purpose was issued, if any.
std::optional<TimePoint> last_token_at(platform::db::Connection& c, int64_t account_id, TokenPurpose purpose);

}  // namespace madoguchi::identity::citizen_store
