// Deadlines as the laws count them: the first day left out (民法第140条) or counted (戸籍法第43条),
// months ending on the last day of a shorter month, a deadline on a closed day moved to the next
// open day, and business days before a date.
#include <gtest/gtest.h>

#include "lifeevents/deadline.h"
#include "platform/time.h"

namespace madoguchi::lifeevents {
namespace {

std::chrono::year_month_day day(int y, unsigned m, unsigned d) {
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

std::string due(const char* period, std::chrono::year_month_day from, bool first_day = false, bool before = false) {
  auto d = parse_period(period);
  EXPECT_TRUE(d) << period;
  d->count_first_day = first_day;
  d->before = before;
  auto result = due_date(*d, from);
  return result ? platform::iso_date(*result) : "none";
}

TEST(Deadline, ReadsPeriods) {
  EXPECT_EQ(parse_period("14d")->unit, Deadline::Unit::days);
  EXPECT_EQ(parse_period("14d")->amount, 14);
  EXPECT_EQ(parse_period("3m")->unit, Deadline::Unit::months);
  EXPECT_EQ(parse_period("2y")->unit, Deadline::Unit::years);
  EXPECT_EQ(parse_period("3bd")->unit, Deadline::Unit::business_days);
  for (const char* bad : {"", "d", "14", "0d", "-3d", "14 d", "14days", "99999d", "1w"}) {
    EXPECT_FALSE(parse_period(bad)) << bad;
  }
}

TEST(Deadline, FourteenDaysLeaveOutTheFirstDay) {
  EXPECT_EQ(due("14d", day(2027, 6, 10)), "2027-06-24");  // 転入: moved on Thursday 10 June
}

TEST(Deadline, SevenDaysCountingTheDayOfDeath) {
  EXPECT_EQ(due("7d", day(2027, 6, 1), true), "2027-06-07");  // Monday
  EXPECT_EQ(due("14d", day(2027, 6, 1), true), "2027-06-14");  // 出生届
}

TEST(Deadline, ADeadlineOnAClosedDayMovesToTheNextOpenDay) {
  EXPECT_EQ(due("14d", day(2027, 6, 5)), "2027-06-21");   // Saturday 19th → Monday 21st
  EXPECT_EQ(due("14d", day(2027, 12, 17)), "2028-01-04");  // 31 December, the year-end closure
  EXPECT_EQ(due("7d", day(2027, 4, 27), true), "2027-05-06");  // Golden Week: 3 to 5 May are holidays
}

TEST(Deadline, MonthsAndYearsEndOnTheSameDayOrTheLastOfAShorterMonth) {
  EXPECT_EQ(due("3m", day(2027, 4, 12)), "2027-07-12");
  EXPECT_EQ(due("1m", day(2028, 1, 31)), "2028-02-29");
  EXPECT_EQ(due("2y", day(2027, 6, 6)), "2029-06-06");
  EXPECT_EQ(due("4m", day(2027, 5, 31)), "2027-09-30");
}

TEST(Deadline, BusinessDaysBeforeADate) {
  EXPECT_EQ(due("3bd", day(2027, 6, 10), false, true), "2027-06-07");  // Thursday → Monday
  EXPECT_EQ(due("3bd", day(2027, 6, 14), false, true), "2027-06-09");  // Monday → the Wednesday before
}

}  // namespace
}  // namespace madoguchi::lifeevents
