#include "counter/number_vault.h"

namespace madoguchi::counter {

void NumberVault::store(platform::db::Connection& c, int64_t intake_id, const std::string& digits, const std::string& by,
                        const std::string& now) const {
  c.execute(
      "INSERT INTO counter_individual_numbers (intake_id, sealed, read_at, read_by) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (intake_id) DO UPDATE SET sealed = excluded.sealed, read_at = excluded.read_at, read_by = excluded.read_by",
      {intake_id, box_.seal(digits), now, by});
}

bool NumberVault::has(int64_t intake_id) const {
  return db_.read([&](platform::db::Connection& c) {
    return c.query_one("SELECT 1 FROM counter_individual_numbers WHERE intake_id = ?", {intake_id}).has_value();
  });
}

std::optional<std::string> NumberVault::reveal(int64_t intake_id) const {
  auto sealed = db_.read([&](platform::db::Connection& c) -> std::optional<std::string> {
    auto row = c.query_one("SELECT sealed FROM counter_individual_numbers WHERE intake_id = ?", {intake_id});
    if (!row) return std::nullopt;
    return row->text(0);
  });
  if (!sealed) return std::nullopt;
  return box_.open(*sealed);
}

}  // namespace madoguchi::counter
