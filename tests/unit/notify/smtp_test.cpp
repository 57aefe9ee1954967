// Real SMTP: the outbox and mailer deliver through SmtpTransport (libcurl) to
// tests/fixtures/notify/smtp_sink.py, an aiosmtpd server on a free local
// port, which decodes what it got with Python's email package.
#include <gtest/gtest.h>

#include "notify/mailer.h"
#include "notify/mime_message.h"
#include "notify/smtp_transport.h"
#include "notify_test_support.h"
#include "smtp_sink.h"

using namespace madoguchi::notify;
using madoguchi::platform::db::Connection;
using namespace std::chrono_literals;

namespace {

SmtpSettings smtp_settings(const std::string& url) {
  SmtpSettings s;
  s.url = url;
  s.from = "noreply@city.sendai.example.jp";
  s.from_name = "仙台市";
  s.starttls = StartTls::never;
  s.timeout = 10s;
  return s;
}

MailerSettings mailer_settings(const SmtpSettings& smtp) {
  MailerSettings s;
  s.from = smtp.sender();
  return s;
}

struct Fixture {
  notify_test::MigratedDatabase db;
  notify_test::ManualClock clock;
  Outbox outbox{clock.function()};

  int64_t enqueue(const EmailMessage& message) {
    return db->write([&](Connection& c) { return outbox.enqueue(c, message); });
  }
  OutboxEntry entry(int64_t id) {
    return *db->read([&](Connection& c) { return outbox.find(c, id); });
  }
};

}  // namespace

TEST(Smtp, DeliversAJapaneseMessageThroughTheOutbox) {
  Fixture f;
  const auto inbox = madoguchi::testing::scratch_dir("mail");
  notify_test::SmtpSink sink(inbox);
  auto smtp = smtp_settings(sink.url());
  SmtpTransport transport(smtp);
  Mailer mailer(*f.db, f.outbox, transport, mailer_settings(smtp));
  auto message = notify_test::receipt_message();
  int64_t id = f.enqueue(message);

  EXPECT_EQ(mailer.drain(60s).sent, 1);

  auto received = sink.messages();
  ASSERT_EQ(received.size(), 1u);
  const auto& mail = received[0];
  EXPECT_EQ(mail["subject"], message.subject);
  EXPECT_EQ(mail["text"], canonical_line_breaks(message.text_body));
  EXPECT_TRUE(mail["html"].is_null());
  EXPECT_EQ(mail["from_name"], "仙台市");
  EXPECT_EQ(mail["from_address"], "noreply@city.sendai.example.jp");
  EXPECT_EQ(mail["mail_from"], "noreply@city.sendai.example.jp");
  EXPECT_EQ(mail["rcpt_tos"], nlohmann::json::array({"taro.yamada@example.jp"}));
  EXPECT_EQ(mail["content_type"], "text/plain");
  EXPECT_EQ(mail["date"], "Tue, 01 Apr 2025 18:00:00 +0900");
  EXPECT_EQ(mail["defects"], nlohmann::json::array());
  EXPECT_LE(mail["max_line"].get<int>(), 78);
  EXPECT_FALSE(mail["bare_lf"].get<bool>());

  auto entry = f.entry(id);
  EXPECT_EQ(entry.status, OutboxStatus::sent);
  EXPECT_EQ(mail["message_id"], "<" + entry.message_key + "@city.sendai.example.jp>");
}

TEST(Smtp, DeliversTheHtmlAlternativeAndSeveralMessagesInARow) {
  Fixture f;
  const auto inbox = madoguchi::testing::scratch_dir("mail");
  notify_test::SmtpSink sink(inbox);
  auto smtp = smtp_settings(sink.url());
  SmtpTransport transport(smtp);
  Mailer mailer(*f.db, f.outbox, transport, mailer_settings(smtp));
  auto message = notify_test::receipt_message();
  message.html_body = "<p>受付番号 <strong>MDG-7K3Q-9XPD</strong></p>\n<p>. 点で始まる行</p>\n";
  for (const char* to : {"one@example.jp", "two@example.jp", "three@example.jp"}) {
    message.to = to;
    f.enqueue(message);
  }

  EXPECT_EQ(mailer.drain(60s).sent, 3);

  auto received = sink.messages();
  ASSERT_EQ(received.size(), 3u);
  std::vector<std::string> recipients;
  for (const auto& mail : received) {
    recipients.push_back(mail["rcpt_tos"][0]);
    EXPECT_EQ(mail["content_type"], "multipart/alternative");
    EXPECT_EQ(mail["subject"], message.subject);
    EXPECT_EQ(mail["text"], canonical_line_breaks(message.text_body));
    EXPECT_EQ(mail["html"], canonical_line_breaks(*message.html_body));
    EXPECT_EQ(mail["defects"], nlohmann::json::array());
  }
  EXPECT_EQ(recipients, (std::vector<std::string>{"one@example.jp", "two@example.jp", "three@example.jp"}));
}

