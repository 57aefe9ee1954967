#include "insight/percentile.h"

#include <algorithm>
#include <cmath>

namespace madoguchi::insight {

std::optional<double> percentile(std::vector<double>& values, double p) {
  if (values.empty() || !(p > 0) || p > 100) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

}  // namespace madoguchi::insight
