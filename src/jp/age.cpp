#include "jp/age.h"

#include <string>

namespace madoguchi::jp {

using namespace std::chrono;

namespace {

constexpr int kMaxYears = 200;
constexpr int kLastYear = 9999;

Error invalid_birth() {
  return make_error("invalid_date", "生年月日が存在しない日付です。", "The birth date does not exist.");
}

}  // namespace

Parsed<year_month_day> date_reaching_age(year_month_day birth, int years) {
  if (!birth.ok()) return invalid_birth();
  if (years < 0 || years > kMaxYears) {
    return make_error("negative_age", "年齢は0から" + std::to_string(kMaxYears) + "の範囲で指定してください。",
                      "The age must be between 0 and " + std::to_string(kMaxYears) + ".");
  }
  if (years == 0) return birth;
  const year target_year = birth.year() + std::chrono::years{years};
  if (static_cast<int>(target_year) > kLastYear) {
    return make_error("date_out_of_range", "9999年より後の日付になります。", "The date would be after the year 9999.");
  }
  // 民法第143条第2項: the period ends the day before the corresponding day; when that month has
  // no corresponding day (29 February), it ends on the last day of the month.
  const year_month_day corresponding{target_year, birth.month(), birth.day()};
  if (!corresponding.ok()) return year_month_day{year_month_day_last{target_year, month_day_last{birth.month()}}};
  return year_month_day{sys_days{corresponding} - days{1}};
}

Parsed<int> age_on(year_month_day birth, year_month_day on) {
  if (!birth.ok()) return invalid_birth();
  if (!on.ok()) return make_error("invalid_date", "基準日が存在しない日付です。", "The reference date does not exist.");
  if (on < birth) {
    return make_error("on_before_birth", "基準日が生年月日より前です。", "The reference date is before the birth date.");
  }
  // A 1 January birth reaches the year's age on 31 December of the year before.
  int age = static_cast<int>(on.year()) - static_cast<int>(birth.year()) + 1;
  if (age > kMaxYears) age = kMaxYears;
  while (age > 0) {
    const auto reached = date_reaching_age(birth, age);
    if (reached.ok() && reached.value() <= on) break;
    --age;
  }
  return age;
}

Parsed<year_month_day> first_march_31_after_turning(year_month_day birth, int years) {
  auto reached = date_reaching_age(birth, years);
  if (!reached.ok()) return reached;
  const year_month_day day = reached.value();
  const year y = day.month() <= March ? day.year() : day.year() + std::chrono::years{1};
  if (static_cast<int>(y) > kLastYear) {
    return make_error("date_out_of_range", "9999年より後の日付になります。", "The date would be after the year 9999.");
  }
  return year_month_day{y, March, std::chrono::day{31}};
}

Parsed<year_month_day> elementary_school_entry(year_month_day birth) {
  auto reached = date_reaching_age(birth, 6);
  if (!reached.ok()) return reached;
  const year_month_day next{sys_days{reached.value()} + days{1}};
  const year y = next.month() < April || (next.month() == April && next.day() == std::chrono::day{1})
                     ? next.year()
                     : next.year() + std::chrono::years{1};
  return year_month_day{y, April, std::chrono::day{1}};
}

int fiscal_year(year_month_day date) {
  const int y = static_cast<int>(date.year());
  return date.month() >= April ? y : y - 1;
}

}  // namespace madoguchi::jp
