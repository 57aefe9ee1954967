// The public figures of the counters per office, line and day: tickets
// issued, served and no-shows, waits (issue or booked time to first call) and
// service times as p50/p90 minutes, and bookings made, kept and missed. Read
// for a range of days (default: the last 30; at most 366).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "booking/booking_service.h"
#include "queue/queue_service.h"

namespace madoguchi::queue {

struct DayRange {
  std::string from;
  std::string to;
};

// Throws HttpError 400 for malformed dates or a range over 366 days.
DayRange figures_range(const std::optional<std::string>& from, const std::optional<std::string>& to, Instant now);

struct DayLineFigures {
  std::string office, line, day;
  int tickets = 0, served = 0, no_shows = 0;
  double wait_p50_minutes = 0, wait_p90_minutes = 0, service_p50_minutes = 0, service_p90_minutes = 0;
  int booked = 0, bookings_kept = 0, booking_no_shows = 0, bookings_cancelled = 0;
};

std::vector<DayLineFigures> combined_figures(const QueueService& queue, const booking::BookingService& bookings,
                                             const DayRange& range);
nlohmann::json figures_json(const DayLineFigures& f);

}  // namespace madoguchi::queue
