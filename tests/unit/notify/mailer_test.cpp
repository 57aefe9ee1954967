#include "notify/mailer.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "notify_test_support.h"

using namespace madoguchi::notify;
using madoguchi::platform::Metrics;
using madoguchi::platform::db::Connection;
using namespace std::chrono_literals;

namespace {

// A transport that answers from a script (delivered when the script is
// empty) and can hold a send until the test releases it.
class ScriptedTransport : public MailTransport {
 public:
  SendResult send(std::string_view from, std::string_view recipient, std::string_view data) override {
    std::unique_lock lock(mutex_);
    calls_.push_back({std::string(from), std::string(recipient), std::string(data)});
    changed_.notify_all();
    changed_.wait(lock, [&] { return !holding_; });
    if (script_.empty()) return {SendResult::Status::delivered, ""};
    SendResult result = script_.front();
    script_.pop_front();
    return result;
  }

  void answer(SendResult::Status status, const std::string& error) {
    std::lock_guard lock(mutex_);
    script_.push_back({status, error});
  }
  void hold() {
    std::lock_guard lock(mutex_);
    holding_ = true;
  }
  void release() {
    std::lock_guard lock(mutex_);
    holding_ = false;
    changed_.notify_all();
  }
  // Waits (generously) until `n` sends have begun.
  bool wait_for_calls(size_t n) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, 30s, [&] { return calls_.size() >= n; });
  }
  size_t calls() {
    std::lock_guard lock(mutex_);
    return calls_.size();
  }
  struct Call {
    std::string from, recipient, data;
  };
  Call call(size_t i) {
    std::lock_guard lock(mutex_);
    return calls_.at(i);
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<SendResult> script_;
  std::vector<Call> calls_;
  bool holding_ = false;
};

MailerSettings settings() {
  MailerSettings s;
  s.from = {"noreply@city.sendai.example.jp", "仙台市"};
  return s;
}

double metric(Metrics& metrics, const std::string& series) {
  auto text = metrics.render();
  auto at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + series.size() + 2));
}

// Polls `condition` until it holds or 30 s pass.
template <class F>
bool eventually(F condition) {
  auto deadline = std::chrono::steady_clock::now() + 30s;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

struct Fixture {
  notify_test::MigratedDatabase db;
  notify_test::ManualClock clock;
  Outbox outbox{clock.function()};
  ScriptedTransport transport;
  Metrics metrics;

  int64_t enqueue(const EmailMessage& message = notify_test::receipt_message()) {
    return db->write([&](Connection& c) { return outbox.enqueue(c, message); });
  }
  OutboxEntry entry(int64_t id) {
    return *db->read([&](Connection& c) { return outbox.find(c, id); });
  }
};

}  // namespace

TEST(Mailer, SendsTheFormattedMessageToTheRecipientAndMarksItSent) {
  Fixture f;
  Mailer mailer(*f.db, f.outbox, f.transport, settings(), &f.metrics);
  int64_t id = f.enqueue();
  auto result = mailer.drain(30s);
  EXPECT_EQ(result.sent, 1);
  ASSERT_EQ(f.transport.calls(), 1u);
  auto call = f.transport.call(0);
  EXPECT_EQ(call.from, "noreply@city.sendai.example.jp");
  EXPECT_EQ(call.recipient, "taro.yamada@example.jp");
  auto entry = f.entry(id);
  EXPECT_NE(call.data.find("Message-ID: <" + entry.message_key + "@city.sendai.example.jp>\r\n"), std::string::npos);
  EXPECT_EQ(entry.status, OutboxStatus::sent);
  EXPECT_EQ(entry.attempts, 1);
  EXPECT_EQ(metric(f.metrics, "notify_email_sent_total{category=\"receipt\"}"), 1);
  EXPECT_EQ(metric(f.metrics, "notify_outbox_depth"), 0);
}

TEST(Mailer, TransientFailuresAreRetriedOnTheScheduleUntilDelivered) {
  Fixture f;
  Mailer mailer(*f.db, f.outbox, f.transport, settings(), &f.metrics);
  f.transport.answer(SendResult::Status::transient_failure, "Couldn't connect to server (curl 7)");
  f.transport.answer(SendResult::Status::transient_failure, "Timeout was reached (curl 28)");
  int64_t id = f.enqueue();
  auto t0 = f.clock.now();

  EXPECT_EQ(mailer.drain(30s).retried, 1);
  auto entry = f.entry(id);
  EXPECT_EQ(entry.status, OutboxStatus::pending);
  EXPECT_EQ(entry.attempts, 1);
  EXPECT_EQ(entry.next_attempt_at, t0 + 1min);
  EXPECT_EQ(entry.last_error, "Couldn't connect to server (curl 7)");
  EXPECT_EQ(metric(f.metrics, "notify_outbox_depth"), 1);

  EXPECT_EQ(mailer.drain(30s).retried, 0) << "not due before its next attempt";
  EXPECT_EQ(f.transport.calls(), 1u);

  f.clock.advance(1min);
  EXPECT_EQ(mailer.drain(30s).retried, 1);
  entry = f.entry(id);
  EXPECT_EQ(entry.attempts, 2);
  EXPECT_EQ(entry.next_attempt_at, t0 + 1min + 5min);

  f.clock.advance(5min);
  EXPECT_EQ(mailer.drain(30s).sent, 1);
  entry = f.entry(id);
  EXPECT_EQ(entry.status, OutboxStatus::sent);
  EXPECT_EQ(entry.attempts, 3);
  EXPECT_FALSE(entry.last_error);
  EXPECT_EQ(metric(f.metrics, "notify_email_retried_total{category=\"receipt\"}"), 2);
  EXPECT_EQ(metric(f.metrics, "notify_email_sent_total{category=\"receipt\"}"), 1);
}

