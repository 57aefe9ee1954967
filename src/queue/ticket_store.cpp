#include "queue/ticket_store.h"

#include <map>
#include <tuple>

#include "platform/time.h"

namespace madoguchi::queue {

using platform::db::Row;

namespace {

constexpr const char* kColumns =
    "SELECT id, office, line, first_line, day, number, label, status, source, priority_reason, booking_reference, "
    "booked_at, order_at, issued_at, called_at, first_called_at, call_count, counter, done_at, email, alert_sent "
    "FROM queue_tickets ";

Source source_from(const std::string& s) {
  for (Source v : {Source::kiosk, Source::clerk, Source::booking, Source::phone}) {
    if (to_string(v) == s) return v;
  }
  return Source::kiosk;
}

Ticket ticket_from(const Row& r) {
  Ticket t;
  t.id = r.integer(0);
  t.office = r.text(1);
  t.line = r.text(2);
  t.first_line = r.text(3);
  t.day = r.text(4);
  t.number = static_cast<int>(r.integer(5));
  t.label = r.text(6);
  t.status = ticket_status_from(r.text(7));
  t.source = source_from(r.text(8));
  t.priority_reason = r.optional_text(9);
  t.booking_reference = r.optional_text(10);
  t.booked_at = r.optional_text(11);
  t.order_at = r.text(12);
  t.issued_at = r.text(13);
  t.called_at = r.optional_text(14);
  t.first_called_at = r.optional_text(15);
  t.call_count = static_cast<int>(r.integer(16));
  t.counter = r.optional_text(17);
  t.done_at = r.optional_text(18);
  t.email = r.optional_text(19);
  t.alert_sent = r.integer(20) != 0;
  return t;
}

double seconds_between(const std::string& a, const std::string& b) {
  return std::chrono::duration<double>(platform::parse_iso_timestamp(b) - platform::parse_iso_timestamp(a)).count();
}

}  // namespace

Ticket TicketStore::issue(Connection& c, const NewTicket& t) const {
  auto number = c.query_one(
      "INSERT INTO queue_numbers (office, line, day, last_number) VALUES (?, ?, ?, 1) "
      "ON CONFLICT (office, line, day) DO UPDATE SET last_number = queue_numbers.last_number + 1 RETURNING last_number",
      {t.office, t.line, t.day});
  int n = static_cast<int>(number->integer(0));
  auto row = c.query_one(
      "INSERT INTO queue_tickets (office, line, first_line, day, number, label, status, active, source, priority_reason, "
      "booking_reference, booked_at, order_at, issued_at, email, kiosk_id, client_key) "
      "VALUES (?, ?, ?, ?, ?, ?, 'waiting', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {t.office, t.line, t.line, t.day, n, ticket_label(t.line, n), std::string(to_string(t.source)), t.priority_reason,
       t.booking_reference, t.booked_at, t.order_at, t.issued_at, t.email, t.kiosk_id, t.client_key});
  return *by_id(c, row->integer(0));
}

std::optional<Ticket> TicketStore::by_id(Connection& c, int64_t id) const {
  auto r = c.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return ticket_from(*r);
}

std::optional<Ticket> TicketStore::by_booking(Connection& c, const std::string& reference) const {
  auto r = c.query_one(std::string(kColumns) + "WHERE booking_reference = ?", {reference});
  if (!r) return std::nullopt;
  return ticket_from(*r);
}

std::vector<Ticket> TicketStore::open_tickets(Connection& c, const std::string& office, const std::string& day) const {
  std::vector<Ticket> out;
  for (const auto& r : c.query(std::string(kColumns) +
                                   "WHERE office = ? AND day = ? AND status IN ('waiting', 'called') ORDER BY order_at, id",
                               {office, day})) {
    out.push_back(ticket_from(r));
  }
  return out;
}

std::vector<Ticket> TicketStore::recent_calls(Connection& c, const std::string& office, const std::string& day,
                                              int limit) const {
  std::vector<Ticket> out;
  for (const auto& r : c.query(std::string(kColumns) +
                                   "WHERE office = ? AND day = ? AND called_at IS NOT NULL ORDER BY called_at DESC, id DESC LIMIT ?",
                               {office, day, limit})) {
    out.push_back(ticket_from(r));
  }
  return out;
}

