// Mailer: delivers the outbox. A background thread (start/stop) claims due
// messages one at a time, formats each, hands it to the transport and records
// the result: sent, retried later per the RetrySchedule, or failed. It wakes
// as soon as enqueue() rings the outbox's doorbell and otherwise polls.
// stop() lets the message being sent finish. drain() does the same work on
// the calling thread for a while, for tests and the command line. At most one
// message is in flight per Mailer, whichever thread sends it.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include "notify/mail_transport.h"
#include "notify/outbox.h"
#include "notify/retry_schedule.h"
#include "notify/sender.h"
#include "platform/db/database.h"
#include "platform/metrics.h"

namespace madoguchi::notify {

struct MailerSettings {
  Sender from;
  RetrySchedule retry;
  std::chrono::milliseconds poll_interval = std::chrono::seconds(15);
  // How long a claimed message is held before another attempt may take it
  // up; keep it well above the transport's timeout.
  std::chrono::seconds claim_lease = std::chrono::minutes(10);
};

struct DrainResult {
  int sent = 0;
  int retried = 0;  // failed this time, will be tried again later
  int failed = 0;   // failed for good
};

class Mailer {
 public:
  // The database, outbox and transport must outlive the Mailer. Throws
  // std::invalid_argument for a bad sender. Metrics (may be null) gets
  // notify_email_{sent,retried,failed}_total by category and notify_outbox_depth.
  Mailer(platform::db::Database& database, Outbox& outbox, MailTransport& transport, MailerSettings settings,
         platform::Metrics* metrics = nullptr);
  ~Mailer();
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;

  // Starts the background thread. Throws std::logic_error if already started.
  void start();
  // Finishes the message in flight, then ends the thread. Idempotent.
  void stop();

  // Sends what is due, on this thread, until nothing is due or `timeout` has
  // passed (a send already begun is finished). Messages that fail are
  // rescheduled, so they are not tried again within the same drain unless
  // their next attempt falls due in the meantime.
  DrainResult drain(std::chrono::milliseconds timeout);

 private:
  enum class Outcome { idle, sent, retried, failed };
  Outcome send_next();
  Outcome record(const OutboxEntry& claimed, const SendResult& result);
  void update_depth();
  void count(const char* name, const char* help, const std::string& category);
  void run();

  platform::db::Database& database_;
  Outbox& outbox_;
  MailTransport& transport_;
  MailerSettings settings_;
  platform::Metrics* metrics_;
  std::mutex send_mutex_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace madoguchi::notify
