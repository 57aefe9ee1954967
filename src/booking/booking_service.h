// BookingService: the booking use cases over the database. Citizens see a
// line's slots for a day, hold one while they type their details, confirm
// (mail with the reference and a link to change, cancel or download the
// calendar file), cancel (the place is free at once) or move to another slot.
// Staff list a day, mark no-shows, remove a slot (its bookings are told) and
// edit the office directory. The queue checks a booking in by its reference.
// Every write is one transaction of pure database work (outbox mail
// included), safe to run on several nodes at once.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "booking/booking.h"
#include "booking/booking_error.h"
#include "booking/booking_mail.h"
#include "booking/booking_store.h"
#include "booking/office_directory.h"
#include "booking/office_settings_store.h"
#include "booking/opening.h"
#include "notify/outbox.h"
#include "platform/db/database.h"

namespace madoguchi::booking {

struct BookingSettings {
  std::string public_url;            // links in mail
  std::vector<uint8_t> token_key;    // derives each booking's page token from its reference
};

struct DayView {
  Date day;
  bool open = false;
  std::vector<Slot> slots;
  std::vector<Window> windows;  // per slot: whether it may be booked now
};

struct Hold {
  Booking booking;
  std::string token;
};

struct PersonDetails {
  std::string name;
  std::string email;
  std::string application_reference;  // optional, as typed
};

class BookingService {
 public:
  BookingService(platform::db::Database& database, notify::Outbox& outbox, OfficeDirectory base,
                 BookingSettings settings);

  // The directory with staff edits applied (read from the database each time).
  OfficeDirectory directory() const;
  const OfficeDirectory& base_directory() const { return base_; }

  // The line's slots on `day` (made if missing), each with its booking window.
  DayView day(const Office& office, const Line& line, Date day, Instant now);
  // Days from today to the horizon on which the office is open.
  std::vector<Date> open_days(const Office& office, const Line& line, Instant now) const;

  // Holds a place in the slot for hold_minutes. The same request_key twice
  // (a double click) returns the first hold. Throws BookingError: slot_full
  // (with the nearest free slots), slot_removed, too_soon, too_far, closed.
  Hold hold(const Office& office, const Line& line, int64_t slot_id, const std::string& request_key,
            const std::string& language, Instant now);
  // Confirms a hold with the person's details and queues the confirmation
  // mail. Confirming twice returns the booking. Throws BookingError:
  // invalid_name / invalid_email / invalid_application (400), hold_expired,
  // already_booked (the person has this line that day), slot_removed.
  Booking confirm(const std::string& token, const PersonDetails& details, Instant now);
  // Hold and confirm at once (the JSON API).
  Booking book(const Office& office, const Line& line, int64_t slot_id, const std::string& request_key,
               const PersonDetails& details, const std::string& language, Instant now);
  Booking cancel(const std::string& token, Instant now);
  Booking reschedule(const std::string& token, int64_t slot_id, Instant now);

  std::optional<Booking> find(const std::string& token) const;
  std::optional<Booking> find_reference(const std::string& reference) const;
  std::string token_for(const std::string& reference) const;
  std::string booking_url(const std::string& reference) const;
  // The iCalendar UID of a booking: "MDG-7K3Q-9XPD@host of the public URL".
  std::string calendar_uid(const std::string& reference) const;

  // Staff.
  std::vector<Booking> day_list(const std::string& office, const std::string& day) const;
  std::vector<Slot> office_slots(const std::string& office, const std::string& day) const;
  Booking mark_no_show(const std::string& office, int64_t booking_id, Instant now);
  // Returns how many bookings were told.
  int remove_slot(const std::string& office, int64_t slot_id, Instant now);
  void edit_line(const std::string& office, const std::string& line, const LineEdit& edit, const std::string& by, Instant now);
  void edit_office(const std::string& office, const OfficeEdit& edit, const std::string& by, Instant now);
  bool add_closure(const std::string& office, const Closure& closure, const std::string& by, Instant now);
  bool remove_closure(const std::string& office, const std::string& day);
  std::vector<Closure> closures(const std::string& office) const;

  // Queue check-in: confirmed → kept, on the booking's own day and office, on
  // the caller's connection (inside the ticket's transaction). Throws
  // BookingError: not_found, wrong_day, wrong_office, cancelled; a booking
  // already kept is returned as it is.
  Booking check_in(platform::db::Connection& c, const std::string& reference, const std::string& office, Instant now) const;

  // Sends the day-before reminders due at `now`; each is claimed with a
  // conditional update, so with several nodes each goes out once. Returns how many were sent.
  int send_reminders(Instant now);

  // Bookings kept, no-shows and all per office, line and day (public figures).
  struct DayFigures {
    std::string office, line, day;
    int booked = 0, kept = 0, no_show = 0, cancelled = 0;
  };
  std::vector<DayFigures> figures(const std::string& from_day, const std::string& to_day) const;

 private:
  std::vector<NewSlot> new_slots(const Office& office, const Line& line, Date day) const;
  void ensure_day(platform::db::Connection& c, const Office& office, const Line& line, Date day) const;
  // Up to three free slots nearest to `wanted` (making the next days' slots if missing).
  std::vector<Slot> nearest_free(const Office& office, const Line& line, const Slot& wanted, Instant now) const;
  BookingError with_alternatives(const BookingError& e, const Office& office, const Line& line, int64_t slot_id,
                                 Instant now) const;
  Booking must_find(platform::db::Connection& c, const std::string& token) const;
  void send_mail(platform::db::Connection& c, MailKind kind, const Booking& booking, const OfficeDirectory& d) const;

  platform::db::Database& db_;
  notify::Outbox& outbox_;
  OfficeDirectory base_;
  BookingSettings settings_;
  BookingStore store_;
  OfficeSettingsStore office_settings_;
};

}  // namespace madoguchi::booking
