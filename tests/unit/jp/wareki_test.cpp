#include "jp/wareki.h"

#include <gtest/gtest.h>
#include <unicode/calendar.h>
#include <unicode/timezone.h>

#include <memory>

namespace madoguchi::jp {
namespace {

using namespace std::chrono;

year_month_day ymd(int y, unsigned m, unsigned d) { return year_month_day{year{y}, month{m}, day{d}}; }

std::string parse_iso(std::string_view text) {
  auto parsed = parse_date(text);
  return parsed.ok() ? format_iso(parsed.value()) : "error:" + parsed.error().code;
}

TEST(Wareki, ErasComeFromIcuInOrder) {
  const auto table = eras();
  ASSERT_GE(table.size(), 5u);
  EXPECT_EQ(table[0].name_ja, "明治");
  EXPECT_EQ(table[1].name_ja, "大正");
  EXPECT_EQ(table[2].name_ja, "昭和");
  EXPECT_EQ(table[3].name_ja, "平成");
  EXPECT_EQ(table[4].name_ja, "令和");
  EXPECT_EQ(table[4].letter, "R");
  EXPECT_EQ(table[3].name_en, "Heisei");
  EXPECT_EQ(table[1].first_day, ymd(1912, 7, 30));
  EXPECT_EQ(table[2].first_day, ymd(1926, 12, 25));
  EXPECT_EQ(table[3].first_day, ymd(1989, 1, 8));
  EXPECT_EQ(table[4].first_day, ymd(2019, 5, 1));
  EXPECT_EQ(table[3].last_day, ymd(2019, 4, 30));
  EXPECT_FALSE(table.back().last_day.has_value());
}

TEST(Wareki, ParsesEveryListedNotation) {
  EXPECT_EQ(parse_iso("令和8年11月22日"), "2026-11-22");
  EXPECT_EQ(parse_iso("令和元年5月1日"), "2019-05-01");
  EXPECT_EQ(parse_iso("R8.11.22"), "2026-11-22");
  EXPECT_EQ(parse_iso("R08/11/22"), "2026-11-22");
  EXPECT_EQ(parse_iso("r8-11-22"), "2026-11-22");
  EXPECT_EQ(parse_iso("H31.4.30"), "2019-04-30");
  EXPECT_EQ(parse_iso("S64.1.7"), "1989-01-07");
  EXPECT_EQ(parse_iso("T1.7.30"), "1912-07-30");
  EXPECT_EQ(parse_iso("M45.7.29"), "1912-07-29");
  EXPECT_EQ(parse_iso("令和８年１１月２２日"), "2026-11-22");
  EXPECT_EQ(parse_iso("Ｒ８．１１．２２"), "2026-11-22");
  EXPECT_EQ(parse_iso("令和 8 年 11 月 22 日"), "2026-11-22");
  EXPECT_EQ(parse_iso("令和八年十一月二十二日"), "2026-11-22");
  EXPECT_EQ(parse_iso("平成三十一年四月三十日"), "2019-04-30");
  EXPECT_EQ(parse_iso("令8年11月22日"), "2026-11-22");
  EXPECT_EQ(parse_iso("昭和64年1月7日"), "1989-01-07");
  EXPECT_EQ(parse_iso("2026-11-22"), "2026-11-22");
  EXPECT_EQ(parse_iso("2026/11/22"), "2026-11-22");
  EXPECT_EQ(parse_iso("2026.11.22"), "2026-11-22");
  EXPECT_EQ(parse_iso("2026年11月22日"), "2026-11-22");
  EXPECT_EQ(parse_iso("２０２６年１１月２２日"), "2026-11-22");
  EXPECT_EQ(parse_iso("二〇二六年十一月二十二日"), "2026-11-22");
  EXPECT_EQ(parse_iso("20261122"), "2026-11-22");
  EXPECT_EQ(parse_iso("2026－11－22"), "2026-11-22");
}

TEST(Wareki, WeekdayIsCheckedWhenGiven) {
  EXPECT_EQ(parse_iso("令和8年11月22日（日）"), "2026-11-22");
  EXPECT_EQ(parse_iso("2026/11/22(日曜日)"), "2026-11-22");
  auto wrong = parse_date("令和8年11月22日(月)");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "weekday_mismatch");
  EXPECT_NE(wrong.error().message_ja.find("日曜日"), std::string::npos);
  EXPECT_NE(wrong.error().message_en.find("Sunday"), std::string::npos);
}

TEST(Wareki, RejectsDatesThatDoNotExistInTheEra) {
  auto heisei_32 = parse_date("平成32年1月1日");
  ASSERT_FALSE(heisei_32.ok());
  EXPECT_EQ(heisei_32.error().code, "era_year_out_of_range");
  EXPECT_NE(heisei_32.error().message_ja.find("平成は31年まで"), std::string::npos);

  auto before = parse_date("令和1年4月30日");
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().code, "date_before_era_start");
  EXPECT_NE(before.error().message_ja.find("平成31年4月30日"), std::string::npos);