bool TicketStore::call(Connection& c, int64_t id, const std::string& counter, const std::string& now) const {
  return c.execute(
             "UPDATE queue_tickets SET status = 'called', counter = ?, called_at = ?, "
             "first_called_at = COALESCE(first_called_at, ?), call_count = call_count + 1 "
             "WHERE id = ? AND status = 'waiting'",
             {counter, now, now, id}) == 1;
}

bool TicketStore::recall(Connection& c, int64_t id, const std::string& now) const {
  return c.execute("UPDATE queue_tickets SET called_at = ?, call_count = call_count + 1 WHERE id = ? AND status = 'called'",
                   {now, id}) == 1;
}

bool TicketStore::finish(Connection& c, int64_t id, TicketStatus to, const std::string& now) const {
  return c.execute("UPDATE queue_tickets SET status = ?, active = 0, done_at = ? WHERE id = ? AND status = 'called'",
                   {std::string(to_string(to)), now, id}) == 1;
}

bool TicketStore::transfer(Connection& c, int64_t id, const std::string& line) const {
  return c.execute(
             "UPDATE queue_tickets SET line = ?, status = 'waiting', counter = NULL WHERE id = ? AND status IN ('waiting', 'called')",
             {line, id}) == 1;
}

bool TicketStore::set_priority(Connection& c, int64_t id, const std::optional<std::string>& reason) const {
  return c.execute("UPDATE queue_tickets SET priority_reason = ? WHERE id = ? AND status = 'waiting'", {reason, id}) == 1;
}

bool TicketStore::claim_alert(Connection& c, int64_t id) const {
  return c.execute("UPDATE queue_tickets SET alert_sent = 1 WHERE id = ? AND alert_sent = 0 AND email IS NOT NULL",
                   {id}) == 1;
}

int TicketStore::issued_by_kiosk_since(Connection& c, int64_t kiosk_id, const std::string& since) const {
  return static_cast<int>(
      c.query_one("SELECT COUNT(*) FROM queue_tickets WHERE kiosk_id = ? AND issued_at >= ?", {kiosk_id, since})->integer(0));
}

int TicketStore::issued_to_client_since(Connection& c, const std::string& client_key, const std::string& since) const {
  return static_cast<int>(c.query_one("SELECT COUNT(*) FROM queue_tickets WHERE client_key = ? AND issued_at >= ?",
                                      {client_key, since})
                              ->integer(0));
}

std::vector<double> TicketStore::service_times(Connection& c, const std::string& office, const std::string& line,
                                               int limit) const {
  std::vector<double> out;
  for (const auto& r : c.query("SELECT called_at, done_at FROM queue_tickets WHERE office = ? AND line = ? AND status = 'done' "
                               "ORDER BY done_at DESC LIMIT ?",
                               {office, line, limit})) {
    out.push_back(seconds_between(r.text(0), r.text(1)));
  }
  return out;
}

int TicketStore::active_counters(Connection& c, const std::string& office, const std::string& line,
                                 const std::string& day, const std::string& since) const {
  return static_cast<int>(c.query_one("SELECT COUNT(DISTINCT counter) FROM queue_tickets WHERE office = ? AND line = ? "
                                      "AND day = ? AND called_at >= ? AND counter IS NOT NULL",
                                      {office, line, day, since})
                              ->integer(0));
}

std::vector<LineFigures> TicketStore::figures(Connection& c, const std::string& from_day, const std::string& to_day) const {
  std::map<std::tuple<std::string, std::string, std::string>, LineFigures> by;
  for (const auto& r : c.query("SELECT office, first_line, day, status, order_at, booked_at, first_called_at, called_at, done_at "
                               "FROM queue_tickets WHERE day >= ? AND day <= ?",
                               {from_day, to_day})) {
    auto& f = by[{r.text(2), r.text(0), r.text(1)}];
    f.office = r.text(0);
    f.line = r.text(1);
    f.day = r.text(2);
    ++f.tickets;
    std::string status = r.text(3);
    if (status == "done") ++f.served;
    if (status == "no_show") ++f.no_shows;
    if (auto first = r.optional_text(6)) {
      std::string from = r.optional_text(5).value_or(r.text(4));
      f.waits.push_back(std::max(0.0, seconds_between(std::min(from, *first), *first)));
    }
    if (status == "done" && !r.is_null(7) && !r.is_null(8)) f.services.push_back(seconds_between(r.text(7), r.text(8)));
  }
  std::vector<LineFigures> out;
  for (auto& [key, f] : by) out.push_back(std::move(f));
  return out;
}

}  // namespace madoguchi::queue
