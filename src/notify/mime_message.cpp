#include "notify/mime_message.h"

#include <cstdio>
#include <ctime>

#include "notify/address.h"
#include "notify/base64.h"
#include "notify/encoded_word.h"

namespace madoguchi::notify {

namespace {

// Parts are base64, whose alphabet has no "-" or "_", so no body line can
// ever begin with "--=_madoguchi": the boundary cannot collide with content.
constexpr std::string_view boundary = "=_madoguchi_alternative";

std::string text_part_headers(std::string_view subtype) {
  return "Content-Type: text/" + std::string(subtype) +
         "; charset=UTF-8\r\n"
         "Content-Transfer-Encoding: base64\r\n";
}

// "name <address>", folded before the address when one line would pass 78 octets.
std::string mailbox(const Sender& from) {
  std::string address = "<" + from.address + ">";
  if (from.display_name.empty()) return address;
  std::string phrase = encode_phrase(from.display_name);
  size_t fold = phrase.rfind("\r\n");
  size_t last_line = fold == std::string::npos ? 6 + phrase.size() : phrase.size() - fold - 2;
  return phrase + (last_line + 1 + address.size() <= 78 ? " " : "\r\n ") + address;
}

}  // namespace

std::string rfc5322_date(std::chrono::system_clock::time_point time) {
  static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t jst = std::chrono::system_clock::to_time_t(time) + 9 * 3600;
  std::tm tm{};
  gmtime_r(&jst, &tm);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0900", days[tm.tm_wday], tm.tm_mday,
                months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string make_message_id(std::string_view unique, std::string_view from_address) {
  return "<" + std::string(unique) + "@" + std::string(address_domain(from_address)) + ">";
}

std::string canonical_line_breaks(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string compose_message(const EmailMessage& message, const Sender& from, std::string_view message_id,
                            std::chrono::system_clock::time_point date) {
  std::string out;
  out += "Date: " + rfc5322_date(date) + "\r\n";
  out += "From: " + mailbox(from) + "\r\n";
  out += "To: <" + message.to + ">\r\n";
  out += "Subject: " + encode_unstructured(message.subject, 9) + "\r\n";
  out += "Message-ID: " + std::string(message_id) + "\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  out += "MIME-Version: 1.0\r\n";

  std::string text = base64_lines(canonical_line_breaks(message.text_body));
  if (!message.html_body) {
    out += text_part_headers("plain") + "\r\n" + text;
    return out;
  }
  std::string delimiter = "--" + std::string(boundary);
  out += "Content-Type: multipart/alternative; boundary=\"" + std::string(boundary) + "\"\r\n\r\n";
  out += delimiter + "\r\n" + text_part_headers("plain") + "\r\n" + text;
  out +=
      delimiter + "\r\n" + text_part_headers("html") + "\r\n" + base64_lines(canonical_line_breaks(*message.html_body));
  out += delimiter + "--\r\n";
  return out;
}

}  // namespace madoguchi::notify
