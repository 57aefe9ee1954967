#include "queue/kiosk_store.h"

#include "platform/crypto.h"

namespace madoguchi::queue {

using platform::db::Connection;

namespace {
Kiosk kiosk_from(const platform::db::Row& r) {
  return {r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5) != 0};
}
constexpr const char* kSelect = "SELECT id, office, name, created_by, created_at, revoked FROM queue_kiosks ";
}  // namespace

std::pair<Kiosk, std::string> KioskStore::create(const std::string& office, const std::string& name,
                                                 const std::string& by, const std::string& now) {
  std::string secret = platform::crypto::random_token(24);
  Kiosk k = db_.write([&](Connection& c) {
    auto row = c.query_one(
        "INSERT INTO queue_kiosks (office, name, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
        {office, name, platform::crypto::sha256_hex(secret), by, now});
    return kiosk_from(*c.query_one(std::string(kSelect) + "WHERE id = ?", {row->integer(0)}));
  });
  return {k, secret};
}

std::optional<Kiosk> KioskStore::by_secret(const std::string& secret) const {
  if (secret.empty() || secret.size() > 100) return std::nullopt;
  return db_.read([&](Connection& c) -> std::optional<Kiosk> {
    auto row = c.query_one(std::string(kSelect) + "WHERE token_hash = ? AND revoked = 0",
                           {platform::crypto::sha256_hex(secret)});
    if (!row) return std::nullopt;
    return kiosk_from(*row);
  });
}

std::vector<Kiosk> KioskStore::for_office(const std::string& office) const {
  return db_.read([&](Connection& c) {
    std::vector<Kiosk> out;
    for (const auto& r : c.query(std::string(kSelect) + "WHERE office = ? ORDER BY id", {office})) out.push_back(kiosk_from(r));
    return out;
  });
}

bool KioskStore::revoke(const std::string& office, int64_t id) {
  return db_.write([&](Connection& c) {
    return c.execute("UPDATE queue_kiosks SET revoked = 1 WHERE id = ? AND office = ?", {id, office}) == 1;
  });
}

}  // namespace madoguchi::queue
