#include "notify/outbox.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "notify_test_support.h"

using namespace madoguchi::notify;
using madoguchi::platform::iso_timestamp;
using madoguchi::platform::db::Connection;
using namespace std::chrono_literals;

namespace {

int64_t stored_messages(madoguchi::platform::db::Database& db) {
  return db.read([](Connection& c) { return c.query_one("SELECT count(*) FROM notify_email_outbox")->integer(0); });
}

}  // namespace

TEST(Outbox, EnqueueInACommittedWriteStoresAPendingMessageDueNow) {
  notify_test::MigratedDatabase db;
  notify_test::ManualClock clock;
  Outbox outbox(clock.function());
  auto message = notify_test::receipt_message();
  int64_t id = db->write([&](Connection& c) { return outbox.enqueue(c, message); });

  auto entry = db->read([&](Connection& c) { return outbox.find(c, id); });
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->status, OutboxStatus::pending);
  EXPECT_EQ(entry->attempts, 0);
  EXPECT_EQ(entry->next_attempt_at, clock.now());
  EXPECT_EQ(entry->created_at, clock.now());
  EXPECT_FALSE(entry->sent_at);
  EXPECT_FALSE(entry->last_error);
  EXPECT_EQ(entry->message.to, message.to);
  EXPECT_EQ(entry->message.subject, message.subject);
  EXPECT_EQ(entry->message.text_body, message.text_body);
  EXPECT_EQ(entry->message.category, "receipt");
  EXPECT_EQ(entry->message.reference, "MDG-7K3Q-9XPD");
  EXPECT_GE(entry->message_key.size(), 16u);
  EXPECT_EQ(db->read([&](Connection& c) { return outbox.depth(c); }), 1);
}

TEST(Outbox, EnqueueInAWriteThatRollsBackLeavesNoMessage) {
  notify_test::MigratedDatabase db;
  Outbox outbox;
  EXPECT_THROW(db->write([&](Connection& c) {
    c.exec("CREATE TABLE business (x INTEGER)");
    c.execute("INSERT INTO business VALUES (1)");
    outbox.enqueue(c, notify_test::receipt_message());
    throw std::runtime_error("the business change fails after the mail was queued");
  }),
               std::runtime_error);
  EXPECT_EQ(stored_messages(*db), 0);
  EXPECT_EQ(db->read([&](Connection& c) { return outbox.depth(c); }), 0);
}

TEST(Outbox, InvalidMessageIsRefusedAndNothingIsWritten) {
  notify_test::MigratedDatabase db;
  Outbox outbox;
  auto message = notify_test::receipt_message();
  message.subject = "受付\r\nBcc: victim@example.com";
  EXPECT_THROW(db->write([&](Connection& c) { outbox.enqueue(c, message); }), InvalidEmail);
  EXPECT_EQ(stored_messages(*db), 0);
}

TEST(Outbox, EnqueueRingsTheDoorbell) {
  notify_test::MigratedDatabase db;
  Outbox outbox;
  EXPECT_FALSE(outbox.doorbell().wait_for(0ms));
  db->write([&](Connection& c) { outbox.enqueue(c, notify_test::receipt_message()); });
  EXPECT_TRUE(outbox.doorbell().wait_for(0ms));
  EXPECT_FALSE(outbox.doorbell().wait_for(0ms)) << "a ring is consumed once";
}

TEST(Outbox, ClaimTakesTheEarliestDueMessageAndHoldsItForTheLease) {
  notify_test::MigratedDatabase db;
  notify_test::ManualClock clock;
  Outbox outbox(clock.function());
  int64_t first = db->write([&](Connection& c) { return outbox.enqueue(c, notify_test::receipt_message()); });
  clock.advance(1s);
  int64_t second = db->write([&](Connection& c) { return outbox.enqueue(c, notify_test::receipt_message()); });

  auto claim = [&] { return db->write([&](Connection& c) { return outbox.claim_next(c, 10min); }); };
  auto a = claim();
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, first);
  EXPECT_EQ(a->status, OutboxStatus::sending);
  EXPECT_EQ(a->attempts, 1);
  EXPECT_EQ(a->next_attempt_at, clock.now() + 10min);
  auto b = claim();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->id, second);
  EXPECT_FALSE(claim()) << "both are held";
  EXPECT_EQ(db->read([&](Connection& c) { return outbox.depth(c); }), 2);

  clock.advance(10min);
  auto again = claim();
  ASSERT_TRUE(again) << "a lapsed claim (a crash mid-send) is taken up again";
  EXPECT_EQ(again->id, first);
  EXPECT_EQ(again->attempts, 2);
  EXPECT_EQ(again->message_key, a->message_key) << "same Message-ID on every attempt";
}

