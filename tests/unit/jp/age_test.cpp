#include "jp/age.h"

#include <gtest/gtest.h>

namespace madoguchi::jp {
namespace {

using namespace std::chrono;

year_month_day ymd(int y, unsigned m, unsigned d) { return year_month_day{year{y}, month{m}, day{d}}; }

TEST(Age, OneTurnsNOnTheDayBeforeTheBirthday) {
  const auto birth = ymd(2008, 4, 2);
  EXPECT_EQ(date_reaching_age(birth, 18).value(), ymd(2026, 4, 1));
  EXPECT_EQ(age_on(birth, ymd(2026, 3, 31)).value(), 17);
  EXPECT_EQ(age_on(birth, ymd(2026, 4, 1)).value(), 18);
  EXPECT_EQ(age_on(birth, ymd(2026, 4, 2)).value(), 18);
  EXPECT_EQ(age_on(birth, birth).value(), 0);
  EXPECT_EQ(age_on(ymd(1950, 1, 1), ymd(2026, 11, 22)).value(), 76);
  EXPECT_EQ(age_on(ymd(1950, 1, 1), ymd(2025, 12, 31)).value(), 76);  // reached 76 at the end of 12/31
  EXPECT_EQ(age_on(ymd(1950, 1, 1), ymd(2025, 12, 30)).value(), 75);
}

TEST(Age, LeapDayBirthsReachTheirAgeOn28February) {
  const auto birth = ymd(2004, 2, 29);
  EXPECT_EQ(date_reaching_age(birth, 1).value(), ymd(2005, 2, 28));
  EXPECT_EQ(date_reaching_age(birth, 4).value(), ymd(2008, 2, 28));
  EXPECT_EQ(age_on(birth, ymd(2005, 2, 27)).value(), 0);
  EXPECT_EQ(age_on(birth, ymd(2005, 2, 28)).value(), 1);
}

TEST(Age, ChildAllowanceEndsOnTheFirst31MarchAfterReaching18) {
  EXPECT_EQ(first_march_31_after_turning(ymd(2008, 4, 1), 18).value(), ymd(2026, 3, 31));
  EXPECT_EQ(first_march_31_after_turning(ymd(2008, 4, 2), 18).value(), ymd(2027, 3, 31));
  EXPECT_EQ(first_march_31_after_turning(ymd(2008, 1, 15), 18).value(), ymd(2026, 3, 31));
  EXPECT_EQ(first_march_31_after_turning(ymd(2008, 12, 31), 18).value(), ymd(2027, 3, 31));
}

TEST(Age, ElementarySchoolEntrySplitsAt1And2April) {
  EXPECT_EQ(elementary_school_entry(ymd(2019, 4, 1)).value(), ymd(2025, 4, 1));
  EXPECT_EQ(elementary_school_entry(ymd(2019, 4, 2)).value(), ymd(2026, 4, 1));
  EXPECT_EQ(elementary_school_entry(ymd(2019, 3, 31)).value(), ymd(2025, 4, 1));
}

TEST(Age, FiscalYearRunsAprilToMarch) {
  EXPECT_EQ(fiscal_year(ymd(2027, 3, 31)), 2026);
  EXPECT_EQ(fiscal_year(ymd(2027, 4, 1)), 2027);
}

TEST(Age, RejectsInvalidInput) {
  EXPECT_EQ(age_on(ymd(2026, 2, 30), ymd(2026, 3, 1)).error().code, "invalid_date");
  EXPECT_EQ(age_on(ymd(2026, 3, 1), ymd(2026, 2, 1)).error().code, "on_before_birth");
  EXPECT_EQ(date_reaching_age(ymd(2000, 1, 1), -1).error().code, "negative_age");
  EXPECT_EQ(first_march_31_after_turning(ymd(9990, 1, 1), 18).error().code, "date_out_of_range");
}

}  // namespace
}  // namespace madoguchi::jp
