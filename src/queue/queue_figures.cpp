#include "queue/queue_figures.h"

#include <cmath>
#include <map>
#include <tuple>

#include "booking/opening.h"
#include "platform/http/http_error.h"
#include "queue/wait_estimate.h"

namespace madoguchi::queue {

using namespace std::chrono;

DayRange figures_range(const std::optional<std::string>& from, const std::optional<std::string>& to, Instant now) {
  auto today = platform::tokyo_date(now);
  auto bad = [] {
    return platform::http::bad_request("invalid_range", "期間は from=2027-06-01&to=2027-06-30 の形式で、366日以内で指定してください。",
                                       "Give the range as from=2027-06-01&to=2027-06-30, at most 366 days.");
  };
  booking::Date end = today;
  booking::Date start{sys_days{today} - days{30}};
  if (to && !to->empty()) {
    auto d = booking::parse_date(*to);
    if (!d) throw bad();
    end = *d;
  }
  if (from && !from->empty()) {
    auto d = booking::parse_date(*from);
    if (!d) throw bad();
    start = *d;
  }
  if (start > end || sys_days{end} - sys_days{start} > days{366}) throw bad();
  return {platform::iso_date(start), platform::iso_date(end)};
}

std::vector<DayLineFigures> combined_figures(const QueueService& queue, const booking::BookingService& bookings,
                                             const DayRange& range) {
  std::map<std::tuple<std::string, std::string, std::string>, DayLineFigures> by;
  auto minutes = [](double seconds) { return std::round(seconds / 6.0) / 10.0; };
  for (const auto& f : queue.figures(range.from, range.to)) {
    auto& d = by[{f.day, f.office, f.line}];
    d.office = f.office;
    d.line = f.line;
    d.day = f.day;
    d.tickets = f.tickets;
    d.served = f.served;
    d.no_shows = f.no_shows;
    d.wait_p50_minutes = minutes(quantile(f.waits, 0.5));
    d.wait_p90_minutes = minutes(quantile(f.waits, 0.9));
    d.service_p50_minutes = minutes(quantile(f.services, 0.5));
    d.service_p90_minutes = minutes(quantile(f.services, 0.9));
  }
  for (const auto& f : bookings.figures(range.from, range.to)) {
    auto& d = by[{f.day, f.office, f.line}];
    d.office = f.office;
    d.line = f.line;
    d.day = f.day;
    d.booked = f.booked;
    d.bookings_kept = f.kept;
    d.booking_no_shows = f.no_show;
    d.bookings_cancelled = f.cancelled;
  }
  std::vector<DayLineFigures> out;
  for (auto& [key, f] : by) out.push_back(std::move(f));
  return out;
}

nlohmann::json figures_json(const DayLineFigures& f) {
  return {{"office", f.office},
          {"line", f.line},
          {"day", f.day},
          {"tickets", f.tickets},
          {"served", f.served},
          {"no_shows", f.no_shows},
          {"wait_p50_minutes", f.wait_p50_minutes},
          {"wait_p90_minutes", f.wait_p90_minutes},
          {"service_p50_minutes", f.service_p50_minutes},
          {"service_p90_minutes", f.service_p90_minutes},
          {"bookings", f.booked},
          {"bookings_kept", f.bookings_kept},
          {"booking_no_shows", f.booking_no_shows},
          {"bookings_cancelled", f.bookings_cancelled}};
}

}  // namespace madoguchi::queue
