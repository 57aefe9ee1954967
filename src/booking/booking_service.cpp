#include "booking/booking_service.h"

#include <algorithm>
#include <cstring>

#include "applications/reference.h"
#include "platform/crypto.h"

namespace madoguchi::booking {

using namespace std::chrono;
using platform::db::Connection;
using platform::db::DbError;

namespace {

std::string trim(std::string s) {
  auto not_space = [](unsigned char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool plausible_email(const std::string& e) {
  auto at = e.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= e.size() || e.size() > 254) return false;
  if (e.find('@', at + 1) != std::string::npos) return false;
  if (e.find('.', at) == std::string::npos) return false;
  for (unsigned char c : e) {
    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c >= 0x7f) return false;
  }
  return true;
}

uint64_t random_u64() {
  auto bytes = platform::crypto::random_bytes(8);
  uint64_t v = 0;
  std::memcpy(&v, bytes.data(), 8);
  return v;
}

std::string iso(Instant t) { return platform::iso_timestamp(t); }

BookingError window_error(Window w) {
  switch (w) {
    case Window::past:
      return BookingError("slot_past", "この時間はもう過ぎています。別の時間を選んでください。",
                          "This time has passed. Please choose another.");
    case Window::too_soon:
      return BookingError("too_soon", "この時間は予約の受付を締め切りました。もっと後の時間を選んでください。",
                          "Bookings for this time have closed. Please choose a later time.");
    case Window::too_far:
      return BookingError("too_far", "この日はまだ予約を受け付けていません。もっと近い日を選んでください。",
                          "Bookings for this day have not opened yet. Please choose an earlier day.");
    case Window::ok:
      break;
  }
  return BookingError("closed", "予約できません。", "This cannot be booked.");
}

BookingError slot_full_error() {
  return BookingError("slot_full", "この時間は満員です。近い空き時間から選んでください。",
                      "This time is full. Please choose one of the nearest free times.");
}

BookingError slot_removed_error() {
  return BookingError("slot_removed", "この時間枠は窓口の都合で取りやめになりました。別の時間を選んでください。",
                      "The office withdrew this time. Please choose another.");
}

BookingError not_found() {
  return BookingError("not_found", "予約が見つかりません。メールのリンクをもう一度開いてください。",
                      "No such booking. Please open the link in your e-mail again.", 404);
}

}  // namespace

BookingService::BookingService(platform::db::Database& database, notify::Outbox& outbox, OfficeDirectory base,
                               BookingSettings settings)
    : db_(database), outbox_(outbox), base_(std::move(base)), settings_(std::move(settings)) {}

OfficeDirectory BookingService::directory() const {
  return db_.read([&](Connection& c) { return office_settings_.effective(c, base_); });
}

std::string BookingService::token_for(const std::string& reference) const {
  return platform::crypto::mac(settings_.token_key, "booking:" + reference).substr(0, 32);
}

std::string BookingService::booking_url(const std::string& reference) const {
  return settings_.public_url + "/booking/" + token_for(reference);
}

std::string BookingService::calendar_uid(const std::string& reference) const {
  std::string host = settings_.public_url;
  if (auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
  host = host.substr(0, host.find('/'));
  return reference + "@" + host;
}

std::vector<NewSlot> BookingService::new_slots(const Office& office, const Line& line, Date day) const {
  std::vector<NewSlot> out;
  for (const auto& t : slot_times(office, line, day)) {
    out.push_back({t.start, t.end, iso(tokyo_instant(day, t.start)), iso(tokyo_instant(day, t.end))});
  }
  return out;
}

void BookingService::ensure_day(Connection& c, const Office& office, const Line& line, Date day) const {
  store_.ensure_slots(c, office.code, line.code, platform::iso_date(day), new_slots(office, line, day),
                      line.booking.capacity);
}

std::vector<Date> BookingService::open_days(const Office& office, const Line& line, Instant now) const {
  std::vector<Date> out;
  Date today = platform::tokyo_date(now);
  Date last = horizon_end(line.booking, now);
  for (Date d = today; d <= last; d = Date{sys_days{d} + days{1}}) {
    if (!slot_times(office, line, d).empty()) out.push_back(d);
  }
  return out;
}

DayView BookingService::day(const Office& office, const Line& line, Date day, Instant now) {
  DayView view;
  view.day = day;
  auto wanted = new_slots(office, line, day);
  view.open = !wanted.empty();
  if (!view.open) return view;
  std::string iso_day = platform::iso_date(day);
  view.slots = db_.read([&](Connection& c) { return store_.slots(c, office.code, line.code, iso_day); });
  if (view.slots.size() < wanted.size()) {
    view.slots = db_.write([&](Connection& c) {
      ensure_day(c, office, line, day);
      return store_.slots(c, office.code, line.code, iso_day);
    });
  }
  for (const auto& s : view.slots) view.windows.push_back(booking_window(line.booking, platform::parse_iso_timestamp(s.starts_at), now));
  return view;
}

std::vector<Slot> BookingService::nearest_free(const Office& office, const Line& line, const Slot& wanted,
                                               Instant now) const {
  Date from = platform::tokyo_date(now);
  Date last = horizon_end(line.booking, now);
  auto wanted_day = parse_date(wanted.day).value_or(from);
  // The next few open days need their slots to offer them; most already have them.
  std::vector<Date> missing;
  int looked = 0;
  db_.read([&](Connection& c) {
    for (Date d = wanted_day; d <= last && looked < 5; d = Date{sys_days{d} + days{1}}) {
      size_t expected = slot_times(office, line, d).size();
      if (expected == 0) continue;
      ++looked;
      if (store_.slots(c, office.code, line.code, platform::iso_date(d)).size() < expected) missing.push_back(d);
    }
  });
  if (!missing.empty()) {
    db_.write([&](Connection& c) {
      for (Date d : missing) ensure_day(c, office, line, d);
    });
  }
  std::string earliest = iso(now + minutes(line.booking.lead_minutes));
  std::vector<Slot> all = db_.read([&](Connection& c) {
    auto after = store_.free_slots_from(c, office.code, line.code, std::max(wanted.starts_at, earliest), 3);
    auto before = store_.free_slots_before(c, office.code, line.code, wanted.starts_at, earliest, 2);
    after.insert(after.end(), before.begin(), before.end());
    return after;
  });
  Instant at = platform::parse_iso_timestamp(wanted.starts_at);
  std::sort(all.begin(), all.end(), [&](const Slot& a, const Slot& b) {
    auto da = platform::parse_iso_timestamp(a.starts_at) - at;
    auto db = platform::parse_iso_timestamp(b.starts_at) - at;
    return abs(da) < abs(db);
  });
  std::erase_if(all, [&](const Slot& s) { return platform::tokyo_date(platform::parse_iso_timestamp(s.starts_at)) > last; });
  if (all.size() > 3) all.resize(3);
  return all;
}

BookingError BookingService::with_alternatives(const BookingError& e, const Office& office, const Line& line,
                                               int64_t slot_id, Instant now) const {
  auto slot = db_.read([&](Connection& c) { return store_.slot(c, slot_id); });
  if (!slot) return e;
  return BookingError(e.code(), e.message_ja(), e.message_en(), e.status(), nearest_free(office, line, *slot, now));
}

Hold BookingService::hold(const Office& office, const Line& line, int64_t slot_id, const std::string& request_key,
                          const std::string& language, Instant now) {
  if (!line.booking.open) {
    throw BookingError("bookings_closed", "この窓口は現在、予約を受け付けていません。",
                       "This counter is not taking bookings at the moment.");
  }
  auto attempt = [&]() -> Booking {
    return db_.write([&](Connection& c) -> Booking {
      if (!request_key.empty()) {
        if (auto existing = store_.by_request_key(c, request_key)) return *existing;
      }
      auto slot = store_.slot(c, slot_id);
      if (!slot || slot->office != office.code || slot->line != line.code) {
        throw BookingError("no_such_slot", "その時間枠はありません。日時を選び直してください。",
                           "There is no such time slot. Please choose again.", 404);
      }
      if (slot->removed) {
        throw slot_removed_error();
      }
      Window w = booking_window(line.booking, platform::parse_iso_timestamp(slot->starts_at), now);
      if (w != Window::ok) throw window_error(w);
      store_.expire_holds(c, slot->id, iso(now));
      if (!store_.take_place(c, slot->id)) throw slot_full_error();
      NewBooking nb;
      nb.reference = applications::make_reference(random_u64());
      nb.token_hash = platform::crypto::sha256_hex(token_for(nb.reference));
      nb.slot_id = slot->id;
      nb.office = office.code;
      nb.line = line.code;
      nb.day = slot->day;
      if (!request_key.empty()) nb.request_key = request_key;
      nb.hold_expires_at = iso(now + minutes(line.booking.hold_minutes));
      nb.created_at = iso(now);
      nb.language = language;
      return *store_.by_id(c, store_.insert(c, nb));
    });
  };
  // A slot seen full with no lapsed hold is refused without a write: the
  // conditional update in the write stays the guard for everything else.
  auto seen = db_.read([&](Connection& c) -> std::optional<Slot> {
    if (!request_key.empty() && store_.by_request_key(c, request_key)) return std::nullopt;
    auto slot = store_.slot(c, slot_id);
    if (!slot || slot->removed || slot->free() > 0) return std::nullopt;
    auto lapsed = c.query_one("SELECT COUNT(*) FROM booking_bookings WHERE slot_id = ? AND status = 'held' AND hold_expires_at < ?",
                              {slot_id, iso(now)});
    if (lapsed->integer(0) > 0) return std::nullopt;
    return slot;
  });
  Booking b;
  try {
    if (seen && seen->office == office.code && seen->line == line.code &&
        booking_window(line.booking, platform::parse_iso_timestamp(seen->starts_at), now) == Window::ok) {
      throw slot_full_error();
    }
    try {
      b = attempt();
    } catch (const DbError& e) {
      if (!e.is_unique_violation()) throw;
      // Another node inserted the same request key (or a reference collided): look again.
      b = attempt();
    }
  } catch (const BookingError& e) {
    if (e.code() == "slot_full" || e.code() == "slot_removed") throw with_alternatives(e, office, line, slot_id, now);
    throw;
  }
  return {b, token_for(b.reference)};
}

Booking BookingService::must_find(Connection& c, const std::string& token) const {
  if (token.empty() || token.size() > 64) throw not_found();
  auto b = store_.by_token_hash(c, platform::crypto::sha256_hex(token));
  if (!b) throw not_found();
  return *b;
}

std::optional<Booking> BookingService::find(const std::string& token) const {
  if (token.empty() || token.size() > 64) return std::nullopt;
  return db_.read([&](Connection& c) { return store_.by_token_hash(c, platform::crypto::sha256_hex(token)); });
}

std::optional<Booking> BookingService::find_reference(const std::string& reference) const {
  return db_.read([&](Connection& c) { return store_.by_reference(c, reference); });
}

void BookingService::send_mail(Connection& c, MailKind kind, const Booking& b, const OfficeDirectory& d) const {
  if (!b.email || b.email->empty()) return;
  const Office* office = d.find_office(b.office);
  const Line* line = office ? office->find_line(b.line) : nullptr;
  if (!office || !line) return;
  outbox_.enqueue(c, booking_mail(kind, b, *office, *line, booking_url(b.reference)));
}

Booking BookingService::confirm(const std::string& token, const PersonDetails& input, Instant now) {
  Details d;
  d.name = trim(input.name);
  d.email = trim(input.email);
  if (d.name.empty() || d.name.size() > 200) {
    throw BookingError("invalid_name", "お名前を入力してください（100文字まで）。", "Enter your name (up to 100 characters).", 400);
  }
  if (!plausible_email(d.email)) {
    throw BookingError("invalid_email", "メールアドレスを正しく入力してください（例: taro@example.jp）。",
                       "Enter a valid e-mail address (for example taro@example.jp).", 400);
  }
  std::string app = trim(input.application_reference);
  if (!app.empty()) {
    auto parsed = applications::parse_reference(app);
    if (!parsed) {
      throw BookingError("invalid_application",
                         "事前入力の受付番号が正しくありません（例: MDG-7K3Q-9XPD）。なければ空欄のままにしてください。",
                         "The pre-entry reference is not valid (for example MDG-7K3Q-9XPD). Leave it empty if you have none.",
                         400);
    }
    d.application_reference = *parsed;
  }
  OfficeDirectory dir = directory();
  auto write = [&]() {
    return db_.write([&](Connection& c) -> std::optional<Booking> {
      Booking b = must_find(c, token);
      const Office* office = dir.find_office(b.office);
      const Line* line = office ? office->find_line(b.line) : nullptr;
      if (!line) throw not_found();
      if (b.status == Status::confirmed && b.email == d.email) return b;
      if (b.status == Status::slot_removed) {
        throw BookingError("slot_removed", "この時間枠は窓口の都合で取りやめになりました。別の時間を選んでください。",
                           "The office withdrew this time. Please choose another.");
      }
      if (line->booking.once_per_person_per_day) {
        d.person_key = lower_ascii(d.email);
        auto same = c.query_one(
            "SELECT reference FROM booking_bookings WHERE office = ? AND line = ? AND day = ? AND person_key = ? AND active = 1",
            {b.office, b.line, b.day, *d.person_key});
        if (same) return std::nullopt;
      }
      if (!store_.confirm(c, b.id, d, iso(now))) {
        throw BookingError("hold_expired",
                           "お待たせしている間に時間枠の確保が切れました。もう一度時間を選んでください。",
                           "The time was held for you but the hold has run out. Please choose the time again.");
      }
      Booking confirmed = *store_.by_id(c, b.id);
      send_mail(c, MailKind::confirmed, confirmed, dir);
      return confirmed;
    });
  };
  std::optional<Booking> result;
  try {
    result = write();
  } catch (const DbError& e) {
    if (!e.is_unique_violation()) throw;
    result = std::nullopt;
  }
  if (result) return *result;
  db_.write([&](Connection& c) {
    Booking b = must_find(c, token);
    if (b.status == Status::held && store_.mark(c, b.id, Status::held, Status::expired, "cancelled_at", iso(now))) {
      c.execute("UPDATE booking_bookings SET active = 0 WHERE id = ?", {b.id});
      store_.give_back_place(c, b.slot_id);
    }
  });
  throw BookingError("already_booked",
                     "同じ日に同じ窓口の予約がすでにあります。予約は1日1件です。メールで届いた予約のページから変更できます。",
                     "You already have a booking at this counter on that day (one a day). You can change it from the page in your e-mail.");
}

Booking BookingService::book(const Office& office, const Line& line, int64_t slot_id, const std::string& request_key,
                             const PersonDetails& details, const std::string& language, Instant now) {
  Hold h = hold(office, line, slot_id, request_key, language, now);
  return confirm(h.token, details, now);
}

Booking BookingService::cancel(const std::string& token, Instant now) {
  OfficeDirectory dir = directory();
  return db_.write([&](Connection& c) {
    Booking b = must_find(c, token);
    if (b.status == Status::cancelled) return b;
    if (b.status != Status::confirmed) {
      throw BookingError("not_cancellable", "この予約は取り消せません（受付済み、または取り消し済みです）。",
                         "This booking can no longer be cancelled (it was used or already cancelled).");
    }
    store_.cancel(c, b.id, iso(now));
    store_.give_back_place(c, b.slot_id);
    Booking after = *store_.by_id(c, b.id);
    send_mail(c, MailKind::cancelled, after, dir);
    return after;
  });
}

Booking BookingService::reschedule(const std::string& token, int64_t slot_id, Instant now) {
  OfficeDirectory dir = directory();
  try {
    return db_.write([&](Connection& c) {
      Booking b = must_find(c, token);
      if (b.status != Status::confirmed && b.status != Status::slot_removed) {
        throw BookingError("not_movable", "この予約は変更できません（受付済み、または取り消し済みです）。",
                           "This booking can no longer be changed (it was used or cancelled).");
      }
      if (b.slot_id == slot_id && b.status == Status::confirmed) return b;
      const Office* office = dir.find_office(b.office);
      const Line* line = office ? office->find_line(b.line) : nullptr;
      auto to = store_.slot(c, slot_id);
      if (!line || !to || to->office != b.office || to->line != b.line) {
        throw BookingError("no_such_slot", "その時間枠はありません。日時を選び直してください。",
                           "There is no such time slot. Please choose again.", 404);
      }
      Window w = booking_window(line->booking, platform::parse_iso_timestamp(to->starts_at), now);
      if (w != Window::ok) throw window_error(w);
      store_.expire_holds(c, to->id, iso(now));
      if (!store_.take_place(c, to->id)) throw slot_full_error();
      if (b.status == Status::confirmed) store_.give_back_place(c, b.slot_id);
      store_.move(c, b.id, *to);
      Booking after = *store_.by_id(c, b.id);
      send_mail(c, MailKind::changed, after, dir);
      return after;
    });
  } catch (const BookingError& e) {
    auto b = find(token);
    const Office* office = b ? dir.find_office(b->office) : nullptr;
    const Line* line = office ? office->find_line(b->line) : nullptr;
    if (e.code() == "slot_full" && line) throw with_alternatives(e, *office, *line, slot_id, now);
    throw;
  }
}

std::vector<Booking> BookingService::day_list(const std::string& office, const std::string& day) const {
  return db_.read([&](Connection& c) { return store_.day_list(c, office, day); });
}

std::vector<Slot> BookingService::office_slots(const std::string& office, const std::string& day) const {
  return db_.read([&](Connection& c) { return store_.office_slots(c, office, day); });
}

Booking BookingService::mark_no_show(const std::string& office, int64_t booking_id, Instant now) {
  return db_.write([&](Connection& c) {
    auto b = store_.by_id(c, booking_id);
    if (!b || b->office != office) throw not_found();
    if (b->status == Status::no_show) return *b;
    if (!store_.mark(c, b->id, Status::confirmed, Status::no_show, "no_show_at", iso(now))) {
      throw BookingError("not_confirmed", "受付済みまたは取り消し済みの予約は不在にできません。",
                         "A booking that was used or cancelled cannot be marked as a no-show.");
    }
    return *store_.by_id(c, b->id);
  });
}

int BookingService::remove_slot(const std::string& office, int64_t slot_id, Instant now) {
  OfficeDirectory dir = directory();
  return db_.write([&](Connection& c) {
    auto slot = store_.slot(c, slot_id);
    if (!slot || slot->office != office) throw not_found();
    auto affected = store_.remove_slot(c, slot_id, iso(now));
    for (int64_t id : affected) send_mail(c, MailKind::slot_removed, *store_.by_id(c, id), dir);
    return static_cast<int>(affected.size());
  });
}

void BookingService::edit_line(const std::string& office, const std::string& line, const LineEdit& edit,
                               const std::string& by, Instant now) {
  db_.write([&](Connection& c) {
    office_settings_.set_line(c, office, line, edit, by, iso(now));
    store_.set_future_capacity(c, office, line, platform::iso_date(platform::tokyo_date(now)), edit.capacity);
  });
}

void BookingService::edit_office(const std::string& office, const OfficeEdit& edit, const std::string& by, Instant now) {
  db_.write([&](Connection& c) { office_settings_.set_office(c, office, edit, by, iso(now)); });
}

bool BookingService::add_closure(const std::string& office, const Closure& closure, const std::string& by, Instant now) {
  OfficeDirectory dir = directory();
  return db_.write([&](Connection& c) {
    if (!office_settings_.add_closure(c, office, closure, by, iso(now))) return false;
    for (const auto& slot : store_.office_slots(c, office, closure.day)) {
      if (slot.removed) continue;
      for (int64_t id : store_.remove_slot(c, slot.id, iso(now))) {
        send_mail(c, MailKind::slot_removed, *store_.by_id(c, id), dir);
      }
    }
    return true;
  });
}

bool BookingService::remove_closure(const std::string& office, const std::string& day) {
  return db_.write([&](Connection& c) {
    bool removed = office_settings_.remove_closure(c, office, day);
    if (removed) c.execute("UPDATE booking_slots SET removed = 0 WHERE office = ? AND day = ?", {office, day});
    return removed;
  });
}

std::vector<Closure> BookingService::closures(const std::string& office) const {
  return db_.read([&](Connection& c) { return office_settings_.closures(c, office); });
}

Booking BookingService::check_in(Connection& c, const std::string& reference, const std::string& office,
                                 Instant now) const {
  auto parsed = applications::parse_reference(reference);
  auto b = parsed ? store_.by_reference(c, *parsed) : std::nullopt;
  if (!b) {
    throw BookingError("not_found", "予約が見つかりません。受付番号を確かめてください。",
                       "No booking has this reference. Please check it.", 404);
  }
  if (b->office != office) {
    throw BookingError("wrong_office", "この予約は別の窓口のものです。予約した窓口へお越しください。",
                       "This booking is for another office. Please go to the office you booked.");
  }
  if (b->day != platform::iso_date(platform::tokyo_date(now))) {
    throw BookingError("wrong_day", "この予約は今日のものではありません（予約日: " + b->day + "）。",
                       "This booking is not for today (booked for " + b->day + ").");
  }
  if (b->status == Status::kept) return *b;
  if (!store_.mark(c, b->id, Status::confirmed, Status::kept, "checked_in_at", iso(now))) {
    throw BookingError("not_confirmed", "この予約は取り消されているため受付できません。",
                       "This booking was cancelled and cannot be checked in.");
  }
  return *store_.by_id(c, b->id);
}

int BookingService::send_reminders(Instant now) {
  OfficeDirectory dir = directory();
  std::string tomorrow = platform::iso_date(Date{sys_days{platform::tokyo_date(now)} + days{1}});
  int sent = 0;
  for (;;) {
    auto due = db_.read([&](Connection& c) { return store_.reminders_due(c, tomorrow, 50); });
    if (due.empty()) break;
    int claimed = db_.write([&](Connection& c) {
      int n = 0;
      for (const auto& b : due) {
        const Office* office = dir.find_office(b.office);
        const Line* line = office ? office->find_line(b.line) : nullptr;
        if (!store_.claim_reminder(c, b.id, iso(now))) continue;
        if (line && line->booking.reminder) {
          send_mail(c, MailKind::reminder, b, dir);
          ++n;
        }
      }
      return n;
    });
    sent += claimed;
    if (due.size() < 50) break;
  }
  return sent;
}

std::vector<BookingService::DayFigures> BookingService::figures(const std::string& from_day,
                                                                const std::string& to_day) const {
  return db_.read([&](Connection& c) {
    std::vector<DayFigures> out;
    for (const auto& r : c.query(
             "SELECT office, line, day, "
             "SUM(CASE WHEN status IN ('confirmed', 'kept', 'no_show') THEN 1 ELSE 0 END), "
             "SUM(CASE WHEN status = 'kept' THEN 1 ELSE 0 END), "
             "SUM(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END), "
             "SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) "
             "FROM booking_bookings WHERE day >= ? AND day <= ? AND status <> 'held' AND status <> 'expired' "
             "GROUP BY office, line, day ORDER BY day, office, line",
             {from_day, to_day})) {
      out.push_back({r.text(0), r.text(1), r.text(2), static_cast<int>(r.integer(3)), static_cast<int>(r.integer(4)),
                     static_cast<int>(r.integer(5)), static_cast<int>(r.integer(6))});
    }
    return out;
  });
}

}  // namespace madoguchi::booking
