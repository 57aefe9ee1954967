#include "queue/ticket.h"

#include <cstdio>
#include <stdexcept>

namespace madoguchi::queue {

namespace {
constexpr std::pair<TicketStatus, std::string_view> kStatuses[] = {
    {TicketStatus::waiting, "waiting"}, {TicketStatus::called, "called"}, {TicketStatus::done, "done"},
    {TicketStatus::no_show, "no_show"}, {TicketStatus::cancelled, "cancelled"}};
}  // namespace

std::string_view to_string(TicketStatus status) {
  for (const auto& [s, name] : kStatuses) {
    if (s == status) return name;
  }
  return "waiting";
}

TicketStatus ticket_status_from(std::string_view text) {
  for (const auto& [s, name] : kStatuses) {
    if (name == text) return s;
  }
  throw std::invalid_argument("unknown ticket status: " + std::string(text));
}

std::string_view to_string(Source source) {
  switch (source) {
    case Source::kiosk:
      return "kiosk";
    case Source::clerk:
      return "clerk";
    case Source::booking:
      return "booking";
    case Source::phone:
      return "phone";
  }
  return "kiosk";
}

bool is_priority_reason(std::string_view reason) {
  for (auto r : kPriorityReasons) {
    if (r == reason) return true;
  }
  return false;
}

std::string ticket_label(std::string_view line, int number) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "-%03d", number);
  return std::string(line) + buf;
}

}  // namespace madoguchi::queue
