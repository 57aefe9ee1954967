// TicketStore: the SQL of the queue, each call on the caller's connection.
// Numbers come from one upsert per office line and day; every change of a
// ticket is a conditional update on its status (zero rows: someone else
// changed it first), so several clerks and several nodes never collide.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/db/connection.h"
#include "queue/ticket.h"

namespace madoguchi::queue {

using platform::db::Connection;

struct NewTicket {
  std::string office;
  std::string line;
  std::string day;
  Source source = Source::kiosk;
  std::optional<std::string> priority_reason;
  std::optional<std::string> booking_reference;
  std::optional<std::string> booked_at;
  std::string order_at;
  std::string issued_at;
  std::optional<std::string> email;
  std::optional<int64_t> kiosk_id;
  std::optional<std::string> client_key;
};

struct LineFigures {
  std::string office, line, day;
  int tickets = 0, served = 0, no_shows = 0;
  std::vector<double> waits;     // seconds from issue (or booked time) to first call
  std::vector<double> services;  // seconds from last call to done
};

class TicketStore {
 public:
  Ticket issue(Connection& c, const NewTicket& t) const;
  std::optional<Ticket> by_id(Connection& c, int64_t id) const;
  std::optional<Ticket> by_booking(Connection& c, const std::string& reference) const;
  // Tickets of an office and day that are waiting or called.
  std::vector<Ticket> open_tickets(Connection& c, const std::string& office, const std::string& day) const;
  // The latest calls of an office and day, newest first.
  std::vector<Ticket> recent_calls(Connection& c, const std::string& office, const std::string& day, int limit) const;

  bool call(Connection& c, int64_t id, const std::string& counter, const std::string& now) const;
  bool recall(Connection& c, int64_t id, const std::string& now) const;
  bool finish(Connection& c, int64_t id, TicketStatus to, const std::string& now) const;
  bool transfer(Connection& c, int64_t id, const std::string& line) const;
  bool set_priority(Connection& c, int64_t id, const std::optional<std::string>& reason) const;
  bool claim_alert(Connection& c, int64_t id) const;

  int issued_by_kiosk_since(Connection& c, int64_t kiosk_id, const std::string& since) const;
  int issued_to_client_since(Connection& c, const std::string& client_key, const std::string& since) const;
  // Recent service times (seconds) of a line, the last `limit` tickets done.
  std::vector<double> service_times(Connection& c, const std::string& office, const std::string& line, int limit) const;
  // Counters that called someone in this line since `since`.
  int active_counters(Connection& c, const std::string& office, const std::string& line, const std::string& day,
                      const std::string& since) const;
  std::vector<LineFigures> figures(Connection& c, const std::string& from_day, const std::string& to_day) const;
};

}  // namespace madoguchi::queue
