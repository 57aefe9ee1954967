#include "notify/mailer.h"

#include <stdexcept>

#include "notify/address.h"
#include "notify/mime_message.h"
#include "platform/log.h"

namespace madoguchi::notify {

namespace {

using platform::db::Connection;

nlohmann::json describe(const OutboxEntry& entry) {
  nlohmann::json fields = {{"id", entry.id},
                           {"category", entry.message.category},
                           {"to", mask_address(entry.message.to)},
                           {"attempts", entry.attempts}};
  if (entry.message.reference) fields["reference"] = *entry.message.reference;
  return fields;
}

// The send outlived its claim and another attempt took the message over;
// that attempt records the outcome, so this one's is dropped.
void note_lapse(bool recorded, const nlohmann::json& fields) {
  if (!recorded) platform::log::warn("notify.email.claim_lapsed", fields);
}

}  // namespace

Mailer::Mailer(platform::db::Database& database, Outbox& outbox, MailTransport& transport, MailerSettings settings,
               platform::Metrics* metrics)
    : database_(database), outbox_(outbox), transport_(transport), settings_(std::move(settings)), metrics_(metrics) {
  validate(settings_.from);
}

Mailer::~Mailer() { stop(); }

void Mailer::start() {
  if (thread_.joinable()) throw std::logic_error("the mailer is already running");
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void Mailer::stop() {
  stopping_ = true;
  outbox_.doorbell().ring();
  if (thread_.joinable()) thread_.join();
}

DrainResult Mailer::drain(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  DrainResult result;
  while (std::chrono::steady_clock::now() < deadline) {
    Outcome outcome = send_next();
    if (outcome == Outcome::idle) break;
    if (outcome == Outcome::sent) ++result.sent;
    if (outcome == Outcome::retried) ++result.retried;
    if (outcome == Outcome::failed) ++result.failed;
  }
  update_depth();
  return result;
}

void Mailer::run() {
  platform::log::info("notify.mailer.started", {{"poll_interval_ms", settings_.poll_interval.count()}});
  while (!stopping_) {
    try {
      while (!stopping_ && send_next() != Outcome::idle) {
      }
      update_depth();
    } catch (const std::exception& e) {
      platform::log::error("notify.mailer.error", {{"error", e.what()}});
    }
    if (stopping_) break;
    outbox_.doorbell().wait_for(settings_.poll_interval);
  }
  platform::log::info("notify.mailer.stopped");
}

Mailer::Outcome Mailer::send_next() {
  std::lock_guard lock(send_mutex_);
  auto claimed = database_.write([&](Connection& c) { return outbox_.claim_next(c, settings_.claim_lease); });
  if (!claimed) return Outcome::idle;

  std::string data =
      compose_message(claimed->message, settings_.from, make_message_id(claimed->message_key, settings_.from.address),
                      claimed->created_at);
  SendResult result;
  try {
    result = transport_.send(settings_.from.address, claimed->message.to, data);
  } catch (const std::exception& e) {
    result = {SendResult::Status::transient_failure, std::string("transport error: ") + e.what()};
  }
  return record(*claimed, result);
}

Mailer::Outcome Mailer::record(const OutboxEntry& claimed, const SendResult& result) {
  nlohmann::json fields = describe(claimed);
  const std::string& category = claimed.message.category;
  if (result.delivered()) {
    note_lapse(database_.write([&](Connection& c) { return outbox_.mark_sent(c, claimed); }), fields);
    platform::log::info("notify.email.sent", fields);
    count("notify_email_sent_total", "E-mails the mail server accepted", category);
    return Outcome::sent;
  }

  fields["error"] = result.error;
  auto delay = result.status == SendResult::Status::permanent_failure ? std::nullopt
                                                                      : settings_.retry.delay_after(claimed.attempts);
  if (!delay) {
    note_lapse(database_.write([&](Connection& c) { return outbox_.mark_failed(c, claimed, result.error); }), fields);
    fields["permanent"] = result.status == SendResult::Status::permanent_failure;
    platform::log::warn("notify.email.failed", fields);
    count("notify_email_failed_total", "E-mails given up on after a permanent error or the last attempt", category);
    return Outcome::failed;
  }
  TimePoint next = outbox_.now() + *delay;
  note_lapse(database_.write([&](Connection& c) { return outbox_.mark_retry(c, claimed, next, result.error); }),
             fields);
  fields["next_attempt_at"] = platform::iso_timestamp(next);
  platform::log::warn("notify.email.retry", fields);
  count("notify_email_retried_total", "Failed e-mail attempts that will be tried again", category);
  return Outcome::retried;
}

void Mailer::update_depth() {
  if (!metrics_) return;
  auto depth = database_.read([&](Connection& c) { return outbox_.depth(c); });
  metrics_->gauge("notify_outbox_depth", "E-mails waiting to be sent (pending or being sent)")
      .set(static_cast<double>(depth));
}

void Mailer::count(const char* name, const char* help, const std::string& category) {
  if (metrics_) metrics_->counter(name, help, {{"category", category}}).add();
}

}  // namespace madoguchi::notify