TEST(Outbox, ALapsedClaimCannotRecordItsOutcome) {
  notify_test::MigratedDatabase db;
  notify_test::ManualClock clock;
  Outbox outbox(clock.function());
  db->write([&](Connection& c) { outbox.enqueue(c, notify_test::receipt_message()); });
  auto stale = db->write([&](Connection& c) { return outbox.claim_next(c, 1min); });
  clock.advance(2min);
  auto current = db->write([&](Connection& c) { return outbox.claim_next(c, 1min); });
  ASSERT_TRUE(stale && current);
  EXPECT_FALSE(db->write([&](Connection& c) { return outbox.mark_failed(c, *stale, "late"); }));
  EXPECT_TRUE(db->write([&](Connection& c) { return outbox.mark_sent(c, *current); }));
  EXPECT_EQ(db->read([&](Connection& c) { return outbox.find(c, current->id); })->status, OutboxStatus::sent);
}

TEST(Outbox, RetryMakesTheMessageDueAgainLater) {
  notify_test::MigratedDatabase db;
  notify_test::ManualClock clock;
  Outbox outbox(clock.function());
  int64_t id = db->write([&](Connection& c) { return outbox.enqueue(c, notify_test::receipt_message()); });
  auto claimed = db->write([&](Connection& c) { return outbox.claim_next(c, 10min); });
  ASSERT_TRUE(claimed);
  EXPECT_TRUE(db->write([&](Connection& c) { return outbox.mark_retry(c, *claimed, clock.now() + 1min, "timeout"); }));

  auto entry = db->read([&](Connection& c) { return outbox.find(c, id); });
  EXPECT_EQ(entry->status, OutboxStatus::pending);
  EXPECT_EQ(entry->attempts, 1);
  EXPECT_EQ(entry->next_attempt_at, clock.now() + 1min);
  EXPECT_EQ(entry->last_error, "timeout");
  EXPECT_FALSE(db->write([&](Connection& c) { return outbox.claim_next(c, 10min); })) << "not due yet";
  clock.advance(1min);
  EXPECT_TRUE(db->write([&](Connection& c) { return outbox.claim_next(c, 10min); }));
}

TEST(Outbox, SentMessageKeepsItsRecordButNotItsBody) {
  notify_test::MigratedDatabase db;
  notify_test::ManualClock clock;
  Outbox outbox(clock.function());
  auto message = notify_test::receipt_message();
  message.text_body = "パスワード再設定: https://city.example.jp/reset?token=SECRET";
  message.html_body = "<a href=\"https://city.example.jp/reset?token=SECRET\">再設定</a>";
  int64_t id = db->write([&](Connection& c) { return outbox.enqueue(c, message); });
  auto claimed = db->write([&](Connection& c) { return outbox.claim_next(c, 10min); });
  clock.advance(3s);
  ASSERT_TRUE(db->write([&](Connection& c) { return outbox.mark_sent(c, *claimed); }));

  auto entry = db->read([&](Connection& c) { return outbox.find(c, id); });
  EXPECT_EQ(entry->status, OutboxStatus::sent);
  EXPECT_EQ(entry->sent_at, clock.now());
  EXPECT_EQ(entry->message.subject, message.subject);
  EXPECT_EQ(entry->message.text_body, "");
  EXPECT_FALSE(entry->message.html_body);
  auto leftovers = db->read([](Connection& c) {
    return c
        .query_one(
            "SELECT count(*) FROM notify_email_outbox WHERE text_body LIKE '%SECRET%' OR html_body LIKE '%SECRET%'")
        ->integer(0);
  });
  EXPECT_EQ(leftovers, 0);
  EXPECT_EQ(db->read([&](Connection& c) { return outbox.depth(c); }), 0);
}
