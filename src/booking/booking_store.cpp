#include "booking/booking_store.h"

namespace madoguchi::booking {

using platform::db::Row;

namespace {

constexpr const char* kSlotColumns =
    "id, office, line, day, start_minute, end_minute, starts_at, ends_at, capacity, taken, removed";

Slot slot_from(const Row& r, size_t at = 0) {
  Slot s;
  s.id = r.integer(at);
  s.office = r.text(at + 1);
  s.line = r.text(at + 2);
  s.day = r.text(at + 3);
  s.start_minute = static_cast<int>(r.integer(at + 4));
  s.end_minute = static_cast<int>(r.integer(at + 5));
  s.starts_at = r.text(at + 6);
  s.ends_at = r.text(at + 7);
  s.capacity = static_cast<int>(r.integer(at + 8));
  s.taken = static_cast<int>(r.integer(at + 9));
  s.removed = r.integer(at + 10) != 0;
  return s;
}

constexpr const char* kBookingSelect =
    "SELECT b.id, b.reference, b.slot_id, b.office, b.line, b.day, b.status, b.name, b.email, b.language, "
    "b.application_reference, b.hold_expires_at, b.sequence, b.created_at, b.confirmed_at, b.cancelled_at, "
    "b.reminded_at, b.checked_in_at, "
    "s.id, s.office, s.line, s.day, s.start_minute, s.end_minute, s.starts_at, s.ends_at, s.capacity, s.taken, s.removed "
    "FROM booking_bookings b JOIN booking_slots s ON s.id = b.slot_id ";

Booking booking_from(const Row& r) {
  Booking b;
  b.id = r.integer(0);
  b.reference = r.text(1);
  b.slot_id = r.integer(2);
  b.office = r.text(3);
  b.line = r.text(4);
  b.day = r.text(5);
  b.status = status_from(r.text(6));
  b.name = r.optional_text(7);
  b.email = r.optional_text(8);
  b.language = r.text(9);
  b.application_reference = r.optional_text(10);
  b.hold_expires_at = r.optional_text(11);
  b.sequence = static_cast<int>(r.integer(12));
  b.created_at = r.text(13);
  b.confirmed_at = r.optional_text(14);
  b.cancelled_at = r.optional_text(15);
  b.reminded_at = r.optional_text(16);
  b.checked_in_at = r.optional_text(17);
  b.slot = slot_from(r, 18);
  return b;
}

std::optional<Booking> one(Connection& c, const std::string& where, const platform::db::Params& params) {
  auto row = c.query_one(std::string(kBookingSelect) + where, params);
  if (!row) return std::nullopt;
  return booking_from(*row);
}

}  // namespace

void BookingStore::ensure_slots(Connection& c, const std::string& office, const std::string& line,
                                const std::string& day, const std::vector<NewSlot>& slots, int capacity) const {
  for (const auto& s : slots) {
    c.execute(
        "INSERT INTO booking_slots (office, line, day, start_minute, end_minute, starts_at, ends_at, capacity) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (office, line, day, start_minute) DO NOTHING",
        {office, line, day, s.start_minute, s.end_minute, s.starts_at, s.ends_at, capacity});
  }
}

std::vector<Slot> BookingStore::slots(Connection& c, const std::string& office, const std::string& line,
                                      const std::string& day) const {
  std::vector<Slot> out;
  for (const auto& r : c.query(std::string("SELECT ") + kSlotColumns +
                                   " FROM booking_slots WHERE office = ? AND line = ? AND day = ? ORDER BY start_minute",
                               {office, line, day})) {
    out.push_back(slot_from(r));
  }
  return out;
}

std::vector<Slot> BookingStore::office_slots(Connection& c, const std::string& office, const std::string& day) const {
  std::vector<Slot> out;
  for (const auto& r : c.query(std::string("SELECT ") + kSlotColumns +
                                   " FROM booking_slots WHERE office = ? AND day = ? ORDER BY line, start_minute",
                               {office, day})) {
    out.push_back(slot_from(r));
  }
  return out;
}

std::optional<Slot> BookingStore::slot(Connection& c, int64_t id) const {
  auto row = c.query_one(std::string("SELECT ") + kSlotColumns + " FROM booking_slots WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return slot_from(*row);
}

std::vector<Slot> BookingStore::free_slots_from(Connection& c, const std::string& office, const std::string& line,
                                                const std::string& from, int limit) const {
  std::vector<Slot> out;
  for (const auto& r : c.query(std::string("SELECT ") + kSlotColumns +
                                   " FROM booking_slots WHERE office = ? AND line = ? AND removed = 0 AND taken < capacity"
                                   " AND starts_at >= ? ORDER BY starts_at LIMIT ?",
                               {office, line, from, limit})) {
    out.push_back(slot_from(r));
  }
  return out;
}

std::vector<Slot> BookingStore::free_slots_before(Connection& c, const std::string& office, const std::string& line,
                                                  const std::string& before, const std::string& not_before,
                                                  int limit) const {
  std::vector<Slot> out;
  for (const auto& r : c.query(std::string("SELECT ") + kSlotColumns +
                                   " FROM booking_slots WHERE office = ? AND line = ? AND removed = 0 AND taken < capacity"
                                   " AND starts_at < ? AND starts_at >= ? ORDER BY starts_at DESC LIMIT ?",
                               {office, line, before, not_before, limit})) {
    out.push_back(slot_from(r));
  }
  return out;
}

bool BookingStore::take_place(Connection& c, int64_t slot_id) const {
  return c.execute("UPDATE booking_slots SET taken = taken + 1 WHERE id = ? AND taken < capacity AND removed = 0",
                   {slot_id}) == 1;
}

void BookingStore::give_back_place(Connection& c, int64_t slot_id) const {
  c.execute("UPDATE booking_slots SET taken = taken - 1 WHERE id = ? AND taken > 0", {slot_id});
}

int BookingStore::expire_holds(Connection& c, int64_t slot_id, const std::string& now) const {
  int expired = 0;
  for (const auto& r : c.query("SELECT id FROM booking_bookings WHERE slot_id = ? AND status = 'held' AND hold_expires_at < ?",
                               {slot_id, now})) {
    if (c.execute("UPDATE booking_bookings SET status = 'expired', active = 0 WHERE id = ? AND status = 'held'",
                  {r.integer(0)}) == 1) {
      give_back_place(c, slot_id);
      ++expired;
    }
  }
  return expired;
}

int64_t BookingStore::insert(Connection& c, const NewBooking& b) const {
  auto row = c.query_one(
      "INSERT INTO booking_bookings (reference, token_hash, slot_id, office, line, day, status, active, request_key, "
      "hold_expires_at, created_at, language) VALUES (?, ?, ?, ?, ?, ?, 'held', 1, ?, ?, ?, ?) RETURNING id",
      {b.reference, b.token_hash, b.slot_id, b.office, b.line, b.day, b.request_key, b.hold_expires_at, b.created_at,
       b.language});
  return row->integer(0);
}

std::optional<Booking> BookingStore::by_token_hash(Connection& c, const std::string& token_hash) const {
  return one(c, "WHERE b.token_hash = ?", {token_hash});
}
std::optional<Booking> BookingStore::by_reference(Connection& c, const std::string& reference) const {
  return one(c, "WHERE b.reference = ?", {reference});
}
std::optional<Booking> BookingStore::by_request_key(Connection& c, const std::string& request_key) const {
  return one(c, "WHERE b.request_key = ?", {request_key});
}
std::optional<Booking> BookingStore::by_id(Connection& c, int64_t id) const { return one(c, "WHERE b.id = ?", {id}); }

bool BookingStore::confirm(Connection& c, int64_t id, const Details& d, const std::string& now) const {
  return c.execute(
             "UPDATE booking_bookings SET status = 'confirmed', name = ?, email = ?, person_key = ?, "
             "application_reference = ?, confirmed_at = ?, hold_expires_at = NULL "
             "WHERE id = ? AND status = 'held' AND hold_expires_at >= ?",
             {d.name, d.email, d.person_key, d.application_reference, now, id, now}) == 1;
}

bool BookingStore::cancel(Connection& c, int64_t id, const std::string& now) const {
  return c.execute(
             "UPDATE booking_bookings SET status = 'cancelled', active = 0, cancelled_at = ?, sequence = sequence + 1 "
             "WHERE id = ? AND status = 'confirmed'",
             {now, id}) == 1;
}

bool BookingStore::move(Connection& c, int64_t id, const Slot& to) const {
  return c.execute(
             "UPDATE booking_bookings SET slot_id = ?, day = ?, sequence = sequence + 1, reminded_at = NULL, "
             "status = 'confirmed', active = 1 WHERE id = ? AND status IN ('confirmed', 'slot_removed')",
             {to.id, to.day, id}) == 1;
}

bool BookingStore::mark(Connection& c, int64_t id, Status from, Status to, const std::string& column,
                        const std::string& now) const {
  return c.execute("UPDATE booking_bookings SET status = ?, " + column + " = ? WHERE id = ? AND status = ?",
                   {std::string(to_string(to)), now, id, std::string(to_string(from))}) == 1;
}

std::vector<int64_t> BookingStore::remove_slot(Connection& c, int64_t slot_id, const std::string& now) const {
  std::vector<int64_t> affected;
  c.execute("UPDATE booking_slots SET removed = 1 WHERE id = ?", {slot_id});
  for (const auto& r : c.query("SELECT id FROM booking_bookings WHERE slot_id = ? AND status IN ('confirmed', 'held')",
                               {slot_id})) {
    if (c.execute("UPDATE booking_bookings SET status = 'slot_removed', active = 0, cancelled_at = ?, "
                  "sequence = sequence + 1 WHERE id = ? AND status IN ('confirmed', 'held')",
                  {now, r.integer(0)}) == 1) {
      affected.push_back(r.integer(0));
    }
  }
  c.execute("UPDATE booking_slots SET taken = 0 WHERE id = ?", {slot_id});
  return affected;
}

void BookingStore::set_future_capacity(Connection& c, const std::string& office, const std::string& line,
                                       const std::string& from_day, int capacity) const {
  c.execute(
      "UPDATE booking_slots SET capacity = CASE WHEN taken > ? THEN taken ELSE ? END "
      "WHERE office = ? AND line = ? AND day >= ?",
      {capacity, capacity, office, line, from_day});
}

std::vector<Booking> BookingStore::day_list(Connection& c, const std::string& office, const std::string& day) const {
  std::vector<Booking> out;
  for (const auto& r : c.query(std::string(kBookingSelect) +
                                   "WHERE b.office = ? AND b.day = ? AND b.status IN ('confirmed', 'kept', 'no_show', "
                                   "'cancelled', 'slot_removed') ORDER BY s.starts_at, b.line, b.id",
                               {office, day})) {
    out.push_back(booking_from(r));
  }
  return out;
}

std::vector<Booking> BookingStore::reminders_due(Connection& c, const std::string& day, int limit) const {
  std::vector<Booking> out;
  for (const auto& r : c.query(std::string(kBookingSelect) +
                                   "WHERE b.day = ? AND b.status = 'confirmed' AND b.reminded_at IS NULL ORDER BY b.id LIMIT ?",
                               {day, limit})) {
    out.push_back(booking_from(r));
  }
  return out;
}

bool BookingStore::claim_reminder(Connection& c, int64_t id, const std::string& now) const {
  return c.execute(
             "UPDATE booking_bookings SET reminded_at = ? WHERE id = ? AND status = 'confirmed' AND reminded_at IS NULL",
             {now, id}) == 1;
}

}  // namespace madoguchi::booking
