// The offices citizens book and queue at, as data: Sendai's ward and branch
// offices and the facilities and consultation desks that take bookings, each
// with its opening hours, closures and lines (a counter line with numbered
// tickets, a room, a consultation desk). A line is one "bookable": its rules
// (slot length, capacity, lead time, horizon, hold, once per person and day)
// and its queue rules are data, read from offices/*.yaml and overridden by a
// department admin's edits (OfficeSettingsStore). Pure: no I/O.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forms/localized_text.h"

namespace madoguchi::booking {

using Date = std::chrono::year_month_day;
using forms::LocalizedText;

enum class ServiceKind { counter, consultation, facility };
std::string_view to_string(ServiceKind kind);
std::optional<ServiceKind> service_kind_from(std::string_view text);

struct BookingRules {
  int slot_minutes = 30;
  int capacity = 2;
  int lead_minutes = 60;
  int horizon_days = 30;
  int hold_minutes = 5;
  bool once_per_person_per_day = true;
  bool reminder = true;
  bool open = true;  // bookings taken at all
};

struct QueueRules {
  int no_show_after_calls = 3;
  int recall_after_seconds = 60;
  int alert_when_ahead = 3;
  int kiosk_tickets_per_minute = 20;
  int phone_tickets_per_hour = 3;
};

struct Service {
  std::string code;  // "moving"
  ServiceKind kind = ServiceKind::counter;
  LocalizedText name;
  std::vector<std::string> procedures;  // procedure ids this service handles
};

// Minutes after midnight, Japan time.
struct OpeningSpan {
  int open = 0;
  int close = 0;
};

struct Line {
  std::string code;     // "A": also the letter of its tickets
  std::string service;  // Service::code
  LocalizedText name;
  int counters = 1;     // counters that serve this line
  bool queue = true;    // numbered tickets are issued for it
  BookingRules booking;
};

enum class OfficeKind { ward_office, branch_office, facility };
std::string_view to_string(OfficeKind kind);

struct Office {
  std::string code;  // "aoba"
  OfficeKind kind = OfficeKind::ward_office;
  std::string ward;  // the ward it belongs to
  LocalizedText name;
  std::string address;
  std::map<unsigned, OpeningSpan> hours;  // ISO weekday (1 = Monday … 7 = Sunday) → span; absent: closed
  bool closed_on_city_holidays = true;    // national holidays and 12/29–1/3 (jp::is_city_closed)
  std::vector<std::string> closed_month_days;  // "12-29": closed every year
  std::vector<std::string> closed_dates;       // "2027-06-18": closed that day (admin edits)
  bool phone_tickets = false;  // citizens may take a ticket from their phone
  std::vector<Line> lines;
  QueueRules queue;

  const Line* find_line(std::string_view code) const;
};

struct OfficeDirectory {
  std::vector<Service> services;
  std::vector<Office> offices;

  const Service* find_service(std::string_view code) const;
  const Office* find_office(std::string_view code) const;
  Office* find_office(std::string_view code);
  // Offices with a line for this service, in file order.
  std::vector<const Office*> offices_for(std::string_view service) const;
};

// Text in the language code ("ja", "en", "easy"); falls back to Japanese.
const std::string& localized(const LocalizedText& text, std::string_view language);

}  // namespace madoguchi::booking
