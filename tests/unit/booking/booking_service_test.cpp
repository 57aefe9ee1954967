#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "booking_test_support.h"

namespace madoguchi::booking {
namespace {

using namespace std::chrono;
using test::at;

struct Fixture {
  test::BookingDatabase db;
  OfficeDirectory dir = test::sendai();
  const Office& aoba = *dir.find_office("aoba");
  const Line& line_a = *aoba.find_line("A");
  Instant now = at(0, 10, 0);

  Slot slot(int day_offset, int index) {
    Date d{sys_days{Date{year{2027}, June, day{15}}} + days{day_offset}};
    return db.service().day(aoba, line_a, d, now).slots.at(static_cast<size_t>(index));
  }
  PersonDetails person(const std::string& n) { return {"市民 " + n, "citizen" + n + "@example.jp", ""}; }
};

TEST(BookingService, NeverMoreThanCapacityUnderConcurrentRequests) {
  Fixture f;
  Slot s = f.slot(1, 2);
  ASSERT_EQ(s.capacity, 3);
  std::atomic<int> booked{0}, full{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 12; ++i) {
    threads.emplace_back([&, i] {
      try {
        f.db.service().book(f.aoba, f.line_a, s.id, "", f.person(std::to_string(i)), "ja", f.now);
        ++booked;
      } catch (const BookingError& e) {
        EXPECT_EQ(e.code(), "slot_full");
        EXPECT_FALSE(e.alternatives().empty());
        ++full;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(booked.load(), 3);
  EXPECT_EQ(full.load(), 9);
  EXPECT_EQ(f.slot(1, 2).taken, 3);
}

TEST(BookingService, ADoubleClickHoldsOnceAndConfirmsOnce) {
  Fixture f;
  Slot s = f.slot(1, 0);
  Hold first = f.db.service().hold(f.aoba, f.line_a, s.id, "click-key", "ja", f.now);
  Hold second = f.db.service().hold(f.aoba, f.line_a, s.id, "click-key", "ja", f.now);
  EXPECT_EQ(first.booking.reference, second.booking.reference);
  EXPECT_EQ(first.token, second.token);
  Booking a = f.db.service().confirm(first.token, f.person("1"), f.now);
  Booking b = f.db.service().confirm(first.token, f.person("1"), f.now);
  EXPECT_EQ(a.reference, b.reference);
  EXPECT_EQ(f.slot(1, 0).taken, 1);
  EXPECT_EQ(f.db.mails("予約を受け付けました"), 1);
}

TEST(BookingService, OncePerPersonPerLineAndDay) {
  Fixture f;
  f.db.service().book(f.aoba, f.line_a, f.slot(1, 0).id, "", f.person("1"), "ja", f.now);
  try {
    f.db.service().book(f.aoba, f.line_a, f.slot(1, 3).id, "", {"別名", "CITIZEN1@example.jp", ""}, "ja", f.now);
    FAIL() << "a second booking the same day was accepted";
  } catch (const BookingError& e) {
    EXPECT_EQ(e.code(), "already_booked");
  }
  EXPECT_EQ(f.slot(1, 3).taken, 0);  // the hold was given back
  // Another day is fine.
  f.db.service().book(f.aoba, f.line_a, f.slot(2, 0).id, "", f.person("1"), "ja", f.now);
}

TEST(BookingService, CancelFreesThePlaceAtOnceAndTheCalendarIsCancelled) {
  Fixture f;
  Slot s = f.slot(1, 0);
  for (int i = 0; i < 3; ++i) f.db.service().book(f.aoba, f.line_a, s.id, "", f.person(std::to_string(i)), "ja", f.now);
  Booking mine = *f.db.service().find_reference(
      f.db.db().read([](platform::db::Connection& c) { return c.query_one("SELECT reference FROM booking_bookings LIMIT 1")->text(0); }));
  EXPECT_EQ(f.slot(1, 0).free(), 0);
  Booking cancelled = f.db.service().cancel(f.db.service().token_for(mine.reference), f.now);
  EXPECT_EQ(cancelled.status, Status::cancelled);
  EXPECT_EQ(cancelled.sequence, mine.sequence + 1);
  EXPECT_EQ(f.slot(1, 0).free(), 1);
  f.db.service().book(f.aoba, f.line_a, s.id, "", f.person("9"), "ja", f.now);
}

TEST(BookingService, ExpiredHoldsGiveTheirPlaceBack) {
  Fixture f;
  const Line& k = *f.aoba.find_line("K");  // capacity 1
  Date d{sys_days{Date{year{2027}, June, day{17}}}};
  Slot s = f.db.service().day(f.aoba, k, d, f.now).slots.at(0);
  Hold h = f.db.service().hold(f.aoba, k, s.id, "", "ja", f.now);
  EXPECT_THROW(f.db.service().hold(f.aoba, k, s.id, "", "ja", f.now + minutes(2)), BookingError);
  Hold later = f.db.service().hold(f.aoba, k, s.id, "", "ja", f.now + minutes(6));
  EXPECT_NE(later.booking.reference, h.booking.reference);
  try {
    f.db.service().confirm(h.token, f.person("1"), f.now + minutes(6));
    FAIL() << "an expired hold was confirmed";
  } catch (const BookingError& e) {
    EXPECT_EQ(e.code(), "hold_expired");
  }
}

TEST(BookingService, ARemovedSlotTellsItsBookingsAndTakesNoMore) {
  Fixture f;
  Slot s = f.slot(1, 4);
  Booking b = f.db.service().book(f.aoba, f.line_a, s.id, "", f.person("1"), "ja", f.now);
  EXPECT_EQ(f.db.service().remove_slot("aoba", s.id, f.now), 1);
  auto after = f.db.service().find(f.db.service().token_for(b.reference));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, Status::slot_removed);
  EXPECT_EQ(f.db.mails("予約の枠がなくなりました"), 1);
  try {
    f.db.service().book(f.aoba, f.line_a, s.id, "", f.person("2"), "ja", f.now);
    FAIL();
  } catch (const BookingError& e) {
    EXPECT_EQ(e.code(), "slot_removed");
  }
  Booking moved = f.db.service().reschedule(f.db.service().token_for(b.reference), f.slot(1, 5).id, f.now);
  EXPECT_EQ(moved.status, Status::confirmed);
  EXPECT_EQ(moved.slot.id, f.slot(1, 5).id);
}

TEST(BookingService, LeadTimeHorizonAndBadDetailsAreRefused) {
  Fixture f;
  auto code_of = [&](auto fn) {
    try {
      fn();
    } catch (const BookingError& e) {
      return e.code();
    }
    return std::string("none");
  };
  EXPECT_EQ(code_of([&] { f.db.service().book(f.aoba, f.line_a, f.slot(0, 3).id, "", f.person("1"), "ja", f.now); }),
            "slot_past");
  Hold h = f.db.service().hold(f.aoba, f.line_a, f.slot(1, 0).id, "", "ja", f.now);
  EXPECT_EQ(code_of([&] { f.db.service().confirm(h.token, {"", "a@example.jp", ""}, f.now); }), "invalid_name");
  EXPECT_EQ(code_of([&] { f.db.service().confirm(h.token, {"名前", "not-an-address", ""}, f.now); }), "invalid_email");
  EXPECT_EQ(code_of([&] { f.db.service().confirm(h.token, {"名前", "a@example.jp", "MDG-0000-0001"}, f.now); }),
            "invalid_application");
}

TEST(BookingService, RemindersGoOutOnceTheDayBefore) {
  Fixture f;
  f.db.service().book(f.aoba, f.line_a, f.slot(1, 0).id, "", f.person("1"), "ja", f.now);
  f.db.service().book(f.aoba, f.line_a, f.slot(2, 0).id, "", f.person("2"), "ja", f.now);
  std::atomic<int> sent{0};
  std::vector<std::thread> nodes;
  for (int i = 0; i < 4; ++i) nodes.emplace_back([&] { sent += f.db.service().send_reminders(at(0, 18, 0)); });
  for (auto& t : nodes) t.join();
  EXPECT_EQ(sent.load(), 1);
  EXPECT_EQ(f.db.mails("明日のご予約のお知らせ"), 1);
}

TEST(BookingService, CheckInOnTheDayAtTheBookedOffice) {
  Fixture f;
  Booking b = f.db.service().book(f.aoba, f.line_a, f.slot(1, 3).id, "", f.person("1"), "ja", f.now);
  auto check_in = [&](const std::string& office, Instant when) {
    return f.db.db().write([&](platform::db::Connection& c) { return f.db.service().check_in(c, b.reference, office, when); });
  };
  EXPECT_THROW(check_in("aoba", at(0, 11, 0)), BookingError);   // not today
  EXPECT_THROW(check_in("izumi", at(1, 9, 0)), BookingError);   // another office
  EXPECT_EQ(check_in("aoba", at(1, 9, 0)).status, Status::kept);
  EXPECT_EQ(check_in("aoba", at(1, 9, 1)).status, Status::kept);
}

}  // namespace
}  // namespace madoguchi::booking
