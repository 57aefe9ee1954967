// The date of the event told apart: ordinary, in the future (refused, confirmed or expected),
// long ago (confirmed), or beyond any plausible range (a slip of the finger, with the date
// probably meant).
#include <gtest/gtest.h>

#include "lifeevents/event_date.h"
#include "test_support.h"

namespace madoguchi::lifeevents {
namespace {

using testing::days_from_today;
using testing::kToday;

std::chrono::year_month_day day(int y, unsigned m, unsigned d) {
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

EventDateRule rule(EventDateRule::Future future) {
  EventDateRule r;
  r.future = future;
  return r;
}

TEST(EventDate, RecentDatesAreOrdinary) {
  EXPECT_EQ(check_event_date(rule(EventDateRule::Future::confirm), days_from_today(-5), kToday).verdict, DateVerdict::ok);
  EXPECT_EQ(check_event_date(rule(EventDateRule::Future::confirm), kToday, kToday).verdict, DateVerdict::ok);
}

TEST(EventDate, TheFutureIsRefusedConfirmedOrExpectedAsTheEventSays) {
  const auto soon = days_from_today(20);
  EXPECT_EQ(check_event_date(rule(EventDateRule::Future::refuse), soon, kToday).verdict, DateVerdict::refused_future);
  EXPECT_EQ(check_event_date(rule(EventDateRule::Future::confirm), soon, kToday).verdict, DateVerdict::confirm_future);
  EXPECT_EQ(check_event_date(rule(EventDateRule::Future::expected), soon, kToday).verdict, DateVerdict::ok);
}

TEST(EventDate, MoreThanAYearAgoIsConfirmed) {
  EXPECT_EQ(check_event_date(rule(EventDateRule::Future::confirm), day(2026, 6, 14), kToday).verdict,
            DateVerdict::confirm_past);
  EXPECT_EQ(check_event_date(rule(EventDateRule::Future::confirm), day(2026, 6, 15), kToday).verdict, DateVerdict::ok);
  EXPECT_EQ(check_event_date(rule(EventDateRule::Future::confirm), day(2023, 1, 5), kToday).verdict,
            DateVerdict::confirm_past);
}

TEST(EventDate, ASlipOfTheFingerIsToldApartWithTheDateMeant) {
  auto swapped = check_event_date(rule(EventDateRule::Future::expected), day(2072, 6, 10), kToday);
  EXPECT_EQ(swapped.verdict, DateVerdict::typo);
  ASSERT_TRUE(swapped.suggestion);
  EXPECT_EQ(*swapped.suggestion, day(2027, 6, 10));

  auto century = check_event_date(rule(EventDateRule::Future::confirm), day(1927, 6, 10), kToday);
  EXPECT_EQ(century.verdict, DateVerdict::typo);
  ASSERT_TRUE(century.suggestion);
  EXPECT_EQ(*century.suggestion, day(2027, 6, 10)) << "the same day this year";

  auto far = check_event_date(rule(EventDateRule::Future::confirm), day(2029, 6, 16), kToday);
  EXPECT_EQ(far.verdict, DateVerdict::typo) << "two years ahead";
  EXPECT_EQ(check_event_date(rule(EventDateRule::Future::confirm), day(2022, 6, 14), kToday).verdict,
            DateVerdict::typo) << "more than five years back";
}

}  // namespace
}  // namespace madoguchi::lifeevents
