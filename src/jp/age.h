// Age by Japanese law: under 年齢計算ニ関スル法律 and 民法第143条 one reaches age N at the end of the
// day before the Nth birthday (for a 29 February birth, at the end of 28 February), and is treated
// as N for that whole day. School-year (年度, April to March) helpers built on that rule.
#pragma once

#include <chrono>

#include "jp/parsed.h"

namespace madoguchi::jp {

// The day on which someone born on `birth` reaches `years` (「満N歳に達する日」), e.g. born
// 2008-04-02 reaches 18 on 2026-04-01. "invalid_date", "negative_age" or "date_out_of_range".
Parsed<std::chrono::year_month_day> date_reaching_age(std::chrono::year_month_day birth, int years);

// Legal age on the day `on`: the largest N whose reaching day is on or before `on`. It is one
// more than the birthday count on the day before each birthday. "on_before_birth" if on < birth.
Parsed<int> age_on(std::chrono::year_month_day birth, std::chrono::year_month_day on);

// The first 31 March on or after the day of reaching `years`, as child allowance (児童手当:
// 18歳到達後の最初の3月31日まで) and other school-year rules use. Born 2008-04-01: 2026-03-31;
// born 2008-04-02: 2027-03-31.
Parsed<std::chrono::year_month_day> first_march_31_after_turning(std::chrono::year_month_day birth,
                                                                 int years);

// The first 1 April after reaching 6, when a child enters elementary school (学校教育法第17条).
Parsed<std::chrono::year_month_day> elementary_school_entry(std::chrono::year_month_day birth);

// The fiscal/school year (年度) a date belongs to: 2027-03-31 is in 年度 2026.
int fiscal_year(std::chrono::year_month_day date);

}  // namespace madoguchi::jp
