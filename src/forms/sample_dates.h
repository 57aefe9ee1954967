// Sample answers (demo data, test fixtures) say dates that depend on when they
// are used relative to that day ("today+10d", "today-6m"), as form limits do;
// this turns them into the ISO dates a citizen would type on `today`.
#pragma once

#include <chrono>

#include <nlohmann/json.hpp>

namespace madoguchi::forms {

// `answers` with every string that parse_date_bound reads as relative to today
// replaced by its ISO date; everything else (fixed dates included) unchanged.
nlohmann::json resolve_sample_dates(nlohmann::json answers, std::chrono::year_month_day today);

}  // namespace madoguchi::forms
