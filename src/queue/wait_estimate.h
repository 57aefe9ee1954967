// Wait estimates for a place in a line, shown as a range: a typical (p50) and
// a bad-case (p90) figure. Each is the number of people ahead times a service
// time (the median, resp. the 90th percentile of the line's recent measured
// service times), divided by the counters serving the line: a simple model
// that needs no fixed parameter once a few people have been served. Pure.
#pragma once

#include <vector>

namespace madoguchi::queue {

struct WaitRange {
  int low_minutes = 0;   // p50
  int high_minutes = 0;  // p90
};

// `ahead`: people called before this one; `counters`: counters open for the
// line (at least 1 is assumed); `service_seconds`: recent service times
// (when fewer than 3, `default_seconds` stands in).
WaitRange estimate_wait(int ahead, int counters, std::vector<double> service_seconds, double default_seconds = 300);

// The q-quantile (0..1) of values by linear interpolation; 0 for none.
double quantile(std::vector<double> values, double q);

}  // namespace madoguchi::queue
