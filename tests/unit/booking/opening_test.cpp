#include <gtest/gtest.h>

#include "booking/opening.h"
#include "booking_test_support.h"

namespace madoguchi::booking {
namespace {

using namespace std::chrono;
using test::at;

const Office& aoba() {
  static OfficeDirectory d = test::sendai();
  return *d.find_office("aoba");
}

TEST(Opening, WeekdaysOpenWeekendsHolidaysAndYearEndClosed) {
  EXPECT_TRUE(is_open_on(aoba(), Date{year{2027}, June, day{15}}));        // Tuesday
  EXPECT_FALSE(is_open_on(aoba(), Date{year{2027}, June, day{19}}));       // Saturday
  EXPECT_FALSE(is_open_on(aoba(), Date{year{2027}, July, day{19}}));       // 海の日 (Monday)
  EXPECT_FALSE(is_open_on(aoba(), Date{year{2027}, December, day{29}}));   // Wednesday, year-end closure
  EXPECT_FALSE(is_open_on(aoba(), Date{year{2028}, January, day{3}}));     // Monday, year-end closure
  EXPECT_TRUE(is_open_on(aoba(), Date{year{2028}, January, day{4}}));
}

TEST(Opening, SlotsFillTheDayAndEndByClosing) {
  const Line* a = aoba().find_line("A");
  auto slots = slot_times(aoba(), *a, Date{year{2027}, June, day{15}});
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(clock_text(slots.front().start), "08:30");
  EXPECT_EQ(clock_text(slots.back().end), "17:00");
  EXPECT_EQ(slots.size(), 17u);  // 8:30–17:00 in 30-minute slots
  const Line* b = aoba().find_line("B");
  EXPECT_EQ(slot_times(aoba(), *b, Date{year{2027}, June, day{15}}).size(), 34u);
}

TEST(Opening, FacilitiesKeepTheirOwnHoursAndClosures) {
  auto d = test::sendai();
  const Office* civic = d.find_office("katahira_civic");
  ASSERT_NE(civic, nullptr);
  EXPECT_TRUE(is_open_on(*civic, Date{year{2027}, July, day{19}}));       // open on a holiday
  EXPECT_TRUE(is_open_on(*civic, Date{year{2027}, June, day{20}}));       // Sunday
  EXPECT_FALSE(is_open_on(*civic, Date{year{2027}, December, day{31}}));  // its own closed days
}

TEST(Opening, BookingWindowHonoursLeadTimeAndHorizon) {
  BookingRules r;
  r.lead_minutes = 60;
  r.horizon_days = 30;
  Instant now = at(0, 10, 0);
  EXPECT_EQ(booking_window(r, at(0, 10, 30), now), Window::too_soon);
  EXPECT_EQ(booking_window(r, at(0, 11, 0), now), Window::ok);
  EXPECT_EQ(booking_window(r, at(0, 9, 0), now), Window::past);
  EXPECT_EQ(booking_window(r, at(30, 9, 0), now), Window::ok);
  EXPECT_EQ(booking_window(r, at(31, 9, 0), now), Window::too_far);
}

TEST(Opening, NextOpeningOfAClosedOffice) {
  EXPECT_EQ(next_opening(aoba(), at(0, 10, 0)), at(0, 10, 0));   // open now
  EXPECT_EQ(next_opening(aoba(), at(0, 18, 0)), at(1, 8, 30));   // evening: tomorrow morning
  EXPECT_EQ(next_opening(aoba(), at(4, 12, 0)), at(6, 8, 30));   // Saturday: Monday
  EXPECT_EQ(next_opening(aoba(), at(0, 7, 0)), at(0, 8, 30));
}

TEST(Opening, DatesAndTimesInJapan) {
  EXPECT_EQ(tokyo_minutes(at(0, 8, 30)), 8 * 60 + 30);
  EXPECT_EQ(platform::iso_timestamp(at(0, 8, 30)), "2027-06-14T23:30:00.000Z");
  EXPECT_FALSE(parse_date("2027-02-30"));
  EXPECT_FALSE(parse_date("2027-6-1"));
  EXPECT_TRUE(parse_date("2028-02-29"));
}

}  // namespace
}  // namespace madoguchi::booking
