// iCalendar (RFC 5545) for one booking, as attached to confirmations and
// offered for download: METHOD:REQUEST while the booking stands (created or
// moved, SEQUENCE counting the changes), METHOD:CANCEL with a higher SEQUENCE
// once it is cancelled, so calendar clients update or remove the same event
// (a stable UID from the reference). Times are UTC ("…Z"); lines end in CRLF
// and are folded at 75 octets, never inside a UTF-8 character. Pure.
#pragma once

#include <string>

#include "platform/time.h"

namespace madoguchi::booking {

struct CalendarEvent {
  std::string uid;          // e.g. "MDG-7K3Q-9XPD@madoguchi.example.jp"
  int sequence = 0;
  bool cancelled = false;
  platform::Clock::time_point start;
  platform::Clock::time_point end;
  platform::Clock::time_point stamp;  // when this version was made
  std::string summary;
  std::string location;
  std::string description;
  std::string url;
  std::string organizer_name;  // shown as the organiser (the office)
};

std::string calendar_file(const CalendarEvent& event);

// Escapes TEXT per RFC 5545 (backslash, semicolon, comma, newline).
std::string escape_text(const std::string& text);
// Folds one content line (without its CRLF) at 75 octets on UTF-8 boundaries.
std::string fold_line(const std::string& line);

}  // namespace madoguchi::booking
