#include "notify/outbox.h"

#include <stdexcept>

#include "platform/crypto.h"

namespace madoguchi::notify {

namespace {

using platform::db::Connection;
using platform::db::Row;

constexpr size_t max_error_length = 500;

constexpr std::string_view columns =
    "id, message_key, category, reference, recipient, subject, text_body, html_body, status, attempts, "
    "next_attempt_at, last_error, created_at, sent_at";

OutboxStatus parse_status(const std::string& text) {
  if (text == "pending") return OutboxStatus::pending;
  if (text == "sending") return OutboxStatus::sending;
  if (text == "sent") return OutboxStatus::sent;
  if (text == "failed") return OutboxStatus::failed;
  throw std::runtime_error("notify_email_outbox: unknown status " + text);
}

OutboxEntry to_entry(const Row& row) {
  OutboxEntry entry;
  entry.id = row.integer(0);
  entry.message_key = row.text(1);
  entry.message.category = row.text(2);
  entry.message.reference = row.optional_text(3);
  entry.message.to = row.text(4);
  entry.message.subject = row.text(5);
  entry.message.text_body = row.text(6);
  entry.message.html_body = row.optional_text(7);
  entry.status = parse_status(row.text(8));
  entry.attempts = static_cast<int>(row.integer(9));
  entry.next_attempt_at = platform::parse_iso_timestamp(row.text(10));
  entry.last_error = row.optional_text(11);
  entry.created_at = platform::parse_iso_timestamp(row.text(12));
  if (auto sent = row.optional_text(13)) entry.sent_at = platform::parse_iso_timestamp(*sent);
  return entry;
}

std::string bounded(std::string_view error) { return std::string(error.substr(0, max_error_length)); }

}  // namespace

std::string_view to_string(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::pending:
      return "pending";
    case OutboxStatus::sending:
      return "sending";
    case OutboxStatus::sent:
      return "sent";
    case OutboxStatus::failed:
      return "failed";
  }
  return "unknown";
}

Outbox::Outbox(Now clock) : clock_(clock ? std::move(clock) : Now([] { return platform::Clock::now(); })) {}

int64_t Outbox::enqueue(Connection& connection, const EmailMessage& message) {
  validate(message);
  std::string created = platform::iso_timestamp(now());
  const int64_t id =
      connection
          .query_one(
              "INSERT INTO notify_email_outbox (message_key, category, reference, recipient, subject, text_body, "
              "html_body, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) "
              "RETURNING id",
              {platform::crypto::random_token(16), message.category, message.reference, message.to, message.subject,
               message.text_body, message.html_body, created, created})
          ->integer(0);
  connection.after_commit([this] { doorbell_.ring(); });  // the mailer must find it committed
  return id;
}

std::optional<OutboxEntry> Outbox::claim_next(Connection& connection, std::chrono::seconds lease) {
  TimePoint now_time = now();
  auto row = connection.query_one(
      "SELECT " + std::string(columns) +
          " FROM notify_email_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?"
          " ORDER BY next_attempt_at, id LIMIT 1" + std::string(connection.claim_rows()),
      {platform::iso_timestamp(now_time)});
  if (!row) return std::nullopt;
  OutboxEntry entry = to_entry(*row);
  entry.status = OutboxStatus::sending;
  entry.next_attempt_at = now_time + lease;
  if (connection.execute("UPDATE notify_email_outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ? "
                         "WHERE id = ? AND attempts = ?",
                         {platform::iso_timestamp(entry.next_attempt_at), entry.id, entry.attempts}) != 1) {
    return std::nullopt;  // another node claimed it first
  }
  entry.attempts += 1;
  return entry;
}

bool Outbox::mark_sent(Connection& connection, const OutboxEntry& claimed) {
  return connection.execute(
             "UPDATE notify_email_outbox SET status = 'sent', sent_at = ?, last_error = NULL, text_body = '',"
             " html_body = NULL WHERE id = ? AND status = 'sending' AND attempts = ?",
             {platform::iso_timestamp(now()), claimed.id, claimed.attempts}) == 1;
}

bool Outbox::mark_retry(Connection& connection, const OutboxEntry& claimed, TimePoint next_attempt_at,
                        std::string_view error) {
  return connection.execute(
             "UPDATE notify_email_outbox SET status = 'pending', next_attempt_at = ?, last_error = ?"
             " WHERE id = ? AND status = 'sending' AND attempts = ?",
             {platform::iso_timestamp(next_attempt_at), bounded(error), claimed.id, claimed.attempts}) == 1;
}

bool Outbox::mark_failed(Connection& connection, const OutboxEntry& claimed, std::string_view error) {
  return connection.execute(
             "UPDATE notify_email_outbox SET status = 'failed', last_error = ?"
             " WHERE id = ? AND status = 'sending' AND attempts = ?",
             {bounded(error), claimed.id, claimed.attempts}) == 1;
}

std::optional<OutboxEntry> Outbox::find(Connection& connection, int64_t id) const {
  auto row = connection.query_one("SELECT " + std::string(columns) + " FROM notify_email_outbox WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return to_entry(*row);
}

int64_t Outbox::depth(Connection& connection) const {
  return connection.query_one("SELECT count(*) FROM notify_email_outbox WHERE status IN ('pending', 'sending')")
      ->integer(0);
}

}  // namespace madoguchi::notify