TEST(Smtp, RetriesWhileNoServerListensAndDeliversOnceItStarts) {
  Fixture f;
  int port = notify_test::unused_port();
  auto smtp = smtp_settings("smtp://127.0.0.1:" + std::to_string(port));
  SmtpTransport transport(smtp);
  Mailer mailer(*f.db, f.outbox, transport, mailer_settings(smtp));
  int64_t id = f.enqueue(notify_test::receipt_message());

  EXPECT_EQ(mailer.drain(60s).retried, 1);
  auto first = f.entry(id);
  EXPECT_EQ(first.status, OutboxStatus::pending);
  EXPECT_EQ(first.attempts, 1);
  EXPECT_EQ(first.next_attempt_at, f.clock.now() + 1min);
  ASSERT_TRUE(first.last_error);
  EXPECT_NE(first.last_error->find("curl 7"), std::string::npos) << *first.last_error;
  EXPECT_EQ(first.last_error->find("taro"), std::string::npos) << "no address in errors";

  f.clock.advance(1min);
  EXPECT_EQ(mailer.drain(60s).retried, 1);
  auto second = f.entry(id);
  EXPECT_EQ(second.attempts, 2);
  EXPECT_GT(second.next_attempt_at, first.next_attempt_at);
  EXPECT_EQ(second.next_attempt_at, f.clock.now() + 5min);

  const auto inbox = madoguchi::testing::scratch_dir("mail");
  notify_test::SmtpSink sink(inbox, port);
  EXPECT_EQ(mailer.drain(60s).sent, 0) << "not due yet, even though the server is back";
  f.clock.advance(5min);
  EXPECT_EQ(mailer.drain(60s).sent, 1);
  auto delivered = f.entry(id);
  EXPECT_EQ(delivered.status, OutboxStatus::sent);
  EXPECT_EQ(delivered.attempts, 3);
  auto received = sink.messages();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0]["subject"], notify_test::receipt_message().subject);
  EXPECT_EQ(received[0]["message_id"], "<" + delivered.message_key + "@city.sendai.example.jp>");
}

TEST(Smtp, RecipientTheServerRefusesFailsWithoutRetries) {
  Fixture f;
  const auto inbox = madoguchi::testing::scratch_dir("mail");
  notify_test::SmtpSink sink(inbox, 0, "invalid.example.jp");
  auto smtp = smtp_settings(sink.url());
  SmtpTransport transport(smtp);
  Mailer mailer(*f.db, f.outbox, transport, mailer_settings(smtp));
  int64_t refused = f.enqueue(notify_test::receipt_message("nobody@invalid.example.jp"));
  int64_t fine = f.enqueue(notify_test::receipt_message("hanako@example.jp"));

  auto result = mailer.drain(60s);
  EXPECT_EQ(result.failed, 1);
  EXPECT_EQ(result.sent, 1);
  auto entry = f.entry(refused);
  EXPECT_EQ(entry.status, OutboxStatus::failed);
  EXPECT_EQ(entry.attempts, 1);
  ASSERT_TRUE(entry.last_error);
  EXPECT_NE(entry.last_error->find("SMTP 550"), std::string::npos) << *entry.last_error;
  EXPECT_EQ(entry.last_error->find("nobody"), std::string::npos) << "no address in errors";
  EXPECT_EQ(f.entry(fine).status, OutboxStatus::sent) << "the connection is still good for the next message";
  ASSERT_EQ(sink.messages().size(), 1u);
}

TEST(SmtpSettings, RefusesSettingsThatCannotWorkOrWouldLeakThePassword) {
  auto good = smtp_settings("smtp://127.0.0.1:2525");
  EXPECT_NO_THROW(good.validate());
  auto s = good;
  s.url = "http://127.0.0.1:2525";
  EXPECT_THROW(s.validate(), std::invalid_argument);
  s = good;
  s.from = "noreply";
  EXPECT_THROW(s.validate(), std::invalid_argument);
  s = good;
  s.username = "mailer";
  EXPECT_THROW(s.validate(), std::invalid_argument) << "a username without a password";
  s.password = "secret";
  EXPECT_THROW(s.validate(), std::invalid_argument) << "a password over plain text";
  s.starttls = StartTls::required;
  EXPECT_NO_THROW(s.validate());
  s.url = "smtps://smtp.example.jp:465";
  s.starttls = StartTls::never;
  EXPECT_NO_THROW(s.validate()) << "smtps is TLS from the start";
  EXPECT_EQ(parse_starttls("when_available"), StartTls::when_available);
  EXPECT_THROW(parse_starttls("yes"), std::invalid_argument);
  EXPECT_THROW(SmtpTransport(SmtpSettings{}), std::invalid_argument) << "an unconfigured transport is refused";
}
