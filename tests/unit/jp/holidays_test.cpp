#include "jp/holidays.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "jp/wareki.h"

namespace madoguchi::jp {
namespace {

using namespace std::chrono;

year_month_day ymd(int y, unsigned m, unsigned d) { return year_month_day{year{y}, month{m}, day{d}}; }

// Every holiday in the npm package @holiday-jp/holiday_jp: date -> Japanese name. Read at test
// time from node_modules (the tests run from the repository root).
std::map<std::string, std::string> holiday_jp_data() {
  const char* path = "node_modules/@holiday-jp/holiday_jp/lib/holidays.js";
  std::ifstream in(path);
  if (!in) ADD_FAILURE() << "cannot read " << path << ": run npm ci in the repository root";
  std::map<std::string, std::string> out;
  const std::regex date_line(R"re(^\s*date:\s*"(\d{4}-\d{2}-\d{2})",?\s*$)re");
  const std::regex name_line(R"re(^\s*name:\s*"([^"]+)",?\s*$)re");
  std::string line, date;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, date_line)) {
      date = m[1];
    } else if (std::regex_match(line, m, name_line) && !date.empty()) {
      out[date] = m[1];
      date.clear();
    }
  }
  return out;
}

// Where our names (the law's) differ from the package's labels.
std::string expected_name(const std::string& date, const std::string& package_name) {
  static const std::map<std::string, std::string> law_names = {
      {"1989-02-24", "昭和天皇の大喪の礼"},
      {"1990-11-12", "即位礼正殿の儀"},
      {"1993-06-09", "皇太子徳仁親王の結婚の儀"},
      {"2019-05-01", "天皇の即位の日"},
      {"2019-10-22", "即位礼正殿の儀の行われる日"},
      {"2019-10-14", "体育の日"},  // renamed スポーツの日 only from 2020
  };
  if (auto it = law_names.find(date); it != law_names.end()) return it->second;
  if (package_name.size() > std::string(" 振替休日").size() &&
      package_name.ends_with(" 振替休日")) {
    return "振替休日";
  }
  if (package_name == "休日") return "国民の休日";
  return package_name;
}

TEST(Holidays, MatchEveryDateOfHolidayJp) {
  const auto data = holiday_jp_data();
  ASSERT_GT(data.size(), 1300u) << "the holiday_jp data was not read";
  const int first = std::stoi(data.begin()->first.substr(0, 4));
  const int last = std::stoi(data.rbegin()->first.substr(0, 4));
  ASSERT_EQ(first, 1970);
  ASSERT_GE(last, 2050);
  std::size_t compared = 0;
  for (int y = first; y <= last; ++y) {
    std::set<std::string> ours;
    for (const Holiday& h : holidays_in_year(y).value()) {
      const std::string date = format_iso(h.date);
      ours.insert(date);
      const auto it = data.find(date);
      ASSERT_NE(it, data.end()) << date << " " << h.name_ja << " is not a holiday in holiday_jp";
      EXPECT_EQ(h.name_ja, expected_name(date, it->second)) << date;
      ++compared;
    }
    for (auto it = data.lower_bound(std::to_string(y)); it != data.end() && it->first.starts_with(std::to_string(y)); ++it) {
      EXPECT_TRUE(ours.count(it->first)) << it->first << " " << it->second << " is missing";
    }
  }
  EXPECT_EQ(compared, data.size());
}

TEST(Holidays, KindsAndNames) {
  const auto h = holiday_on(ymd(2026, 5, 6));
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->kind, HolidayKind::substitute);
  EXPECT_EQ(h->name_en, "Substitute Holiday");
  EXPECT_EQ(holiday_on(ymd(2026, 9, 22))->kind, HolidayKind::citizens);
  EXPECT_EQ(holiday_on(ymd(2019, 5, 1))->kind, HolidayKind::special);
  EXPECT_EQ(holiday_on(ymd(2019, 4, 30))->kind, HolidayKind::citizens);
  EXPECT_EQ(holiday_on(ymd(2026, 1, 1))->name_en, "New Year's Day");
  EXPECT_FALSE(holiday_on(ymd(2026, 11, 24)).has_value());
}

TEST(Holidays, BeforeAndOutsideTheData) {
  // The law took effect on 1948-07-20: the first holiday was 秋分の日 that September.
  const auto y1948 = holidays_in_year(1948).value();
  ASSERT_EQ(y1948.size(), 3u);
  EXPECT_EQ(y1948[0].name_ja, "秋分の日");
  EXPECT_EQ(y1948[0].date, ymd(1948, 9, 23));
  EXPECT_EQ(holiday_on(ymd(1959, 4, 10))->name_ja, "皇太子明仁親王の結婚の儀");
  EXPECT_TRUE(is_holiday(ymd(1966, 9, 15)));  // 敬老の日 from 1966
  EXPECT_FALSE(is_holiday(ymd(1965, 9, 15)));
  // Happy Monday, equinoxes and the 2007 substitute rule late in the range.
  EXPECT_EQ(holiday_on(ymd(2099, 1, 12))->name_ja, "成人の日");
  EXPECT_EQ(holidays_in_year(1947).error().code, "year_out_of_range");
  EXPECT_EQ(holidays_in_year(2100).error().code, "year_out_of_range");
  EXPECT_FALSE(is_holiday(ymd(2100, 1, 1)));
}

TEST(Holidays, CityClosure) {
  EXPECT_TRUE(is_city_closed(ymd(2026, 12, 29)));  // Tuesday, 年末
  EXPECT_TRUE(is_city_closed(ymd(2027, 1, 3)));
  EXPECT_FALSE(is_city_closed(ymd(2027, 1, 4)));   // Monday
  EXPECT_TRUE(is_city_closed(ymd(2026, 11, 21)));  // Saturday
  EXPECT_TRUE(is_city_closed(ymd(2026, 11, 23)));  // 勤労感謝の日
  EXPECT_TRUE(is_business_day(ymd(2026, 11, 24)));
  EXPECT_FALSE(is_business_day(ymd(2026, 2, 30)));
}

TEST(Holidays, BusinessDaysAfter) {
  EXPECT_EQ(business_days_after(ymd(2026, 12, 25), 1).value(), ymd(2026, 12, 28));
  EXPECT_EQ(business_days_after(ymd(2026, 12, 25), 2).value(), ymd(2027, 1, 4));
  EXPECT_EQ(business_days_after(ymd(2026, 12, 25), 3).value(), ymd(2027, 1, 5));
  EXPECT_EQ(business_days_after(ymd(2026, 11, 20), 1).value(), ymd(2026, 11, 24));
  EXPECT_EQ(business_days_after(ymd(2026, 11, 24), -1).value(), ymd(2026, 11, 20));
  EXPECT_EQ(business_days_after(ymd(2026, 11, 22), 0).value(), ymd(2026, 11, 22));
  // Golden week 2026: 4/29 Wed holiday, 5/2-5/6 closed.
  EXPECT_EQ(business_days_after(ymd(2026, 5, 1), 1).value(), ymd(2026, 5, 7));
  EXPECT_EQ(first_business_day_from(ymd(2026, 5, 2)).value(), ymd(2026, 5, 7));
  EXPECT_EQ(first_business_day_from(ymd(2026, 5, 7)).value(), ymd(2026, 5, 7));
  EXPECT_EQ(business_days_after(ymd(2099, 12, 28), 5).error().code, "date_out_of_range");
  EXPECT_EQ(business_days_after(ymd(2026, 1, 1), 1000000).error().code, "too_many_days");
}

}  // namespace
}  // namespace madoguchi::jp
