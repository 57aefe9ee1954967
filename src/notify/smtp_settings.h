// SmtpSettings: where and how the SMTP transport delivers mail, filled from
// the smtp.* settings. An empty url means mail is not configured: messages
// wait in the outbox until it is.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "notify/sender.h"

namespace madoguchi::notify {

// Whether to upgrade smtp:// connections with STARTTLS (smtps:// is always TLS).
enum class StartTls {
  never,           // plain text: only for a relay on the same host or a test server
  when_available,  // use it if the server offers it (certificate still verified)
  required,        // refuse to send unless the connection is encrypted
};

// "never", "when_available" or "required"; throws std::invalid_argument naming smtp.starttls.
StartTls parse_starttls(std::string_view text);

struct SmtpSettings {
  std::string url;        // smtp://host:port or smtps://host:port
  std::string from;       // envelope sender and From address
  std::string from_name;  // From display name, e.g. 仙台市
  std::string username;   // both empty: no authentication
  std::string password;
  StartTls starttls = StartTls::required;
  std::chrono::seconds timeout{30};  // per connection attempt and per message

  bool configured() const { return !url.empty(); }
  Sender sender() const { return {from, from_name}; }
  // Throws std::invalid_argument naming the first bad setting (smtp.url, …).
  void validate() const;
};

}  // namespace madoguchi::notify
