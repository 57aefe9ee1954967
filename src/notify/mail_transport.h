// MailTransport: the channel that hands one finished message to the next
// mail hop (SMTP today; a vendor API could plug in instead). The Mailer
// decides about retries from the result; a transport never retries itself.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi::notify {

struct SendResult {
  enum class Status {
    delivered,          // the next hop accepted the message
    transient_failure,  // try again later: no connection, timeout, 4xx, …
    permanent_failure,  // the recipient is refused for good: retrying cannot help
  };
  Status status = Status::delivered;
  std::string error;  // what went wrong, for operators; never personal data

  bool delivered() const { return status == Status::delivered; }
};

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // Sends `data`, a complete RFC 5322 message with CRLF line ends, from the
  // envelope sender to one recipient. Reports failure in the result.
  virtual SendResult send(std::string_view envelope_from, std::string_view recipient, std::string_view data) = 0;
};

}  // namespace madoguchi::notify
