// A numbered ticket of the queue: "A-012" for the 12th ticket of line A that
// day. waiting → called (by a clerk at a counter, perhaps several times) →
// done or no_show; a ticket may move to another line keeping its place
// (order_at), and a clerk may mark it for priority. Tickets carry no names:
// displays and phones show only the number. Pure data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::queue {

enum class TicketStatus { waiting, called, done, no_show, cancelled };
std::string_view to_string(TicketStatus status);
TicketStatus ticket_status_from(std::string_view text);

enum class Source { kiosk, clerk, booking, phone };
std::string_view to_string(Source source);

// Why a clerk gave a ticket priority (data, audited).
inline constexpr std::string_view kPriorityReasons[] = {"elderly", "disability", "pregnancy", "interpreter", "other"};
bool is_priority_reason(std::string_view reason);

struct Ticket {
  int64_t id = 0;
  std::string office;
  std::string line;        // the line it waits in now
  std::string first_line;  // the line it was issued for
  std::string day;
  int number = 0;
  std::string label;  // "A-012"
  TicketStatus status = TicketStatus::waiting;
  Source source = Source::kiosk;
  std::optional<std::string> priority_reason;
  std::optional<std::string> booking_reference;
  std::optional<std::string> booked_at;  // the booked slot's start
  std::string order_at;                  // its place in the line
  std::string issued_at;
  std::optional<std::string> called_at;
  std::optional<std::string> first_called_at;
  int call_count = 0;
  std::optional<std::string> counter;
  std::optional<std::string> done_at;
  std::optional<std::string> email;
  bool alert_sent = false;
};

// "A-012"
std::string ticket_label(std::string_view line, int number);

}  // namespace madoguchi::queue
