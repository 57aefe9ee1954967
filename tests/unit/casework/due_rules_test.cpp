// Due dates: how they stand against today, and how a correction moves them
// on by the business days it took (weekends, holidays and 12/29–1/3 skipped).
#include <gtest/gtest.h>

#include "casework/due_rules.h"

namespace madoguchi::casework {
namespace {

using namespace std::chrono;

constexpr Date d(int y, unsigned m, unsigned dd) { return Date{year(y), month(m), day(dd)}; }

TEST(DueRules, StatesAgainstToday) {
  const Date today = d(2026, 11, 20);  // a Friday
  EXPECT_EQ(due_state(d(2026, 11, 19), today, false), DueState::overdue);
  EXPECT_EQ(due_state(today, today, false), DueState::due_today);
  EXPECT_EQ(due_state(d(2026, 11, 25), today, false), DueState::due_soon);  // 11/23 is a holiday
  EXPECT_EQ(due_state(d(2026, 11, 27), today, false), DueState::on_track);
  EXPECT_EQ(due_state(d(2026, 11, 19), today, true), DueState::none);
  EXPECT_EQ(due_state(std::nullopt, today, false), DueState::none);
}

TEST(DueRules, ACorrectionMovesTheDueDateByTheBusinessDaysItTook) {
  // Requested on Fri 2026-12-25, answered on Tue 2027-01-05: business days 12/28, 1/4, 1/5 (12/29–1/3 closed).
  EXPECT_EQ(extend_for_correction(d(2027, 1, 8), d(2026, 12, 25), d(2027, 1, 5)), d(2027, 1, 14));  // 1/11 is 成人の日
  EXPECT_EQ(extend_for_correction(d(2026, 11, 30), d(2026, 11, 20), d(2026, 11, 20)), d(2026, 11, 30));
  // Over a weekend only: no business day passed.
  EXPECT_EQ(extend_for_correction(d(2026, 11, 30), d(2026, 11, 27), d(2026, 11, 29)), d(2026, 11, 30));
}

TEST(DueRules, IsoDatesAreReadStrictly) {
  EXPECT_EQ(parse_iso_date("2026-11-22"), d(2026, 11, 22));
  EXPECT_FALSE(parse_iso_date("2026-02-30"));
  EXPECT_FALSE(parse_iso_date("2026/11/22"));
  EXPECT_FALSE(parse_iso_date("2026-11-2"));
  EXPECT_FALSE(parse_iso_date(""));
}

}  // namespace
}  // namespace madoguchi::casework