  auto after = parse_date("平成31年5月1日");
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, "date_after_era_end");
  EXPECT_NE(after.error().message_ja.find("令和元年5月1日"), std::string::npos);

  EXPECT_EQ(parse_date("令和0年1月1日").error().code, "era_year_zero");
  EXPECT_EQ(parse_date("昭和65年1月1日").error().code, "era_year_out_of_range");
  EXPECT_EQ(parse_date("大正16年1月1日").error().code, "era_year_out_of_range");
  EXPECT_EQ(parse_date("明治5年12月2日").error().code, "before_gregorian_calendar");
}

TEST(Wareki, RejectsImpossibleCalendarDates) {
  auto feb30 = parse_date("2026年2月30日");
  ASSERT_FALSE(feb30.ok());
  EXPECT_EQ(feb30.error().code, "day_out_of_range");
  EXPECT_NE(feb30.error().message_ja.find("28日まで"), std::string::npos);
  EXPECT_EQ(parse_iso("令和6年2月29日"), "2024-02-29");
  EXPECT_EQ(parse_date("令和7年2月29日").error().code, "day_out_of_range");
  EXPECT_EQ(parse_date("2026-13-01").error().code, "month_out_of_range");
  EXPECT_EQ(parse_date("2026-00-10").error().code, "month_out_of_range");
  EXPECT_EQ(parse_date("2026-01-00").error().code, "day_out_of_range");
  EXPECT_EQ(parse_date("1850-01-01").error().code, "date_out_of_range");
}

TEST(Wareki, RejectsBadInputWithPreciseReasons) {
  EXPECT_EQ(parse_date("").error().code, "empty");
  EXPECT_EQ(parse_date("   ").error().code, "empty");
  EXPECT_EQ(parse_date(std::string(10 * 1024 * 1024, '1')).error().code, "too_long");
  EXPECT_EQ(parse_date("2026-11-2\xff").error().code, "invalid_utf8");
  EXPECT_EQ(parse_date("\xed\xa0\x80").error().code, "surrogate_code_point");
  auto combining = parse_date("2026-11-22\xcc\x81");  // U+0301
  ASSERT_FALSE(combining.ok());
  EXPECT_EQ(combining.error().code, "unexpected_character");
  EXPECT_NE(combining.error().message_en.find("U+0301"), std::string::npos);
  EXPECT_NE(combining.error().message_en.find("character 11"), std::string::npos);
  EXPECT_EQ(parse_date("8年1月1日").error().code, "era_missing");
  EXPECT_EQ(parse_date("26/11/22").error().code, "era_missing");
  EXPECT_EQ(parse_date("元年5月1日").error().code, "era_missing");
  EXPECT_EQ(parse_date("2026/11-22").error().code, "unrecognized_format");
  EXPECT_EQ(parse_date("2026年11月22").error().code, "unrecognized_format");
  EXPECT_EQ(parse_date("令和令和8年1月1日").error().code, "unrecognized_format");
  EXPECT_EQ(parse_date("2026 11 22").error().code, "unexpected_space");
  EXPECT_EQ(parse_date("X8.1.1").error().code, "unexpected_character");
}

TEST(Wareki, FormatsAllStyles) {
  EXPECT_EQ(format_wareki(ymd(2026, 11, 22)).value(), "令和8年11月22日");
  EXPECT_EQ(format_wareki(ymd(2019, 5, 1)).value(), "令和元年5月1日");
  EXPECT_EQ(format_wareki(ymd(2026, 11, 22), WarekiStyle::kanji_with_western).value(), "令和8年（2026年）11月22日");
  EXPECT_EQ(format_wareki(ymd(2019, 5, 1), WarekiStyle::kanji_with_western).value(), "令和元年（2019年）5月1日");
  EXPECT_EQ(format_wareki(ymd(1989, 1, 7), WarekiStyle::letter).value(), "S64.1.7");
  EXPECT_EQ(format_wareki(ymd(2026, 2, 30)).error().code, "invalid_date");
  EXPECT_EQ(format_wareki(ymd(1872, 12, 31)).error().code, "date_out_of_range");
  EXPECT_EQ(format_iso(ymd(1912, 7, 30)), "1912-07-30");
}