TEST(Mailer, GivesUpAfterTheLastAttempt) {
  Fixture f;
  auto s = settings();
  s.retry = {{1min}, 3};
  Mailer mailer(*f.db, f.outbox, f.transport, s, &f.metrics);
  for (int i = 0; i < 3; ++i)
    f.transport.answer(SendResult::Status::transient_failure, "Timeout was reached (curl 28)");
  int64_t id = f.enqueue();
  EXPECT_EQ(mailer.drain(30s).retried, 1);
  f.clock.advance(1min);
  EXPECT_EQ(mailer.drain(30s).retried, 1);
  f.clock.advance(1min);
  EXPECT_EQ(mailer.drain(30s).failed, 1);
  auto entry = f.entry(id);
  EXPECT_EQ(entry.status, OutboxStatus::failed);
  EXPECT_EQ(entry.attempts, 3);
  EXPECT_EQ(entry.message.text_body, notify_test::receipt_message().text_body) << "kept for investigation";
  f.clock.advance(24h);
  mailer.drain(30s);
  EXPECT_EQ(f.transport.calls(), 3u) << "a failed message is not sent again";
  EXPECT_EQ(metric(f.metrics, "notify_email_failed_total{category=\"receipt\"}"), 1);
  EXPECT_EQ(metric(f.metrics, "notify_outbox_depth"), 0);
}

TEST(Mailer, PermanentFailureFailsAtOnce) {
  Fixture f;
  Mailer mailer(*f.db, f.outbox, f.transport, settings(), &f.metrics);
  f.transport.answer(SendResult::Status::permanent_failure, "Failed sending data to the peer (curl 55), SMTP 550");
  int64_t id = f.enqueue();
  EXPECT_EQ(mailer.drain(30s).failed, 1);
  auto entry = f.entry(id);
  EXPECT_EQ(entry.status, OutboxStatus::failed);
  EXPECT_EQ(entry.attempts, 1);
  EXPECT_EQ(entry.last_error, "Failed sending data to the peer (curl 55), SMTP 550");
}

TEST(Mailer, OneBadMessageDoesNotHoldUpTheOthers) {
  Fixture f;
  Mailer mailer(*f.db, f.outbox, f.transport, settings());
  f.transport.answer(SendResult::Status::transient_failure, "Timeout was reached (curl 28)");
  int64_t stuck = f.enqueue(notify_test::receipt_message("first@example.jp"));
  int64_t next = f.enqueue(notify_test::receipt_message("second@example.jp"));
  auto result = mailer.drain(30s);
  EXPECT_EQ(result.retried, 1);
  EXPECT_EQ(result.sent, 1);
  EXPECT_EQ(f.entry(stuck).status, OutboxStatus::pending);
  EXPECT_EQ(f.entry(next).status, OutboxStatus::sent);
}

TEST(Mailer, BackgroundThreadWakesWhenAMessageIsEnqueued) {
  Fixture f;
  Outbox outbox;  // real time: the thread compares due times with the wall clock
  auto s = settings();
  s.poll_interval = 1h;  // only the doorbell can get this message out in time
  Mailer mailer(*f.db, outbox, f.transport, s, &f.metrics);
  mailer.start();
  // The depth gauge appears after the thread's first pass, just before it
  // sleeps: from then on only a ring can bring it back within the hour.
  ASSERT_TRUE(eventually([&] { return metric(f.metrics, "notify_outbox_depth") == 0; }));
  int64_t id = f.db->write([&](Connection& c) { return outbox.enqueue(c, notify_test::receipt_message()); });
  ASSERT_TRUE(f.transport.wait_for_calls(1)) << "the mailer did not wake for the new message";
  mailer.stop();
  EXPECT_EQ(f.db->read([&](Connection& c) { return outbox.find(c, id); })->status, OutboxStatus::sent);
}

TEST(Mailer, StopFinishesTheMessageInFlightAndStartsNoOther) {
  Fixture f;
  Outbox outbox;
  auto s = settings();
  s.poll_interval = 1h;
  Mailer mailer(*f.db, outbox, f.transport, s);
  auto enqueue = [&](const std::string& to) {
    return f.db->write([&](Connection& c) { return outbox.enqueue(c, notify_test::receipt_message(to)); });
  };
  int64_t first = enqueue("first@example.jp");
  int64_t second = enqueue("second@example.jp");
  outbox.doorbell().wait_for(0ms);  // the test, not the mailer, listens for the next ring

  f.transport.hold();
  mailer.start();
  ASSERT_TRUE(f.transport.wait_for_calls(1));
  std::thread stopper([&] { mailer.stop(); });
  ASSERT_TRUE(outbox.doorbell().wait_for(30s)) << "stop() rings to wake the thread";
  f.transport.release();
  stopper.join();

  EXPECT_EQ(f.transport.calls(), 1u);
  EXPECT_EQ(f.db->read([&](Connection& c) { return outbox.find(c, first); })->status, OutboxStatus::sent);
  EXPECT_EQ(f.db->read([&](Connection& c) { return outbox.find(c, second); })->status, OutboxStatus::pending);
}

TEST(Mailer, RefusesAnInvalidSender) {
  Fixture f;
  auto s = settings();
  s.from.address = "noreply";
  EXPECT_THROW(Mailer(*f.db, f.outbox, f.transport, s), std::invalid_argument);
  s = settings();
  s.from.display_name = "仙台市\r\nBcc: victim@example.com";
  EXPECT_THROW(Mailer(*f.db, f.outbox, f.transport, s), std::invalid_argument);
}
