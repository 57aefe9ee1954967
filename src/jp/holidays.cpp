#include "jp/holidays.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace madoguchi::jp {

using namespace std::chrono;

namespace {

constexpr int kYears = kLastHolidayYear - kFirstHolidayYear + 1;
constexpr int kMaxBusinessDays = 36500;

year_month_day ymd(int y, unsigned m, unsigned d) { return year_month_day{year{y}, month{m}, day{d}}; }

year_month_day nth_monday(int y, unsigned m, unsigned n) {
  return year_month_day{sys_days{year_month_weekday{year{y}, month{m}, weekday_indexed{Monday, n}}}};
}

// The equinox days by the widely used approximation (valid 1900-2099), which the Cabinet Office
// announcements have matched in every year of this range so far.
unsigned vernal_equinox(int y) {
  const double base = y <= 1979 ? 20.8357 : 20.8431;
  const int leap = y <= 1979 ? (y - 1983) / 4 : (y - 1980) / 4;  // integer division truncates
  return static_cast<unsigned>(std::floor(base + 0.242194 * (y - 1980) - leap));
}

unsigned autumnal_equinox(int y) {
  const double base = y <= 1979 ? 23.2588 : 23.2488;
  const int leap = y <= 1979 ? (y - 1983) / 4 : (y - 1980) / 4;
  return static_cast<unsigned>(std::floor(base + 0.242194 * (y - 1980) - leap));
}

std::vector<Holiday> national_holidays(int y) {
  std::vector<Holiday> h;
  auto add = [&](year_month_day d, const char* ja, const char* en, HolidayKind kind = HolidayKind::national) {
    h.push_back(Holiday{d, ja, en, kind});
  };
  const year_month_day law_in_force = ymd(1948, 7, 20);
  if (y >= 1949) add(ymd(y, 1, 1), "元日", "New Year's Day");
  if (y >= 1949) add(y >= 2000 ? nth_monday(y, 1, 2) : ymd(y, 1, 15), "成人の日", "Coming of Age Day");
  if (y >= 1967) add(ymd(y, 2, 11), "建国記念の日", "National Foundation Day");
  if (y >= 2020) add(ymd(y, 2, 23), "天皇誕生日", "Emperor's Birthday");
  if (y >= 1949) add(ymd(y, 3, vernal_equinox(y)), "春分の日", "Vernal Equinox Day");
  if (y >= 1949 && y <= 1988) add(ymd(y, 4, 29), "天皇誕生日", "Emperor's Birthday");
  if (y >= 1989 && y <= 2006) add(ymd(y, 4, 29), "みどりの日", "Greenery Day");
  if (y >= 2007) add(ymd(y, 4, 29), "昭和の日", "Showa Day");
  if (y >= 1949) add(ymd(y, 5, 3), "憲法記念日", "Constitution Memorial Day");
  if (y >= 2007) add(ymd(y, 5, 4), "みどりの日", "Greenery Day");
  if (y >= 1949) add(ymd(y, 5, 5), "こどもの日", "Children's Day");
  if (y >= 1996) {
    const year_month_day marine = y == 2020 ? ymd(y, 7, 23) : y == 2021 ? ymd(y, 7, 22)
                                  : y >= 2003 ? nth_monday(y, 7, 3) : ymd(y, 7, 20);
    add(marine, "海の日", "Marine Day");
  }
  if (y == 2020) add(ymd(y, 7, 24), "スポーツの日", "Sports Day");
  if (y == 2021) add(ymd(y, 7, 23), "スポーツの日", "Sports Day");
  if (y >= 2016) {
    add(y == 2020 ? ymd(y, 8, 10) : y == 2021 ? ymd(y, 8, 8) : ymd(y, 8, 11), "山の日", "Mountain Day");
  }
  if (y >= 1966) add(y >= 2003 ? nth_monday(y, 9, 3) : ymd(y, 9, 15), "敬老の日", "Respect for the Aged Day");
  add(ymd(y, 9, autumnal_equinox(y)), "秋分の日", "Autumnal Equinox Day");
  if (y >= 1966 && y <= 1999) add(ymd(y, 10, 10), "体育の日", "Health and Sports Day");
  if (y >= 2000 && y <= 2019) add(nth_monday(y, 10, 2), "体育の日", "Health and Sports Day");
  if (y >= 2022) add(nth_monday(y, 10, 2), "スポーツの日", "Sports Day");
  add(ymd(y, 11, 3), "文化の日", "Culture Day");
  add(ymd(y, 11, 23), "勤労感謝の日", "Labour Thanksgiving Day");
  if (y >= 1989 && y <= 2018) add(ymd(y, 12, 23), "天皇誕生日", "Emperor's Birthday");

  // Days made holidays by their own laws; the 2019 ones count as national holidays for the
  // substitute and citizens' holiday rules (their law says so).
  const HolidayKind special = HolidayKind::special;
  if (y == 1959) add(ymd(y, 4, 10), "皇太子明仁親王の結婚の儀", "Wedding of Crown Prince Akihito", special);
  if (y == 1989) add(ymd(y, 2, 24), "昭和天皇の大喪の礼", "State Funeral of Emperor Showa", special);
  if (y == 1990) add(ymd(y, 11, 12), "即位礼正殿の儀", "Enthronement Ceremony", special);
  if (y == 1993) add(ymd(y, 6, 9), "皇太子徳仁親王の結婚の儀", "Wedding of Crown Prince Naruhito", special);
  if (y == 2019) {
    add(ymd(y, 5, 1), "天皇の即位の日", "Enthronement Day", special);
    add(ymd(y, 10, 22), "即位礼正殿の儀の行われる日", "Enthronement Ceremony Day", special);
  }
  std::erase_if(h, [&](const Holiday& x) { return x.date < law_in_force; });
  std::sort(h.begin(), h.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return h;
}

std::vector<Holiday> compute_year(int y) {
  std::vector<Holiday> h = national_holidays(y);
  auto holiday_at = [&](sys_days d) {
    return std::any_of(h.begin(), h.end(), [&](const Holiday& x) { return sys_days{x.date} == d; });
  };
  const std::vector<Holiday> base = h;
  auto base_holiday_at = [&](sys_days d) {
    return std::any_of(base.begin(), base.end(), [&](const Holiday& x) { return sys_days{x.date} == d; });
  };

  // 振替休日: from 1973-04-12 the Monday after a holiday on Sunday; from 2007 the first day after
  // it that is not a national holiday.
  for (const Holiday& x : base) {
    const sys_days d{x.date};
    if (weekday{d} != Sunday || x.date < ymd(1973, 4, 12)) continue;
    sys_days sub = d + days{1};
    if (y >= 2007) {
      while (base_holiday_at(sub)) sub += days{1};
    } else if (base_holiday_at(sub)) {
      continue;
    }
    if (year_month_day{sub}.year() == year{y}) h.push_back(Holiday{year_month_day{sub}, "振替休日", "Substitute Holiday", HolidayKind::substitute});
  }
  // 国民の休日: from 1985-12-27 a day between two national holidays (before 2007 not a Sunday
  // nor a substitute holiday).
  if (y >= 1986) {
    for (const Holiday& x : base) {
      const sys_days between = sys_days{x.date} + days{1};
      if (!base_holiday_at(between + days{1}) || base_holiday_at(between)) continue;
      if (y < 2007 && (weekday{between} == Sunday || holiday_at(between))) continue;
      if (holiday_at(between)) continue;
      h.push_back(Holiday{year_month_day{between}, "国民の休日", "Citizens' Holiday", HolidayKind::citizens});
    }
  }
  std::sort(h.begin(), h.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return h;
}

const std::array<std::vector<Holiday>, kYears>& table() {
  static const std::array<std::vector<Holiday>, kYears> all = [] {
    std::array<std::vector<Holiday>, kYears> out;
    for (int y = kFirstHolidayYear; y <= kLastHolidayYear; ++y) out[static_cast<std::size_t>(y - kFirstHolidayYear)] = compute_year(y);
    return out;
  }();
  return all;
}

bool in_range(year_month_day d) {
  const int y = static_cast<int>(d.year());
  return d.ok() && y >= kFirstHolidayYear && y <= kLastHolidayYear;
}

Error range_error() {
  return make_error("date_out_of_range",
                    "祝日と営業日は" + std::to_string(kFirstHolidayYear) + "年から" + std::to_string(kLastHolidayYear) +
                        "年まで計算できます。",
                    "Holidays and business days are computed from " + std::to_string(kFirstHolidayYear) + " to " +
                        std::to_string(kLastHolidayYear) + ".");
}

}  // namespace

std::optional<Holiday> holiday_on(year_month_day date) {
  if (!in_range(date)) return std::nullopt;
  for (const Holiday& h : table()[static_cast<std::size_t>(static_cast<int>(date.year()) - kFirstHolidayYear)]) {
    if (h.date == date) return h;
  }
  return std::nullopt;
}

bool is_holiday(year_month_day date) { return holiday_on(date).has_value(); }

Parsed<std::vector<Holiday>> holidays_in_year(int y) {
  if (y < kFirstHolidayYear || y > kLastHolidayYear) {
    Error e = range_error();
    e.code = "year_out_of_range";
    return e;
  }
  return table()[static_cast<std::size_t>(y - kFirstHolidayYear)];
}

bool is_city_closed(year_month_day date) {
  const weekday w{sys_days{date}};
  if (w == Saturday || w == Sunday) return true;
  if (date.month() == December && date.day() >= day{29}) return true;
  if (date.month() == January && date.day() <= day{3}) return true;
  return is_holiday(date);
}

bool is_business_day(year_month_day date) { return date.ok() && !is_city_closed(date); }

Parsed<year_month_day> business_days_after(year_month_day date, int n) {
  if (!in_range(date)) return range_error();
  if (n > kMaxBusinessDays || n < -kMaxBusinessDays) {
    return make_error("too_many_days", "営業日数が大きすぎます（最大" + std::to_string(kMaxBusinessDays) + "日）。",
                      "Too many business days (at most " + std::to_string(kMaxBusinessDays) + ").");
  }
  sys_days d{date};
  const days step{n >= 0 ? 1 : -1};
  for (int remaining = n >= 0 ? n : -n; remaining > 0;) {
    d += step;
    if (!in_range(year_month_day{d})) return range_error();
    if (is_business_day(year_month_day{d})) --remaining;
  }
  return year_month_day{d};
}

Parsed<year_month_day> first_business_day_from(year_month_day date) {
  if (!in_range(date)) return range_error();
  sys_days d{date};
  while (!is_business_day(year_month_day{d})) {
    d += days{1};
    if (!in_range(year_month_day{d})) return range_error();
  }
  return year_month_day{d};
}

}  // namespace madoguchi::jp
