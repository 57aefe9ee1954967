// QueueService: the queue's use cases over the database. Tickets are issued
// at a kiosk, by a clerk, by checking in a booking (its reference, as the QR
// code on the confirmation carries it) or from a phone where the office
// allows it; clerks call the next ticket, recall, transfer keeping the place,
// mark priority, and close a ticket as done or no-show (automatically after
// the office's number of calls). Each change is one transaction; after it
// commits, "queue.<office>" is published so live pages on every node reload
// the board. The "almost your turn" e-mail is queued in the same transaction
// as the call that brings a ticket near the front, claimed once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/booking_service.h"
#include "notify/outbox.h"
#include "platform/db/database.h"
#include "platform/events.h"
#include "queue/board.h"
#include "queue/queue_error.h"
#include "queue/ticket.h"
#include "queue/ticket_store.h"

namespace madoguchi::queue {

using Instant = platform::Clock::time_point;

struct QueueSettings {
  std::string public_url;
  std::vector<uint8_t> token_key;  // signs the phone page link of each ticket
};

struct IssueRequest {
  std::string office;
  std::string line;
  Source source = Source::kiosk;
  std::optional<std::string> priority_reason;
  std::optional<std::string> email;
  std::optional<int64_t> kiosk_id;
  std::optional<std::string> client_key;  // the phone's client, for the per-client limit
};

struct Issued {
  Ticket ticket;
  std::string token;  // the phone page: /queue/t/{token}
};

std::string office_channel(const std::string& office);

class QueueService {
 public:
  QueueService(platform::db::Database& database, notify::Outbox& outbox, platform::Events& events,
               booking::BookingService& bookings, QueueSettings settings);

  booking::OfficeDirectory directory() const { return bookings_.directory(); }

  // Throws QueueError: unknown_line (404), closed (409, says when it opens),
  // phone_tickets_off (403), too_many (429), already_waiting (409), invalid_email (400).
  Issued issue(const IssueRequest& request, Instant now);
  // Checks a booking in and gives its ticket (the same ticket if done twice).
  // Throws QueueError (booking errors become their codes), closed.
  Issued check_in(const std::string& office, const std::string& reference, Instant now);

  // Calls the next ticket of the line at `counter`; nothing if nobody waits.
  std::optional<Ticket> call_next(const std::string& office, const std::string& line, const std::string& counter,
                                  Instant now);
  // Calls this waiting ticket; QueueError 409 not_waiting if it is not waiting
  // (a ticket already served cannot be called again).
  Ticket call(const std::string& office, int64_t ticket_id, const std::string& counter, Instant now);
  // Calls again; after the office's number of calls the ticket becomes a no-show.
  Ticket recall(const std::string& office, int64_t ticket_id, Instant now);
  Ticket finish(const std::string& office, int64_t ticket_id, TicketStatus to, Instant now);
  Ticket transfer(const std::string& office, int64_t ticket_id, const std::string& line, Instant now);
  Ticket set_priority(const std::string& office, int64_t ticket_id, const std::optional<std::string>& reason, Instant now);

  Board board(const std::string& office, Instant now) const;
  std::optional<Ticket> ticket(int64_t id) const;
  // The ticket a phone page token names, if the token is genuine.
  std::optional<Ticket> ticket_for_token(const std::string& token) const;
  std::string token_for(int64_t ticket_id) const;

  std::vector<LineFigures> figures(const std::string& from_day, const std::string& to_day) const;

 private:
  const booking::Line& queue_line(const booking::Office& office, const std::string& line) const;
  void publish(const std::string& office, const std::string& kind, const Ticket* ticket) const;
  void alert_near_front(platform::db::Connection& c, const booking::Office& office, const std::string& line,
                        const std::string& day, const std::string& now) const;
  Ticket change(const std::string& office, int64_t ticket_id, const char* kind,
                const std::function<bool(platform::db::Connection&, const Ticket&)>& apply);

  platform::db::Database& db_;
  notify::Outbox& outbox_;
  platform::Events& events_;
  booking::BookingService& bookings_;
  QueueSettings settings_;
  TicketStore store_;
};

}  // namespace madoguchi::queue
