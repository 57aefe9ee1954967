// Date limits relative to today, the day ages are measured on, and sample dates resolved for a day.
#include <gtest/gtest.h>

#include "forms/date_rules.h"
#include "forms/sample_dates.h"

namespace madoguchi::forms {
namespace {

using std::chrono::year_month_day;
constexpr year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(DateRules, ParsesAndPrintsBounds) {
  for (const char* text : {"today", "today-18y", "today+30d", "today-6m", "2026-04-01"}) {
    const auto bound = parse_date_bound(text);
    ASSERT_TRUE(bound) << text;
    EXPECT_EQ(date_bound_text(*bound), text);
  }
  for (const char* bad : {"", "tomorrow", "today+", "today-8w", "today+999y", "2026-02-30", "today 1d"}) {
    EXPECT_FALSE(parse_date_bound(bad)) << bad;
  }
}

TEST(DateRules, ResolvesAgainstToday) {
  const auto today = ymd(2024, 3, 31);
  EXPECT_EQ(resolve_date_bound(*parse_date_bound("today-1m"), today), ymd(2024, 2, 29));
  EXPECT_EQ(resolve_date_bound(*parse_date_bound("today+1y"), ymd(2024, 2, 29)), ymd(2025, 2, 28));
  EXPECT_EQ(resolve_date_bound(*parse_date_bound("today+1d"), today), ymd(2024, 4, 1));
  EXPECT_FALSE(resolve_date_bound(*parse_date_bound("today"), std::nullopt));
  EXPECT_EQ(resolve_date_bound(*parse_date_bound("2026-04-01"), std::nullopt), ymd(2026, 4, 1));
}

TEST(DateRules, FiscalYearReferenceDays) {
  EXPECT_EQ(age_reference_day(AgeBasis::fiscal_year_end, ymd(2026, 11, 22)), ymd(2027, 3, 31));
  EXPECT_EQ(age_reference_day(AgeBasis::fiscal_year_end, ymd(2027, 3, 31)), ymd(2027, 3, 31));
  EXPECT_EQ(age_reference_day(AgeBasis::fiscal_year_start, ymd(2027, 1, 5)), ymd(2026, 4, 1));
  EXPECT_EQ(age_reference_day(AgeBasis::today, ymd(2027, 1, 5)), ymd(2027, 1, 5));
}

TEST(DateRules, AgeByJapaneseLaw) {
  EXPECT_EQ(age_from_iso("2008-04-02", ymd(2026, 4, 1)), 18);
  EXPECT_EQ(age_from_iso("2008-04-02", ymd(2026, 3, 31)), 17);
  EXPECT_FALSE(age_from_iso("2030-01-01", ymd(2026, 3, 31)));
  EXPECT_FALSE(age_from_iso("not a date", ymd(2026, 3, 31)));
}

}  // namespace
}  // namespace madoguchi::forms

namespace madoguchi::forms {
namespace {

TEST(SampleDates, RelativeDatesAreResolvedForTheDayAndEverythingElseIsKept) {
  const std::chrono::year_month_day day{std::chrono::year{2028}, std::chrono::February, std::chrono::day{29}};
  const auto answers = nlohmann::json::parse(R"({
    "preferred_date": "today+10d", "birth_date": "1990-04-05", "wareki": "平成2年4月5日",
    "children": [{"birth_date": "today-1y", "note": "today is fine"}], "count": 3, "flag": true,
    "puppy": {"born": "today-6m", "seen": "today"}})");
  const auto resolved = resolve_sample_dates(answers, day);
  EXPECT_EQ(resolved["preferred_date"], "2028-03-10");
  EXPECT_EQ(resolved["birth_date"], "1990-04-05");
  EXPECT_EQ(resolved["wareki"], "平成2年4月5日");
  EXPECT_EQ(resolved["children"][0]["birth_date"], "2027-02-28");  // no 29 February in 2027
  EXPECT_EQ(resolved["children"][0]["note"], "today is fine");
  EXPECT_EQ(resolved["count"], 3);
  EXPECT_EQ(resolved["flag"], true);
  EXPECT_EQ(resolved["puppy"]["born"], "2027-08-29");
  EXPECT_EQ(resolved["puppy"]["seen"], "2028-02-29");
}

}  // namespace
}  // namespace madoguchi::forms
