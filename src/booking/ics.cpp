#include "booking/ics.h"

#include <cstdio>

namespace madoguchi::booking {

namespace {

std::string utc_stamp(platform::Clock::time_point t) {
  std::string iso = platform::iso_timestamp(t);  // 2026-11-22T01:02:03.456Z
  std::string out;
  for (char c : iso.substr(0, 19)) {
    if (c != '-' && c != ':') out += c;
  }
  return out + "Z";
}

}  // namespace

std::string escape_text(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string fold_line(const std::string& line) {
  std::string out;
  size_t octets = 0;
  size_t i = 0;
  while (i < line.size()) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + len > line.size()) len = line.size() - i;
    if (octets + len > 75) {
      out += "\r\n ";
      octets = 1;
    }
    out.append(line, i, len);
    octets += len;
    i += len;
  }
  return out;
}

std::string calendar_file(const CalendarEvent& e) {
  std::string out;
  auto add = [&out](const std::string& line) { out += fold_line(line) + "\r\n"; };
  add("BEGIN:VCALENDAR");
  add("VERSION:2.0");
  add("PRODID:-//Sendai City//madoguchi//JA");
  add("CALSCALE:GREGORIAN");
  add(e.cancelled ? "METHOD:CANCEL" : "METHOD:REQUEST");
  add("BEGIN:VEVENT");
  add("UID:" + e.uid);
  add("SEQUENCE:" + std::to_string(e.sequence));
  add("DTSTAMP:" + utc_stamp(e.stamp));
  add("DTSTART:" + utc_stamp(e.start));
  add("DTEND:" + utc_stamp(e.end));
  add("SUMMARY:" + escape_text(e.summary));
  if (!e.location.empty()) add("LOCATION:" + escape_text(e.location));
  if (!e.description.empty()) add("DESCRIPTION:" + escape_text(e.description));
  if (!e.url.empty()) add("URL:" + e.url);
  if (!e.organizer_name.empty()) add("ORGANIZER;CN=\"" + e.organizer_name + "\":mailto:noreply@madoguchi.invalid");
  add(e.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
  add("TRANSP:OPAQUE");
  if (!e.cancelled) {
    add("BEGIN:VALARM");
    add("ACTION:DISPLAY");
    add("DESCRIPTION:" + escape_text(e.summary));
    add("TRIGGER:-PT1H");
    add("END:VALARM");
  }
  add("END:VEVENT");
  add("END:VCALENDAR");
  return out;
}

}  // namespace madoguchi::booking
