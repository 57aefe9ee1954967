#include "booking/office_settings_store.h"

#include "booking/office_yaml.h"

namespace madoguchi::booking {

OfficeDirectory OfficeSettingsStore::effective(platform::db::Connection& c, const OfficeDirectory& base) const {
  OfficeDirectory d = base;
  for (const auto& r : c.query("SELECT office, line, capacity, counters, open FROM booking_line_settings")) {
    Office* office = d.find_office(r.text(0));
    if (!office) continue;
    for (auto& line : office->lines) {
      if (line.code != r.text(1)) continue;
      if (auto v = r.optional_integer(2)) line.booking.capacity = static_cast<int>(*v);
      if (auto v = r.optional_integer(3)) line.counters = static_cast<int>(*v);
      if (auto v = r.optional_integer(4)) line.booking.open = *v != 0;
    }
  }
  for (const auto& r : c.query("SELECT office, hours, phone_tickets FROM booking_office_settings")) {
    Office* office = d.find_office(r.text(0));
    if (!office) continue;
    if (auto text = r.optional_text(1)) {
      if (auto hours = parse_hours(*text)) office->hours = *hours;
    }
    if (auto v = r.optional_integer(2)) office->phone_tickets = *v != 0;
  }
  for (const auto& r : c.query("SELECT office, day FROM booking_closures")) {
    if (Office* office = d.find_office(r.text(0))) office->closed_dates.push_back(r.text(1));
  }
  return d;
}

void OfficeSettingsStore::set_line(platform::db::Connection& c, const std::string& office, const std::string& line,
                                   const LineEdit& e, const std::string& by, const std::string& now) const {
  c.execute(
      "INSERT INTO booking_line_settings (office, line, capacity, counters, open, updated_by, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (office, line) DO UPDATE SET capacity = excluded.capacity, "
      "counters = excluded.counters, open = excluded.open, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      {office, line, e.capacity, e.counters, e.open, by, now});
}

void OfficeSettingsStore::set_office(platform::db::Connection& c, const std::string& office, const OfficeEdit& e,
                                     const std::string& by, const std::string& now) const {
  c.execute(
      "INSERT INTO booking_office_settings (office, hours, phone_tickets, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (office) DO UPDATE SET hours = excluded.hours, phone_tickets = excluded.phone_tickets, "
      "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      {office, e.hours, e.phone_tickets, by, now});
}

bool OfficeSettingsStore::add_closure(platform::db::Connection& c, const std::string& office, const Closure& closure,
                                      const std::string& by, const std::string& now) const {
  return c.execute(
             "INSERT INTO booking_closures (office, day, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?) "
             "ON CONFLICT (office, day) DO NOTHING",
             {office, closure.day, closure.reason, by, now}) == 1;
}

bool OfficeSettingsStore::remove_closure(platform::db::Connection& c, const std::string& office,
                                         const std::string& day) const {
  return c.execute("DELETE FROM booking_closures WHERE office = ? AND day = ?", {office, day}) == 1;
}

std::vector<Closure> OfficeSettingsStore::closures(platform::db::Connection& c, const std::string& office) const {
  std::vector<Closure> out;
  for (const auto& r : c.query("SELECT day, reason FROM booking_closures WHERE office = ? ORDER BY day", {office})) {
    out.push_back({r.text(0), r.text(1)});
  }
  return out;
}

}  // namespace madoguchi::booking
