// SmtpTransport: delivers messages over SMTP with libcurl (MAIL FROM, RCPT TO,
// DATA; curl does the dot-stuffing). It keeps one easy handle, so one
// connection is reused between messages, and sends one message at a time.
// 550, 551 and 553 answers (no such mailbox, not allowed) are permanent
// failures; everything else that fails is transient.
#pragma once

#include <mutex>

#include "notify/curl_handles.h"
#include "notify/mail_transport.h"
#include "notify/smtp_settings.h"

namespace madoguchi::notify {

class SmtpTransport : public MailTransport {
 public:
  // Throws std::invalid_argument if the settings are not valid.
  explicit SmtpTransport(SmtpSettings settings);

  SendResult send(std::string_view envelope_from, std::string_view recipient, std::string_view data) override;

 private:
  SmtpSettings settings_;
  std::mutex mutex_;
  CurlEasy handle_;
};

}  // namespace madoguchi::notify
