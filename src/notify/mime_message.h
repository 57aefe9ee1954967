// Turns an EmailMessage into the RFC 5322 / MIME text handed to SMTP: Date,
// Message-ID, From/To/Subject (RFC 2047 for Japanese), MIME-Version and a
// base64 text/plain part (or multipart/alternative with the HTML part), every
// line CRLF-terminated and at most 78 octets. Pure: no clock, no randomness.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "notify/email_message.h"
#include "notify/sender.h"

namespace madoguchi::notify {

// "Tue, 01 Apr 2025 18:00:00 +0900": Japan Standard Time, which has no DST.
std::string rfc5322_date(std::chrono::system_clock::time_point time);

// "<unique@domain-of-from>"; unique must be dot-atom text (e.g. a base64url token).
std::string make_message_id(std::string_view unique, std::string_view from_address);

// Text with every line break (LF, CR or CRLF) as CRLF, the canonical form of MIME text.
std::string canonical_line_breaks(std::string_view text);

// The whole message, headers and body, for a message that passed validate().
std::string compose_message(const EmailMessage& message, const Sender& from, std::string_view message_id,
                            std::chrono::system_clock::time_point date);

}  // namespace madoguchi::notify
