// The public dashboard's figures per procedure, computed without I/O from
// the raw counts and durations the stats reader gathers: applications by
// channel and by status, how many were decided, the median and 90th
// percentile of the time from submission to decision (in days, one decimal),
// and how many open cases are past their due date. No personal data.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "procedures/catalogue.h"

namespace madoguchi::insight {

struct CountRow {
  std::string procedure_id;
  std::string channel;
  std::string status;
  int64_t count = 0;
};

struct Duration {
  std::string procedure_id;
  double days = 0;  // from submission to decision
};

struct StatsInput {
  std::vector<CountRow> counts;
  std::vector<Duration> durations;
  std::map<std::string, int64_t> overdue;  // procedure id -> open cases past their due date
  std::string generated_at;                // UTC ISO
  std::string today;                       // the date in Japan the overdue count is for
};

// {"generated_at", "as_of", "procedures": [...], "totals": {...}} for every procedure of the catalogue.
nlohmann::json public_stats(const procedures::Catalogue& catalogue, StatsInput input);

// `days` rounded to one decimal.
double one_decimal(double days);

}  // namespace madoguchi::insight
