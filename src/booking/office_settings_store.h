// OfficeSettingsStore: a department admin's edits to the office directory,
// kept in the database so every node sees them at once: per line the capacity
// of new slots, the number of counters and whether bookings are taken; per
// office the weekly hours and whether phones may take tickets; and closed
// days. effective() lays them over the directory read from offices/*.yaml.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/office_directory.h"
#include "platform/db/connection.h"

namespace madoguchi::booking {

struct Closure {
  std::string day;
  std::string reason;
};

struct LineEdit {
  int capacity = 0;
  int counters = 0;
  bool open = true;
};

struct OfficeEdit {
  std::optional<std::string> hours;  // as parse_hours reads it
  bool phone_tickets = false;
};

class OfficeSettingsStore {
 public:
  OfficeDirectory effective(platform::db::Connection& c, const OfficeDirectory& base) const;
  void set_line(platform::db::Connection& c, const std::string& office, const std::string& line, const LineEdit& edit,
                const std::string& by, const std::string& now) const;
  void set_office(platform::db::Connection& c, const std::string& office, const OfficeEdit& edit, const std::string& by,
                  const std::string& now) const;
  // False if the day was already closed.
  bool add_closure(platform::db::Connection& c, const std::string& office, const Closure& closure, const std::string& by,
                   const std::string& now) const;
  bool remove_closure(platform::db::Connection& c, const std::string& office, const std::string& day) const;
  std::vector<Closure> closures(platform::db::Connection& c, const std::string& office) const;
};

}  // namespace madoguchi::booking
