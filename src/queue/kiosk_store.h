// KioskStore: the ticket machines staff have set up. Setting one up makes a
// secret for the device's cookie (only its hash is stored); a kiosk issues
// tickets only for its own office, and a revoked kiosk issues none.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.h"

namespace madoguchi::queue {

struct Kiosk {
  int64_t id = 0;
  std::string office;
  std::string name;
  std::string created_by;
  std::string created_at;
  bool revoked = false;
};

class KioskStore {
 public:
  explicit KioskStore(platform::db::Database& database) : db_(database) {}

  // Returns the new kiosk and its secret (shown once, as a set-up link).
  std::pair<Kiosk, std::string> create(const std::string& office, const std::string& name, const std::string& by,
                                       const std::string& now);
  std::optional<Kiosk> by_secret(const std::string& secret) const;
  std::vector<Kiosk> for_office(const std::string& office) const;
  bool revoke(const std::string& office, int64_t id);

 private:
  platform::db::Database& db_;
};

}  // namespace madoguchi::queue
