// EmailMessage is one e-mail the platform sends to one person, and validate()
// is the gate every message passes before it enters the outbox: it refuses
// header injection (CR/LF in the subject or address), implausible addresses,
// malformed UTF-8 and oversized text with an InvalidEmail naming the field.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace madoguchi::notify {

struct EmailMessage {
  std::string to;                        // one recipient address, local@domain
  std::string subject;                   // UTF-8, one line
  std::string text_body;                 // UTF-8 plain text; line breaks may be LF or CRLF
  std::optional<std::string> html_body;  // UTF-8 HTML alternative, if any
  std::string category;                  // what kind of mail: "receipt", "verification", …
  std::optional<std::string> reference;  // the application reference (受付番号), if any
};

inline constexpr size_t max_subject_characters = 200;
inline constexpr size_t max_body_bytes = 1024 * 1024;

// A message the outbox refuses. field() is "to", "subject", "text_body",
// "html_body", "category" or "reference"; what() is "field: 日本語 / English".
class InvalidEmail : public std::invalid_argument {
 public:
  InvalidEmail(std::string field, std::string message_ja, std::string message_en);
  const std::string& field() const noexcept { return field_; }
  const std::string& message_ja() const noexcept { return message_ja_; }
  const std::string& message_en() const noexcept { return message_en_; }

 private:
  std::string field_;
  std::string message_ja_;
  std::string message_en_;
};

// Throws InvalidEmail for the first field that is wrong; returns if all are fine.
void validate(const EmailMessage& message);

}  // namespace madoguchi::notify