struct Boundary {
  year_month_day last_of_old;
  const char* old_last;   // last day written in the old era
  const char* new_first;  // first day written in the new era
  bool same_day_change;   // the new era began during that day
};

TEST(Wareki, EveryEraBoundaryBothWays) {
  const Boundary boundaries[] = {
      {ymd(1912, 7, 29), "明治45年7月29日", "大正元年7月30日", true},
      {ymd(1926, 12, 24), "大正15年12月24日", "昭和元年12月25日", true},
      {ymd(1989, 1, 7), "昭和64年1月7日", "平成元年1月8日", false},
      {ymd(2019, 4, 30), "平成31年4月30日", "令和元年5月1日", false},
  };
  for (const Boundary& b : boundaries) {
    const year_month_day first_of_new{sys_days{b.last_of_old} + days{1}};
    SCOPED_TRACE(b.new_first);
    // Formatting.
    EXPECT_EQ(format_wareki(b.last_of_old).value(), b.old_last);
    EXPECT_EQ(format_wareki(first_of_new).value(), b.new_first);
    // Parsing.
    EXPECT_EQ(parse_date(b.old_last).value(), b.last_of_old);
    EXPECT_EQ(parse_date(b.new_first).value(), first_of_new);
    // The new era one day early never exists.
    const auto new_era = to_wareki(first_of_new).value().era->name_ja;
    const auto early = parse_date(new_era + "元年" + std::to_string(static_cast<unsigned>(b.last_of_old.month())) + "月" +
                                  std::to_string(static_cast<unsigned>(b.last_of_old.day())) + "日");
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().code, "date_before_era_start");
    // The old era on the new era's first day exists only where the change came during that day.
    const auto old = to_wareki(b.last_of_old).value();
    const auto late = parse_date(old.era->name_ja + std::to_string(old.year) + "年" +
                                 std::to_string(static_cast<unsigned>(first_of_new.month())) + "月" +
                                 std::to_string(static_cast<unsigned>(first_of_new.day())) + "日");
    if (b.same_day_change) {
      ASSERT_TRUE(late.ok());
      EXPECT_EQ(late.value(), first_of_new);
    } else {
      ASSERT_FALSE(late.ok());
      EXPECT_EQ(late.error().code, "date_after_era_end");
    }
  }
  EXPECT_EQ(parse_date("明治45年7月31日").error().code, "date_after_era_end");
}

TEST(Wareki, AgreesWithIcuOnEveryFifthDay) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone("Asia/Tokyo"));
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(*tz, icu::Locale("ja_JP@calendar=japanese"), status));
  ASSERT_TRUE(U_SUCCESS(status));
  const int meiji = [&] {
    cal->setTime((static_cast<double>(sys_days{ymd(1900, 1, 1)}.time_since_epoch().count()) * 86400 + 10800) * 1000, status);
    return cal->get(UCAL_ERA, status);
  }();
  int checked = 0;
  for (sys_days d{ymd(1873, 1, 1)}; d <= sys_days{ymd(2100, 12, 31)}; d += days{5}) {
    cal->setTime((static_cast<double>(d.time_since_epoch().count()) * 86400 + 10800) * 1000, status);
    const auto w = to_wareki(year_month_day{d});
    ASSERT_TRUE(w.ok());
    ASSERT_EQ(w.value().era - eras().data(), cal->get(UCAL_ERA, status) - meiji) << format_iso(year_month_day{d});
    ASSERT_EQ(w.value().year, cal->get(UCAL_YEAR, status)) << format_iso(year_month_day{d});
    // Round trip through the text.
    ASSERT_EQ(parse_date(format_wareki(year_month_day{d}).value()).value(), year_month_day{d});
    ASSERT_EQ(parse_date(format_wareki(year_month_day{d}, WarekiStyle::letter).value()).value(), year_month_day{d});
    ++checked;
  }
  EXPECT_TRUE(U_SUCCESS(status));
  EXPECT_GT(checked, 16000);
}

}  // namespace
}  // namespace madoguchi::jp
