// BookingStore: the SQL of slots and bookings, each call on the caller's
// connection (inside the caller's read or write transaction), so a use case
// can combine them with the outbox and the queue in one commit. Places are
// taken and given back only by conditional updates, and "once per person and
// day" is a unique index, so correctness holds with many writers. SQL runs on
// SQLite and PostgreSQL alike.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/booking.h"
#include "booking/opening.h"
#include "platform/db/connection.h"

namespace madoguchi::booking {

using platform::db::Connection;

struct NewSlot {
  int start_minute = 0;
  int end_minute = 0;
  std::string starts_at;
  std::string ends_at;
};

struct NewBooking {
  std::string reference;
  std::string token_hash;
  int64_t slot_id = 0;
  std::string office;
  std::string line;
  std::string day;
  std::optional<std::string> request_key;
  std::string hold_expires_at;
  std::string created_at;
  std::string language;
};

struct Details {
  std::string name;
  std::string email;
  std::optional<std::string> person_key;  // set when the line allows one booking per person and day
  std::optional<std::string> application_reference;
};

class BookingStore {
 public:
  // Creates the day's slots that do not exist yet (ON CONFLICT DO NOTHING).
  void ensure_slots(Connection& c, const std::string& office, const std::string& line, const std::string& day,
                    const std::vector<NewSlot>& slots, int capacity) const;
  std::vector<Slot> slots(Connection& c, const std::string& office, const std::string& line, const std::string& day) const;
  std::optional<Slot> slot(Connection& c, int64_t id) const;
  // Free slots of a line starting at or after `from` (ISO instant), soonest first.
  std::vector<Slot> free_slots_from(Connection& c, const std::string& office, const std::string& line,
                                    const std::string& from, int limit) const;
  // Free slots starting before `before`, latest first.
  std::vector<Slot> free_slots_before(Connection& c, const std::string& office, const std::string& line,
                                      const std::string& before, const std::string& not_before, int limit) const;

  // Takes one place if one is free and the slot is not removed; false otherwise.
  bool take_place(Connection& c, int64_t slot_id) const;
  void give_back_place(Connection& c, int64_t slot_id) const;
  // Expires the slot's lapsed holds and gives their places back; returns how many.
  int expire_holds(Connection& c, int64_t slot_id, const std::string& now) const;

  int64_t insert(Connection& c, const NewBooking& b) const;
  std::optional<Booking> by_token_hash(Connection& c, const std::string& token_hash) const;
  std::optional<Booking> by_reference(Connection& c, const std::string& reference) const;
  std::optional<Booking> by_request_key(Connection& c, const std::string& request_key) const;
  std::optional<Booking> by_id(Connection& c, int64_t id) const;

  // held → confirmed with the person's details, if the hold is still current.
  // Throws DbError (unique violation) when the person already has a booking that day.
  bool confirm(Connection& c, int64_t id, const Details& d, const std::string& now) const;
  // confirmed → cancelled (sequence + 1); false if it was not confirmed.
  bool cancel(Connection& c, int64_t id, const std::string& now) const;
  // Moves a confirmed booking to another slot (sequence + 1).
  bool move(Connection& c, int64_t id, const Slot& to) const;
  bool mark(Connection& c, int64_t id, Status from, Status to, const std::string& column, const std::string& now) const;

  // Marks the slot removed; its confirmed bookings become slot_removed. Returns their ids.
  std::vector<int64_t> remove_slot(Connection& c, int64_t slot_id, const std::string& now) const;
  void set_future_capacity(Connection& c, const std::string& office, const std::string& line,
                           const std::string& from_day, int capacity) const;
  // The slots of an office on a day, every line.
  std::vector<Slot> office_slots(Connection& c, const std::string& office, const std::string& day) const;

  std::vector<Booking> day_list(Connection& c, const std::string& office, const std::string& day) const;
  // Confirmed bookings on `day` whose reminder is not sent yet.
  std::vector<Booking> reminders_due(Connection& c, const std::string& day, int limit) const;
  // Claims the reminder (reminded_at set) if nobody has; false if another node did.
  bool claim_reminder(Connection& c, int64_t id, const std::string& now) const;
};

}  // namespace madoguchi::booking
