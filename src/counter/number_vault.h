// NumberVault: the individual number (個人番号) of an intake's visitor, sealed
// with SecretBox under keys/individual_number.key in its own table, so it is
// never part of the answers JSON, a URL, a QR code or a log line. Writes run
// inside the caller's transaction (with the audit entry); reveal() is for the
// audited staff action and the printed form only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/crypto.h"
#include "platform/db/connection.h"
#include "platform/db/database.h"

namespace madoguchi::counter {

class NumberVault {
 public:
  NumberVault(platform::db::Database& database, std::vector<uint8_t> key) : db_(database), box_(std::move(key)) {}

  // Stores (or replaces) the sealed number of the intake.
  void store(platform::db::Connection& c, int64_t intake_id, const std::string& digits, const std::string& by,
             const std::string& now) const;
  bool has(int64_t intake_id) const;
  // The twelve digits; throws std::runtime_error if the seal was altered.
  std::optional<std::string> reveal(int64_t intake_id) const;

 private:
  platform::db::Database& db_;
  platform::crypto::SecretBox box_;
};

// "●●●● ●●●● ●●●●": what pages show instead of the number.
inline constexpr const char* kMaskedNumber = "●●●● ●●●● ●●●●";

}  // namespace madoguchi::counter
