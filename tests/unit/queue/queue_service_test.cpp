#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "../booking/booking_test_support.h"
#include "platform/events.h"
#include "queue/queue_service.h"

namespace madoguchi::queue {
namespace {

using booking::test::at;
using namespace std::chrono;

struct Fixture {
  booking::test::BookingDatabase db;
  platform::InProcessEvents events;
  QueueService queue{db.db(), db.outbox(), events, db.service(), {"https://madoguchi.example.jp", std::vector<uint8_t>(32, 3)}};
  Instant now = at(0, 10, 0);

  Issued take(const std::string& line, std::optional<std::string> email = std::nullopt) {
    IssueRequest r{"aoba", line, Source::kiosk, std::nullopt, std::move(email), std::nullopt, std::nullopt};
    return queue.issue(r, now);
  }
  std::string code_of(const std::function<void()>& fn) {
    try {
      fn();
    } catch (const QueueError& e) {
      return e.code();
    }
    return "none";
  }
};

TEST(QueueService, NumbersPerLineAndDayAndEventsAfterEachChange) {
  Fixture f;
  std::vector<std::string> seen;
  auto sub = f.events.subscribe("queue.aoba", [&](std::string_view, std::string_view payload) { seen.emplace_back(payload); });
  EXPECT_EQ(f.take("A").ticket.label, "A-001");
  EXPECT_EQ(f.take("A").ticket.label, "A-002");
  EXPECT_EQ(f.take("B").ticket.label, "B-001");
  EXPECT_EQ(seen.size(), 3u);
  auto called = f.queue.call_next("aoba", "A", "3", f.now);
  ASSERT_TRUE(called);
  EXPECT_EQ(called->label, "A-001");
  EXPECT_EQ(seen.size(), 4u);
  EXPECT_NE(seen.back().find("\"called\""), std::string::npos);
}

TEST(QueueService, TwoClerksNeverCallTheSameTicket) {
  Fixture f;
  for (int i = 0; i < 20; ++i) f.take("A");
  std::mutex m;
  std::set<int64_t> called;
  std::vector<std::thread> clerks;
  for (int c = 0; c < 4; ++c) {
    clerks.emplace_back([&, c] {
      for (int i = 0; i < 5; ++i) {
        auto t = f.queue.call_next("aoba", "A", std::to_string(c + 1), f.now);
        ASSERT_TRUE(t);
        std::lock_guard lock(m);
        EXPECT_TRUE(called.insert(t->id).second) << t->label << " called twice";
      }
    });
  }
  for (auto& t : clerks) t.join();
  EXPECT_EQ(called.size(), 20u);
  EXPECT_FALSE(f.queue.call_next("aoba", "A", "1", f.now));
}

TEST(QueueService, AServedTicketCannotBeCalledAgain) {
  Fixture f;
  Issued i = f.take("A");
  f.queue.call_next("aoba", "A", "1", f.now);
  f.queue.finish("aoba", i.ticket.id, TicketStatus::done, f.now + minutes(4));
  try {
    f.queue.call("aoba", i.ticket.id, "2", f.now + minutes(5));
    FAIL();
  } catch (const QueueError& e) {
    EXPECT_EQ(e.status(), 409);
    EXPECT_EQ(e.code(), "not_waiting");
  }
}

TEST(QueueService, RecallAfterTheWaitAndNoShowAfterTheOfficesCalls) {
  Fixture f;
  Issued i = f.take("A");
  f.queue.call_next("aoba", "A", "1", f.now);
  EXPECT_EQ(f.code_of([&] { f.queue.recall("aoba", i.ticket.id, f.now + seconds(10)); }), "too_early");
  EXPECT_EQ(f.queue.recall("aoba", i.ticket.id, f.now + minutes(2)).call_count, 2);
  EXPECT_EQ(f.queue.recall("aoba", i.ticket.id, f.now + minutes(4)).call_count, 3);
  EXPECT_EQ(f.queue.recall("aoba", i.ticket.id, f.now + minutes(6)).status, TicketStatus::no_show);
}

TEST(QueueService, TransferKeepsThePlaceAndPriorityGoesFirst) {
  Fixture f;
  Issued a1 = f.take("A");
  f.now += minutes(1);
  Issued b1 = f.take("B");
  f.now += minutes(1);
  Issued b2 = f.take("B");
  f.queue.transfer("aoba", a1.ticket.id, "B", f.now);
  Board board = f.queue.board("aoba", f.now);
  EXPECT_EQ(board.place_of(a1.ticket.id).ahead, 0);
  EXPECT_EQ(board.place_of(b2.ticket.id).ahead, 2);
  f.queue.set_priority("aoba", b2.ticket.id, "pregnancy", f.now);
  EXPECT_EQ(f.queue.call_next("aoba", "B", "2", f.now)->id, b2.ticket.id);
  EXPECT_EQ(f.queue.call_next("aoba", "B", "2", f.now)->id, a1.ticket.id);
  EXPECT_EQ(f.queue.call_next("aoba", "B", "2", f.now)->id, b1.ticket.id);
  EXPECT_EQ(f.code_of([&] { f.queue.set_priority("aoba", b1.ticket.id, "vip", f.now); }), "invalid_priority");
}

TEST(QueueService, AClosedOfficeSaysWhenItOpens) {
  Fixture f;
  f.now = at(4, 12, 0);  // Saturday
  try {
    f.take("A");
    FAIL();
  } catch (const QueueError& e) {
    EXPECT_EQ(e.code(), "closed");
    EXPECT_NE(e.message_ja().find("6月21日(月) 08:30"), std::string::npos) << e.message_ja();
  }
}

TEST(QueueService, KioskAndPhoneFloodsAreRefused) {
  Fixture f;
  for (int i = 0; i < 20; ++i) f.queue.issue({"aoba", "B", Source::kiosk, std::nullopt, std::nullopt, 7, std::nullopt}, f.now);
  EXPECT_EQ(f.code_of([&] { f.queue.issue({"aoba", "B", Source::kiosk, std::nullopt, std::nullopt, 7, std::nullopt}, f.now); }),
            "too_many");
  f.now += minutes(2);
  f.queue.issue({"aoba", "B", Source::kiosk, std::nullopt, std::nullopt, 7, std::nullopt}, f.now);
  for (int i = 0; i < 3; ++i) f.queue.issue({"aoba", "A", Source::phone, std::nullopt, std::nullopt, std::nullopt, "c1"}, f.now);
  EXPECT_EQ(f.code_of([&] { f.queue.issue({"aoba", "A", Source::phone, std::nullopt, std::nullopt, std::nullopt, "c1"}, f.now); }),
            "too_many");
  EXPECT_EQ(f.code_of([&] { f.queue.issue({"akiu", "A", Source::phone, std::nullopt, std::nullopt, std::nullopt, "c2"}, f.now); }),
            "phone_tickets_off");
  f.take("C", "a@example.jp");
  EXPECT_EQ(f.code_of([&] { f.take("C", "a@example.jp"); }), "already_waiting");
}

TEST(QueueService, AlmostYourTurnMailOnceAndTokensAreSigned) {
  Fixture f;
  std::vector<Issued> tickets;
  for (int i = 0; i < 6; ++i) tickets.push_back(f.take("D", "p" + std::to_string(i) + "@example.jp"));
  f.queue.call_next("aoba", "D", "1", f.now);
  EXPECT_EQ(f.db.mails("まもなく順番です"), 3);  // alert_when_ahead: 3
  f.queue.call_next("aoba", "D", "1", f.now);
  EXPECT_EQ(f.db.mails("まもなく順番です"), 4);
  EXPECT_TRUE(f.queue.ticket_for_token(tickets[0].token));
  std::string forged = std::to_string(tickets[1].ticket.id) + tickets[0].token.substr(tickets[0].token.find('-'));
  EXPECT_FALSE(f.queue.ticket_for_token(forged));
}

TEST(QueueService, ABookingChecksInOnceAndIsServedAtItsTime) {
  Fixture f;
  auto dir = booking::test::sendai();
  const auto& aoba = *dir.find_office("aoba");
  const auto& a = *aoba.find_line("A");
  auto day = f.db.service().day(aoba, a, booking::Date{year{2027}, June, std::chrono::day{16}}, f.now);
  booking::Booking b = f.db.service().book(aoba, a, day.slots.at(3).id, "", {"山田 花子", "hanako@example.jp", ""}, "ja", f.now);
  f.now = at(1, 9, 40);
  f.take("A");
  Issued mine = f.queue.check_in("aoba", b.reference, f.now);
  EXPECT_EQ(mine.ticket.source, Source::booking);
  EXPECT_EQ(f.queue.check_in("aoba", b.reference, f.now).ticket.id, mine.ticket.id);
  f.now = at(1, 10, 1);
  f.take("A");
  EXPECT_EQ(f.queue.call_next("aoba", "A", "1", f.now)->id, mine.ticket.id);
  EXPECT_EQ(f.code_of([&] { f.queue.check_in("aoba", "MDG-0000-0000", f.now); }), "not_found");
}

}  // namespace
}  // namespace madoguchi::queue
