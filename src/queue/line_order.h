// Who is called next in a line, and everyone's place: first the tickets a
// clerk marked for priority, then booked people whose time has come (booked
// people are served at their time), then everyone else by their place in the
// line (order_at: when they took the ticket, or their booked time if they
// checked in early). Ties go to the lower ticket id. Pure.
#pragma once

#include <vector>

#include "queue/ticket.h"

namespace madoguchi::queue {

// The waiting tickets of one line, in the order they will be called at `now` (an ISO timestamp).
std::vector<Ticket> call_order(std::vector<Ticket> waiting, const std::string& now);

}  // namespace madoguchi::queue
