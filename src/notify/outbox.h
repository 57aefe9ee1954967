// Outbox: the one way the platform sends e-mail. enqueue() inserts a message
// with the caller's connection, inside the caller's write transaction, so the
// e-mail exists if and only if the business change commits (transactional
// outbox). The Mailer claims due messages, sends them and records the result
// here. Delivery is at least once: a claim that lapses (a crash mid-send) is
// taken up again, with the same Message-ID.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "notify/doorbell.h"
#include "notify/email_message.h"
#include "platform/db/connection.h"
#include "platform/time.h"

namespace madoguchi::notify {

using TimePoint = platform::Clock::time_point;

enum class OutboxStatus { pending, sending, sent, failed };
std::string_view to_string(OutboxStatus status);

struct OutboxEntry {
  int64_t id = 0;
  std::string message_key;  // unique, kept across attempts; the Message-ID is <key@from-domain>
  EmailMessage message;     // bodies are empty once sent
  OutboxStatus status = OutboxStatus::pending;
  int attempts = 0;  // attempts started, including one in progress
  TimePoint next_attempt_at;
  std::optional<std::string> last_error;
  TimePoint created_at;
  std::optional<TimePoint> sent_at;
};

class Outbox {
 public:
  using Now = std::function<TimePoint()>;
  // clock gives "now" for every timestamp the outbox writes (system_clock by default).
  explicit Outbox(Now clock = {});

  // Validates the message (throws InvalidEmail and writes nothing if it is
  // wrong), inserts it as pending and due now, and rings doorbell(). Call it
  // inside the transaction that makes the change the mail reports. Returns its id.
  // The ring comes before the commit; a Mailer on the same Database still
  // sees the message, because its claim queues behind that transaction on
  // the one writer (and a message committed elsewhere is found by the poll).
  int64_t enqueue(platform::db::Connection& connection, const EmailMessage& message);

  // Claims the due message with the earliest next_attempt_at: marks it
  // sending, counts the attempt and holds it until now + lease. nullopt if
  // nothing is due. Call it in a write transaction.
  std::optional<OutboxEntry> claim_next(platform::db::Connection& connection, std::chrono::seconds lease);

  // Record the outcome of a claimed attempt. Each returns false, changing
  // nothing, if that claim is no longer current (it lapsed and was retaken).
  bool mark_sent(platform::db::Connection& connection, const OutboxEntry& claimed);
  bool mark_retry(platform::db::Connection& connection, const OutboxEntry& claimed, TimePoint next_attempt_at,
                  std::string_view error);
  bool mark_failed(platform::db::Connection& connection, const OutboxEntry& claimed, std::string_view error);

  std::optional<OutboxEntry> find(platform::db::Connection& connection, int64_t id) const;
  // Messages still to deliver: pending or sending.
  int64_t depth(platform::db::Connection& connection) const;

  TimePoint now() const { return clock_(); }
  Doorbell& doorbell() { return doorbell_; }

 private:
  Now clock_;
  Doorbell doorbell_;
};

}  // namespace madoguchi::notify
