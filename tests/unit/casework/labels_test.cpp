#include "casework/web/labels.h"

#include <gtest/gtest.h>

using madoguchi::casework::clerk_day;
using madoguchi::platform::web::Language;

TEST(ClerkDay, JapaneseShowsTheWeekdayInKanji) {
  EXPECT_EQ(clerk_day("2026-11-26", Language::ja), "2026/11/26(木)");
  EXPECT_EQ(clerk_day("2027-01-04", Language::ja), "2027/1/4(月)");
  EXPECT_EQ(clerk_day("2026-11-22", Language::easy), "2026/11/22(日)");
}

TEST(ClerkDay, EnglishNamesDayAndMonth) { EXPECT_EQ(clerk_day("2026-11-26", Language::en), "Thu 26 Nov 2026"); }

TEST(ClerkDay, AnythingElseIsShownAsItIs) {
  EXPECT_EQ(clerk_day("", Language::ja), "");
  EXPECT_EQ(clerk_day("2026-02-30", Language::ja), "2026-02-30");
}
