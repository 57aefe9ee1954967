// Percentiles of a sample by the nearest-rank method: the p-th percentile is
// the smallest value with at least p% of the sample at or below it (so it is
// always a value that occurred). Pure.
#pragma once

#include <optional>
#include <vector>

namespace madoguchi::insight {

// Nothing for an empty sample; p in (0, 100]. Sorts `values` in place.
std::optional<double> percentile(std::vector<double>& values, double p);

}  // namespace madoguchi::insight
